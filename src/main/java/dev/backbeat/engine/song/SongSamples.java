package dev.backbeat.engine.song;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads stretches of a decoded song (interleaved f32le stereo) at any position, straight from its file. */
final class SongSamples implements AutoCloseable {
    private final FileChannel channel;
    private final long frames;

    SongSamples(Path pcm) throws IOException {
        this.channel = FileChannel.open(pcm, StandardOpenOption.READ);
        this.frames = channel.size() / 8;
    }

    long frames() {
        return frames;
    }

    /** Fills {@code l} and {@code r} from index 0 with {@code n} frames from {@code from}; silence outside the file. */
    void read(long from, int n, float[] l, float[] r) throws IOException {
        java.util.Arrays.fill(l, 0, n, 0f);
        java.util.Arrays.fill(r, 0, n, 0f);
        long a = Math.max(0, from);
        long b = Math.min(frames, from + n);
        if (b <= a) {
            return;
        }
        int count = (int) (b - a);
        ByteBuffer buf = ByteBuffer.allocate(count * 8).order(ByteOrder.LITTLE_ENDIAN);
        long pos = a * 8;
        while (buf.hasRemaining()) {
            int k = channel.read(buf, pos + buf.position());
            if (k < 0) {
                break;
            }
        }
        buf.flip();
        int offset = (int) (a - from);
        for (int i = 0; i < buf.limit() / 8; i++) {
            l[offset + i] = buf.getFloat(8 * i);
            r[offset + i] = buf.getFloat(8 * i + 4);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

package dev.backbeat.engine.mix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The clips' own sound laid end to end on the timeline, read at any position straight from each
 * clip's decoded file (48 kHz stereo f32, as the reading pass wrote it): nothing is loaded whole,
 * so a ten-minute clip costs an open file, not 230 MB. A clip without a file is silence; a file
 * shorter than its clip is padded with silence, a longer one cut.
 */
public final class ClipSounds implements AutoCloseable {
    private static final int FRAME_BYTES = 8;

    /** A clip on the timeline: its decoded sound (or null), where it starts and how long it is, in frames. */
    public record Clip(Path pcm, long startFrame, long frames) {
    }

    private final List<Clip> clips;
    private final List<FileChannel> channels = new ArrayList<>();
    private final long[] available;
    private ByteBuffer bytes = ByteBuffer.allocate(0);

    public ClipSounds(List<Clip> clips) throws IOException {
        this.clips = List.copyOf(clips);
        this.available = new long[clips.size()];
        try {
            for (int i = 0; i < clips.size(); i++) {
                Path p = clips.get(i).pcm();
                FileChannel ch = p != null && Files.isRegularFile(p) ? FileChannel.open(p, StandardOpenOption.READ) : null;
                channels.add(ch);
                available[i] = ch == null ? 0 : Math.min(clips.get(i).frames(), ch.size() / FRAME_BYTES);
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** The timeline's length: where the last clip ends. */
    public long frames() {
        long end = 0;
        for (Clip c : clips) {
            end = Math.max(end, c.startFrame() + c.frames());
        }
        return end;
    }

    /** Where one clip meets the next, in frames. */
    long[] joins() {
        long[] j = new long[Math.max(0, clips.size() - 1)];
        for (int i = 0; i < j.length; i++) {
            j[i] = clips.get(i + 1).startFrame();
        }
        return j;
    }

    /** Whether any clip has sound to play. */
    public boolean anySound() {
        for (long a : available) {
            if (a > 0) {
                return true;
            }
        }
        return false;
    }

    /** Fills {@code l} and {@code r} with {@code n} frames from timeline frame {@code from} (silence where there is none). */
    public synchronized void read(long from, int n, float[] l, float[] r) throws IOException {
        java.util.Arrays.fill(l, 0, n, 0f);
        java.util.Arrays.fill(r, 0, n, 0f);
        for (int i = 0; i < clips.size(); i++) {
            Clip c = clips.get(i);
            long a = Math.max(from, c.startFrame());
            long b = Math.min(from + n, c.startFrame() + available[i]);
            if (b > a) {
                readPart(channels.get(i), a - c.startFrame(), (int) (b - a), l, r, (int) (a - from));
            }
        }
    }

    private void readPart(FileChannel ch, long at, int count, float[] l, float[] r, int offset) throws IOException {
        int need = count * FRAME_BYTES;
        if (bytes.capacity() < need) {
            bytes = ByteBuffer.allocate(need).order(ByteOrder.LITTLE_ENDIAN);
        }
        bytes.clear().limit(need);
        long pos = at * FRAME_BYTES;
        while (bytes.hasRemaining()) {
            int k = ch.read(bytes, pos + bytes.position());
            if (k < 0) {
                break;
            }
        }
        int got = bytes.position() / FRAME_BYTES;
        bytes.flip();
        java.nio.FloatBuffer f = bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        for (int i = 0; i < got; i++) {
            l[offset + i] = f.get(2 * i);
            r[offset + i] = f.get(2 * i + 1);
        }
    }

    @Override
    public void close() {
        for (FileChannel ch : channels) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // read-only handle: nothing is lost
                }
            }
        }
    }
}

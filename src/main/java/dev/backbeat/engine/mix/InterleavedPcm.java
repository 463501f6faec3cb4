package dev.backbeat.engine.mix;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Float stereo frames as interleaved little-endian f32: what a float WAV holds and FFmpeg reads as {@code -f f32le -ac 2}. */
final class InterleavedPcm implements PcmSink {
    private final OutputStream out;
    private final ByteBuffer buf = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);

    InterleavedPcm(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(float[] left, float[] right, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            if (buf.remaining() < 8) {
                flush();
            }
            buf.putFloat(left[i]);
            buf.putFloat(right[i]);
        }
    }

    /** Writes what is buffered and flushes the stream. */
    void flush() throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
        out.flush();
    }
}

package dev.backbeat.engine.mix;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/** Float stereo frames as interleaved little-endian f32: what a float WAV holds and FFmpeg reads as {@code -f f32le -ac 2}. */
final class InterleavedPcm implements PcmSink {
    private static final int FRAMES = 4096;
    private final OutputStream out;
    private final byte[] bytes = new byte[8 * FRAMES];
    private final FloatBuffer floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    private final float[] frames = new float[2 * FRAMES];
    private int held;

    InterleavedPcm(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(float[] left, float[] right, int n) throws IOException {
        for (int done = 0; done < n; ) {
            int k = Math.min(n - done, FRAMES - held);
            for (int i = 0, j = 2 * held; i < k; i++, j += 2) {
                frames[j] = left[done + i];
                frames[j + 1] = right[done + i];
            }
            held += k;
            done += k;
            if (held == FRAMES) {
                drain();
            }
        }
    }

    /** One bulk copy into the byte buffer (a memory copy even before the JIT has compiled anything), then out. */
    private void drain() throws IOException {
        floats.clear();
        floats.put(frames, 0, 2 * held);
        out.write(bytes, 0, 8 * held);
        held = 0;
    }

    /** Writes what is buffered and flushes the stream. */
    void flush() throws IOException {
        drain();
        out.flush();
    }
}

package dev.backbeat.engine.mix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads interleaved little-endian 32-bit float stereo PCM a block at a time into left and right arrays. */
final class StereoPcmReader {
    static final int BLOCK = 4096;
    private final InputStream in;
    private final byte[] raw = new byte[8 * BLOCK];
    private final java.nio.FloatBuffer floats = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    private final float[] frames = new float[2 * BLOCK];
    final float[] left = new float[BLOCK];
    final float[] right = new float[BLOCK];

    StereoPcmReader(InputStream in) {
        this.in = in;
    }

    /** Fills {@link #left} and {@link #right}; returns the frames read, 0 at the end. */
    int next() throws IOException {
        int got = 0;
        while (got < raw.length) {
            int k = in.read(raw, got, raw.length - got);
            if (k < 0) {
                break;
            }
            got += k;
        }
        int n = got / 8;
        // one bulk copy (a memory copy even before the JIT has compiled this), then deinterleave
        floats.clear();
        floats.get(frames, 0, 2 * n);
        for (int i = 0, j = 0; i < n; i++, j += 2) {
            left[i] = frames[j];
            right[i] = frames[j + 1];
        }
        return n;
    }
}

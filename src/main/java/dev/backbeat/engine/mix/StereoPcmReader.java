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
    private final ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
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
        bb.clear();
        for (int i = 0; i < n; i++) {
            left[i] = bb.getFloat();
            right[i] = bb.getFloat();
        }
        return n;
    }
}

package dev.backbeat.engine.mix;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a mixed WAV (as {@link FloatWavWriter} writes it) through the true-peak limiter again at a
 * lower ceiling: peaks come down, the loudness stays where it was.
 */
final class WavLimiter {
    private static final int HEADER = 58;

    private WavLimiter() {
    }

    static void limit(Path in, Path out, double ceilingDb) throws IOException {
        PeakLimiter limiter = new PeakLimiter(ceilingDb, AudioMixer.RATE, 0.15);
        int latency = limiter.latency();
        long skip = latency;
        byte[] raw = new byte[8 * 4096];
        float[] l = new float[4096];
        float[] r = new float[4096];
        ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        try (InputStream is = new BufferedInputStream(Files.newInputStream(in), 1 << 16);
             FloatWavWriter w = new FloatWavWriter(out, AudioMixer.RATE)) {
            DataInputStream data = new DataInputStream(is);
            data.readFully(new byte[HEADER]);
            while (true) {
                int got = 0;
                while (got < raw.length) {
                    int k = data.read(raw, got, raw.length - got);
                    if (k < 0) {
                        break;
                    }
                    got += k;
                }
                int n = got / 8;
                bb.clear();
                for (int i = 0; i < n; i++) {
                    l[i] = bb.getFloat();
                    r[i] = bb.getFloat();
                }
                limiter.process(l, r, n);
                int from = (int) Math.min(n, skip);
                skip -= from;
                if (from < n) {
                    w.write(java.util.Arrays.copyOfRange(l, from, n), java.util.Arrays.copyOfRange(r, from, n), n - from);
                }
                if (got < raw.length) {
                    break;
                }
            }
            float[][] tail = limiter.flush();
            int keep = (int) (tail[0].length - Math.max(0, skip));
            if (keep > 0) {
                w.write(java.util.Arrays.copyOfRange(tail[0], tail[0].length - keep, tail[0].length),
                        java.util.Arrays.copyOfRange(tail[1], tail[1].length - keep, tail[1].length), keep);
            }
        }
    }
}

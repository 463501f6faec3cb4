package dev.backbeat.engine.mix;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
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
        try (InputStream is = new BufferedInputStream(Files.newInputStream(in), 1 << 16);
             FloatWavWriter w = new FloatWavWriter(out, AudioMixer.RATE)) {
            is.readNBytes(HEADER);
            StereoPcmReader pcm = new StereoPcmReader(is);
            for (int n; (n = pcm.next()) > 0; ) {
                limiter.process(pcm.left, pcm.right, n);
                int from = (int) Math.min(n, skip);
                skip -= from;
                if (from < n) {
                    w.write(java.util.Arrays.copyOfRange(pcm.left, from, n), java.util.Arrays.copyOfRange(pcm.right, from, n),
                            n - from);
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

package dev.backbeat.engine.mix;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our BS.1770 meter against FFmpeg's ebur128 on the same generated signals. */
class LoudnessMeasureTest {
    @TempDir
    Path dir;

    private static float[][] signal(double seconds, long seed) {
        int n = (int) (seconds * AudioMixer.RATE);
        float[][] s = new float[2][n];
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            double t = i / (double) AudioMixer.RATE;
            // a tone that comes and goes, a quieter noise bed, a loud stretch in the middle
            double env = (t % 2.0) < 1.2 ? 1 : 0.2;
            double loud = t > seconds / 2 && t < seconds / 2 + 1.5 ? 2.5 : 1;
            double x = 0.15 * env * loud * Math.sin(2 * Math.PI * 440 * t) + 0.02 * r.nextGaussian();
            s[0][i] = (float) x;
            s[1][i] = (float) (0.7 * x + 0.01 * r.nextGaussian());
        }
        return s;
    }

    private double[] ffmpeg(Path wav) throws Exception {
        Process p = Fixtures.ffmpeg().builder(Ffmpeg.Tool.FFMPEG, List.of("-hide_banner", "-nostats", "-i", wav.toString(),
                "-af", "ebur128=peak=true", "-f", "null", "-")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String summary = out.substring(out.lastIndexOf("Summary:"));
        Matcher i = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(summary);
        Matcher tp = Pattern.compile("Peak:\\s+(-?[0-9.]+) dBFS").matcher(summary);
        assertTrue(i.find() && tp.find(), summary);
        return new double[] {Double.parseDouble(i.group(1)), Double.parseDouble(tp.group(1))};
    }

    @Test
    void integratedLoudnessAndTruePeakAgreeWithFfmpeg() throws Exception {
        float[][] s = signal(12, 7);
        Path wav = dir.resolve("test.wav");
        try (FloatWavWriter w = new FloatWavWriter(wav, AudioMixer.RATE)) {
            w.write(s[0], s[1], s[0].length);
        }
        LoudnessMeasure m = new LoudnessMeasure();
        for (int pos = 0; pos < s[0].length; pos += 1000) {
            int n = Math.min(1000, s[0].length - pos);
            m.accept(java.util.Arrays.copyOfRange(s[0], pos, pos + n), java.util.Arrays.copyOfRange(s[1], pos, pos + n), n);
        }
        double[] ref = ffmpeg(wav);
        assertEquals(ref[0], m.integratedLufs(), 0.2, "integrated loudness vs ebur128");
        assertEquals(ref[1], m.truePeakDb(), 0.3, "true peak vs ebur128");
    }

    @Test
    void silenceReadsAsTheAbsoluteGate() {
        LoudnessMeasure m = new LoudnessMeasure();
        float[] zero = new float[48_000];
        m.accept(zero, zero, zero.length);
        assertEquals(-70, m.integratedLufs());
    }

    @Test
    void theLimiterKeepsTruePeaksUnderTheCeiling() {
        float[][] s = signal(6, 3);
        for (int i = 0; i < s[0].length; i++) {
            s[0][i] *= 4;
            s[1][i] *= 4;
        }
        PeakLimiter limiter = new PeakLimiter(-3, AudioMixer.RATE, 0.15);
        limiter.process(s[0], s[1], s[0].length);
        LoudnessMeasure m = new LoudnessMeasure();
        m.accept(s[0], s[1], s[0].length);
        assertTrue(m.truePeakDb() <= -2.8, "true peak after limiting: " + m.truePeakDb());
    }

    @Test
    void skippingInterpolationWhereNoPeakCanPassGivesTheSameTruePeak() {
        float[][] s = signal(4, 21);
        LoudnessMeasure.TruePeak exact = new LoudnessMeasure.TruePeak();
        LoudnessMeasure.TruePeak meter = new LoudnessMeasure.TruePeak();
        LoudnessMeasure.TruePeak limiter = new LoudnessMeasure.TruePeak();
        double floor = 0.2;
        for (float x : s[0]) {
            double e = exact.accept(x);
            meter.accept(x, meter.max);
            double l = limiter.accept(x, floor);
            // above the floor the limiter's reading is exact; below it, it may only read lower (|x|)
            assertTrue(e > floor ? l == e : l <= floor, e + " vs " + l);
        }
        assertEquals(exact.max, meter.max, 0.0);
    }
}

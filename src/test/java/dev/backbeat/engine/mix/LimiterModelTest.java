package dev.backbeat.engine.mix;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loudness the mixer predicts before limiting, against the real limiter's result. */
class LimiterModelTest {
    private static final int RATE = AudioMixer.RATE;

    /** A quiet music-like bed with loud, peaky bursts (a voice close to the microphone, door slams). */
    private static float[][] peaky(double seconds, long seed) {
        int n = (int) (seconds * RATE);
        float[][] s = new float[2][n];
        Random r = new Random(seed);
        double burstUntil = -1;
        double burstLevel = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            if (t > burstUntil && r.nextDouble() < 2.0 / RATE) {
                burstUntil = t + 0.05 + 0.4 * r.nextDouble();
                burstLevel = 0.3 + 0.6 * r.nextDouble();
            }
            double bed = 0.05 * Math.sin(2 * Math.PI * 220 * t) + 0.03 * Math.sin(2 * Math.PI * 331 * t) + 0.01 * r.nextGaussian();
            double burst = t < burstUntil ? burstLevel * Math.sin(2 * Math.PI * 180 * t) * (0.6 + 0.4 * r.nextDouble()) : 0;
            s[0][i] = (float) (bed + burst);
            s[1][i] = (float) (0.8 * bed + burst);
        }
        return s;
    }

    /** A steady bed with sharp hits (claps, a drum close to the microphone): peaks far above the loudness. */
    private static float[][] hits(double seconds, long seed) {
        int n = (int) (seconds * RATE);
        float[][] s = new float[2][n];
        Random r = new Random(seed);
        double hitAt = -1;
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            if (r.nextDouble() < 3.0 / RATE) {
                hitAt = t;
            }
            double bed = 0.02 * Math.sin(2 * Math.PI * 196 * t) + 0.015 * Math.sin(2 * Math.PI * 294 * t) + 0.004 * r.nextGaussian();
            double hit = hitAt >= 0 ? 0.5 * Math.exp(-(t - hitAt) / 0.01) * r.nextGaussian() : 0;
            s[0][i] = (float) (bed + hit);
            s[1][i] = (float) (0.9 * bed + hit);
        }
        return s;
    }

    private static double limitedLufs(float[][] s, double gainDb, double ceilingDb) {
        float g = (float) Math.pow(10, gainDb / 20);
        float[] l = new float[s[0].length];
        float[] r = new float[s[1].length];
        for (int i = 0; i < l.length; i++) {
            l[i] = s[0][i] * g;
            r[i] = s[1][i] * g;
        }
        PeakLimiter limiter = new PeakLimiter(ceilingDb, RATE, 0.15);
        limiter.process(l, r, l.length);
        LoudnessMeasure m = new LoudnessMeasure(false);
        int skip = limiter.latency();
        m.accept(java.util.Arrays.copyOfRange(l, skip, l.length), java.util.Arrays.copyOfRange(r, skip, r.length), l.length - skip);
        return m.integratedLufs();
    }

    private static LimiterModel model(float[][] s) {
        LimiterModel model = new LimiterModel();
        for (int pos = 0; pos < s[0].length; pos += 8192) {
            int n = Math.min(8192, s[0].length - pos);
            model.accept(java.util.Arrays.copyOfRange(s[0], pos, pos + n), java.util.Arrays.copyOfRange(s[1], pos, pos + n), n);
        }
        return model;
    }

    @Test
    void predictsTheLoudnessTheLimiterLeaves() {
        for (long seed = 1; seed <= 3; seed++) {
            float[][] s = peaky(20, seed);
            LimiterModel model = model(s);
            for (double gain : new double[] {0, 6, 12, 18}) {
                double real = limitedLufs(s, gain, -2.5);
                double predicted = model.predictLufs(gain, -2.5, 0.15);
                double naive = model.unlimitedLufs() + gain;
                System.out.printf("seed %d gain %4.1f dB: limited %.2f LUFS, predicted %.2f, gain alone %.2f%n",
                        seed, gain, real, predicted, naive);
                assertEquals(real, predicted, 0.3, "prediction at +" + gain + " dB");
            }
        }
    }

    @Test
    void theGainWorkedOutAheadLandsOnTheTargetAfterLimiting() {
        for (long seed = 4; seed <= 6; seed++) {
            // a quiet recording with sharp hits: it needs gain, and the gain pushes the hits into the limiter
            float[][] s = hits(20, seed);
            LimiterModel model = model(s);
            double gain = model.gainFor(-14, -2.5, 0.15, 30);
            double real = limitedLufs(s, gain, -2.5);
            double naive = limitedLufs(s, -14 - model.unlimitedLufs(), -2.5);
            System.out.printf("seed %d: gain %.2f dB → %.2f LUFS (gain from the unlimited loudness alone → %.2f)%n",
                    seed, gain, real, naive);
            assertEquals(-14, real, LoudnessTolerance.ONE_PASS, "one pass should land on the target");
            assertTrue(naive < -14.5, "the material should make the limiter bite (else this test shows nothing): " + naive);
        }
    }

    @Test
    void silenceNeedsNoGain() {
        LimiterModel model = model(new float[2][RATE * 3]);
        assertEquals(0, model.gainFor(-14, -2.5, 0.15, 30));
    }

    private static final class LoudnessTolerance {
        static final double ONE_PASS = AudioMixer.LOUDNESS_TOLERANCE;
    }
}

package dev.backbeat.engine.produce;

import org.junit.jupiter.api.Test;

import static dev.backbeat.engine.produce.Signals.RATE;
import static dev.backbeat.engine.produce.Signals.rms;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reverb and the echo, fed a click. */
class SpaceTest {
    private static final int N = 4 * 48_000;

    @Test
    void theRoomAnswersAClickWithADecayingStereoTail() {
        float[] send = new float[N];
        send[0] = 1;
        float[] l = new float[N];
        float[] r = new float[N];
        new Reverb(0.8, 0.4, 1, 1, 20, 100, 10000, RATE).process(send, 0, N, l, r, 0);
        int pre = (int) (0.02 * RATE);
        for (int i = 0; i < pre; i++) assertEquals(0, l[i], 1e-9, "nothing before the pre-delay");
        double early = rms(l, pre, pre + 24_000);
        double late = rms(l, 3 * 48_000, N);
        assertTrue(early > 1e-4, "a tail " + early);
        assertTrue(late < early / 30, "it dies away: early " + early + " late " + late);
        double dot = 0, ll = 0, rr = 0;
        for (int i = 0; i < N; i++) {
            dot += l[i] * (double) r[i];
            ll += l[i] * (double) l[i];
            rr += r[i] * (double) r[i];
        }
        assertTrue(Math.abs(dot / Math.sqrt(ll * rr)) < 0.3, "the two sides differ (correlation " + dot / Math.sqrt(ll * rr) + ")");
    }

    @Test
    void aBiggerRoomRingsLonger() {
        assertTrue(tail(0.9) > 3 * tail(0.3), "room size sets the decay");
    }

    private static double tail(double size) {
        float[] send = new float[N];
        send[0] = 1;
        float[] l = new float[N];
        float[] r = new float[N];
        new Reverb(size, 0.4, 1, 1, 0, 20, 15000, RATE).process(send, 0, N, l, r, 0);
        return rms(l, 48_000, 2 * 48_000);
    }

    @Test
    void theRoomGivesTheSameAnswerInBlocks() {
        float[] send = Signals.noise(9, 0.3, N / 4);
        float[] l1 = new float[send.length], r1 = new float[send.length];
        float[] l2 = new float[send.length], r2 = new float[send.length];
        new Reverb(0.7, 0.5, 1, 1, 15, 200, 9000, RATE).process(send, 0, send.length, l1, r1, 0);
        Reverb b = new Reverb(0.7, 0.5, 1, 1, 15, 200, 9000, RATE);
        for (int at = 0; at < send.length; at += 7001) {
            b.process(send, at, Math.min(7001, send.length - at), l2, r2, at);
        }
        assertArrayEquals(l1, l2);
        assertArrayEquals(r1, r2);
    }

    @Test
    void theRoomMatchesPlainFreeverbSampleBySample() {
        // the production room runs its combs four at a time in unwrapped stretches; this is the
        // textbook form, one sample and one comb at a time, and the two must agree to the bit
        float[] send = Signals.noise(4, 0.4, 60_000);
        float[] l = new float[send.length], r = new float[send.length];
        Reverb fast = new Reverb(0.75, 0.35, 0.9, 0.8, 12, 150, 9000, RATE);
        for (int at = 0; at < send.length; at += 4096) {
            fast.process(send, at, Math.min(4096, send.length - at), l, r, at);
        }
        float[][] plain = plainFreeverb(send, 0.75, 0.35, 0.9, 0.8, 12, 150, 9000, RATE);
        assertArrayEquals(plain[0], l);
        assertArrayEquals(plain[1], r);
    }

    /** Freeverb as written out in the literature, with the same send band and pre-delay. */
    private static float[][] plainFreeverb(float[] send, double room, double damping, double width, double level,
                                           double preMs, double lowCut, double highCut, double rate) {
        int[] combs = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};
        int[] aps = {556, 441, 341, 225};
        double scale = rate / 44_100.0;
        float[][][] comb = new float[2][8][];
        float[][][] ap = new float[2][4][];
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k < 8; k++) comb[c][k] = new float[(int) Math.round((combs[k] + 23 * c) * scale)];
            for (int k = 0; k < 4; k++) ap[c][k] = new float[(int) Math.round((aps[k] + 23 * c) * scale)];
        }
        int[][] combAt = new int[2][8], apAt = new int[2][4];
        float[][] store = new float[2][8];
        float fb = (float) (room * 0.28 + 0.7), d1 = (float) (damping * 0.4), d2 = 1 - d1;
        float w1 = (float) (level * (width / 2 + 0.5)), w2 = (float) (level * ((1 - width) / 2));
        float[] pre = new float[Math.max(1, (int) Math.round(preMs * rate / 1000))];
        int preAt = 0;
        float lowCoef = (float) Math.exp(-2 * Math.PI * highCut / rate);
        float highCoef = (float) Math.exp(-2 * Math.PI * lowCut / rate);
        float lo = 0, hi = 0, ho = 0;
        float[] outL = new float[send.length], outR = new float[send.length];
        for (int i = 0; i < send.length; i++) {
            float x = pre[preAt];
            pre[preAt] = send[i];
            preAt = (preAt + 1) % pre.length;
            ho = highCoef * (ho + x - hi);
            hi = x;
            lo = ho + lowCoef * (lo - ho);
            float in = lo * 0.015f;
            float[] wet = new float[2];
            for (int c = 0; c < 2; c++) {
                for (int k = 0; k < 8; k++) {
                    float[] b = comb[c][k];
                    float y = b[combAt[c][k]];
                    store[c][k] = y * d2 + store[c][k] * d1;
                    b[combAt[c][k]] = in + store[c][k] * fb;
                    combAt[c][k] = (combAt[c][k] + 1) % b.length;
                    wet[c] = wet[c] + y;
                }
                for (int k = 0; k < 4; k++) {
                    float[] b = ap[c][k];
                    float held = b[apAt[c][k]];
                    float v = wet[c];
                    wet[c] = held - v;
                    b[apAt[c][k]] = v + held * 0.5f;
                    apAt[c][k] = (apAt[c][k] + 1) % b.length;
                }
            }
            outL[i] = wet[0] * w1 + wet[1] * w2;
            outR[i] = wet[1] * w1 + wet[0] * w2;
        }
        return new float[][] {outL, outR};
    }

    @Test
    void theEchoBouncesLeftThenRightEachQuieter() {
        float[] send = new float[N];
        send[0] = 1;
        float[] l = new float[N];
        float[] r = new float[N];
        int t = (int) (0.375 * RATE);
        new PingPongDelay(0.375, 0.5, 1, 20000, RATE).process(send, 0, N, l, r, 0);
        assertEquals(1, l[t], 1e-6, "the first repeat on the left");
        assertEquals(0, r[t], 1e-6);
        assertEquals(0.5, r[2 * t], 1e-6, "the second on the right, at the feedback's level");
        double third = 0;
        for (int i = 3 * t - 5; i < 3 * t + 50; i++) third = Math.max(third, Math.abs(l[i]));
        assertTrue(third < 0.25 && third > 0.1, "the third back on the left, darkened: " + third);
    }
}

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

package dev.backbeat.engine.synth;

/**
 * Sums the stems into the mix, sets its level (RMS in dBFS) and keeps every peak under the
 * ceiling with a look-ahead limiter; the stems get the same gains so they still add up to the mix.
 * The ending fades over the last moments so no note is cut off.
 */
public final class Mastering {

    public static final double CEILING_DB = -1.5;
    private static final int LOOKAHEAD = 96;
    private static final double RELEASE = 1 - Math.exp(-1 / (0.08 * GervillRenderer.RATE));

    /** Returns the mix; the stems are changed in place. */
    public float[][] master(float[][][] stems, double levelDb, double fadeOutSec) {
        int n = stems[0][0].length;
        float[][] mix = new float[2][n];
        for (float[][] s : stems) {
            for (int c = 0; c < 2; c++) {
                float[] m = mix[c];
                float[] x = s[c];
                for (int i = 0; i < n; i++) m[i] += x[i];
            }
        }
        return finish(mix, stems, levelDb, fadeOutSec);
    }

    /** Masters an already summed mix in place (no stems kept), and returns it. */
    public float[][] masterMix(float[][] mix, double levelDb, double fadeOutSec) {
        return finish(mix, new float[0][][], levelDb, fadeOutSec);
    }

    private float[][] finish(float[][] mix, float[][][] stems, double levelDb, double fadeOutSec) {
        int n = mix[0].length;
        double sum = 0;
        for (int c = 0; c < 2; c++) for (float v : mix[c]) sum += v * (double) v;
        double rms = Math.sqrt(sum / Math.max(1, 2.0 * n));
        double gain = rms > 1e-9 ? Math.pow(10, levelDb / 20) / rms : 1;
        double ceiling = Math.pow(10, CEILING_DB / 20);
        float[] g = limiterGain(mix, gain, ceiling);
        int fade = (int) Math.round(fadeOutSec * GervillRenderer.RATE);
        int fadeIn = (int) (0.003 * GervillRenderer.RATE);
        for (int i = 0; i < n; i++) {
            double f = 1;
            if (i >= n - fade) f = (n - 1 - i) / (double) fade;
            if (i < fadeIn) f = Math.min(f, i / (double) fadeIn);
            g[i] = (float) (g[i] * gain * f);
        }
        float lim = (float) ceiling;
        for (int c = 0; c < 2; c++) {
            float[] m = mix[c];
            for (int i = 0; i < n; i++) m[i] = Math.max(-lim, Math.min(lim, m[i] * g[i]));
            for (float[][] s : stems) {
                float[] x = s[c];
                for (int i = 0; i < n; i++) x[i] *= g[i];
            }
        }
        return mix;
    }

    /** Per-sample gain (without the make-up gain) keeping |gain·x| under the ceiling. */
    private static float[] limiterGain(float[][] mix, double gain, double ceiling) {
        int n = mix[0].length;
        float[] need = new float[n];
        for (int i = 0; i < n; i++) {
            double peak = Math.max(Math.abs(mix[0][i]), Math.abs(mix[1][i])) * gain;
            need[i] = peak > ceiling ? (float) (ceiling / peak) : 1f;
        }
        // Sliding minimum over the look-ahead window, so the gain is already down when a peak arrives.
        float[] g = new float[n];
        int[] deque = new int[LOOKAHEAD + 2];
        int head = 0, size = 0;
        for (int i = n - 1 + LOOKAHEAD; i >= 0; i--) {
            if (i < n) {
                while (size > 0 && need[deque[(head + size - 1) % deque.length]] >= need[i]) size--;
                deque[(head + size) % deque.length] = i;
                size++;
            }
            int k = i - LOOKAHEAD;
            if (k < 0) continue;
            while (size > 0 && deque[head] > k + LOOKAHEAD) {
                head = (head + 1) % deque.length;
                size--;
            }
            g[k] = size == 0 ? 1f : need[deque[head]];
        }
        double current = 1;
        for (int i = 0; i < n; i++) {
            current = g[i] < current ? g[i] : current + RELEASE * (1 - current);
            current = Math.min(current, g[i]);
            g[i] = (float) current;
        }
        return g;
    }
}

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
        double[][] mix = new double[2][n];
        for (float[][] s : stems) {
            for (int c = 0; c < 2; c++) for (int i = 0; i < n; i++) mix[c][i] += s[c][i];
        }
        double sum = 0;
        for (int c = 0; c < 2; c++) for (int i = 0; i < n; i++) sum += mix[c][i] * mix[c][i];
        double rms = Math.sqrt(sum / Math.max(1, 2.0 * n));
        double gain = rms > 1e-9 ? Math.pow(10, levelDb / 20) / rms : 1;
        double ceiling = Math.pow(10, CEILING_DB / 20);
        double[] g = limiterGain(mix, gain, ceiling);
        int fade = (int) Math.round(fadeOutSec * GervillRenderer.RATE);
        int fadeIn = (int) (0.003 * GervillRenderer.RATE);
        for (int i = 0; i < n; i++) {
            double f = 1;
            if (i >= n - fade) f = (n - 1 - i) / (double) fade;
            if (i < fadeIn) f = Math.min(f, i / (double) fadeIn);
            g[i] *= gain * f;
        }
        float[][] out = new float[2][n];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < n; i++) {
                out[c][i] = (float) Math.max(-ceiling, Math.min(ceiling, mix[c][i] * g[i]));
            }
            for (float[][] s : stems) for (int i = 0; i < n; i++) s[c][i] = (float) (s[c][i] * g[i]);
        }
        return out;
    }

    /** Per-sample gain (without the make-up gain) keeping |gain·x| under the ceiling. */
    private static double[] limiterGain(double[][] mix, double gain, double ceiling) {
        int n = mix[0].length;
        double[] need = new double[n];
        for (int i = 0; i < n; i++) {
            double peak = Math.max(Math.abs(mix[0][i]), Math.abs(mix[1][i])) * gain;
            need[i] = peak > ceiling ? ceiling / peak : 1;
        }
        double[] g = new double[n];
        java.util.ArrayDeque<Integer> window = new java.util.ArrayDeque<>();
        double current = 1;
        for (int i = n - 1 + LOOKAHEAD; i >= 0; i--) {
            int j = i;
            if (j < n) {
                while (!window.isEmpty() && need[window.peekLast()] >= need[j]) window.pollLast();
                window.addLast(j);
            }
            int k = i - LOOKAHEAD;
            if (k < 0) continue;
            while (!window.isEmpty() && window.peekFirst() > k + LOOKAHEAD) window.pollFirst();
            g[k] = window.isEmpty() ? 1 : need[window.peekFirst()];
        }
        for (int i = 0; i < n; i++) {
            current = g[i] < current ? g[i] : current + RELEASE * (1 - current);
            current = Math.min(current, g[i]);
            g[i] = current;
        }
        return g;
    }
}

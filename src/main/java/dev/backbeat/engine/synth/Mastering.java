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

    /** Masters {@code mix} in place and gives the stems (which add up to it) the same gains. */
    public float[][] masterMixAndStems(float[][] mix, float[][][] stems, double levelDb, double fadeOutSec) {
        return finish(mix, stems, levelDb, fadeOutSec);
    }

    private float[][] finish(float[][] mix, float[][][] stems, double levelDb, double fadeOutSec) {
        int n = mix[0].length;
        float[] left = mix[0];
        float[] right = mix[1];
        double sum = 0;
        for (int i = 0; i < n; i++) sum += left[i] * (double) left[i] + right[i] * (double) right[i];
        double rms = Math.sqrt(sum / Math.max(1, 2.0 * n));
        double gain = rms > 1e-9 ? Math.pow(10, levelDb / 20) / rms : 1;
        double ceiling = Math.pow(10, CEILING_DB / 20);
        float[] g = limiterGain(mix, gain, ceiling);
        int fade = (int) Math.round(fadeOutSec * GervillRenderer.RATE);
        int fadeIn = (int) (0.003 * GervillRenderer.RATE);
        float lim = (float) ceiling;
        for (int i = 0; i < n; i++) {
            double f = 1;
            if (i >= n - fade) f = (n - 1 - i) / (double) fade;
            if (i < fadeIn) f = Math.min(f, i / (double) fadeIn);
            float gi = (float) (g[i] * gain * f);
            left[i] = Math.max(-lim, Math.min(lim, left[i] * gi));
            right[i] = Math.max(-lim, Math.min(lim, right[i] * gi));
            g[i] = gi;
        }
        for (float[][] st : stems) {
            for (int c = 0; c < 2; c++) {
                float[] x = st[c];
                for (int i = 0; i < n; i++) x[i] *= g[i];
            }
        }
        return mix;
    }

    /** Per-sample gain (without the make-up gain) keeping |gain·x| under the ceiling. */
    private static float[] limiterGain(float[][] mix, double gain, double ceiling) {
        int n = mix[0].length;
        float[] left = mix[0];
        float[] right = mix[1];
        float[] need = new float[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            double peak = Math.max(Math.abs(left[i]), Math.abs(right[i])) * gain;
            if (peak > ceiling) {
                need[i] = (float) (ceiling / peak);
                any = true;
            } else {
                need[i] = 1f;
            }
        }
        if (!any) {
            return need;
        }
        // The lowest need over the look-ahead window [i, i + LOOKAHEAD], so the gain is already down
        // when a peak arrives: van Herk / Gil-Werman, a running minimum forwards and backwards within
        // blocks of the window's length, two reads per sample whatever the window.
        int w = LOOKAHEAD + 1;
        float[] fwd = new float[n];
        float[] bwd = new float[n];
        for (int start = 0; start < n; start += w) {
            int end = Math.min(n, start + w);
            float m = 1f;
            for (int i = start; i < end; i++) {
                m = Math.min(m, need[i]);
                fwd[i] = m;
            }
            m = 1f;
            for (int i = end - 1; i >= start; i--) {
                m = Math.min(m, need[i]);
                bwd[i] = m;
            }
        }
        float[] g = fwd;
        for (int i = 0; i < n; i++) {
            int last = Math.min(n - 1, i + LOOKAHEAD);
            // the window starts in block i / w and either fills it (i at its start, or the end of the
            // piece in it) or ends in the next one
            g[i] = last / w == i / w ? bwd[i] : Math.min(bwd[i], fwd[last]);
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

package dev.backbeat.engine.produce;

/**
 * What the whole mix gets before mastering: brought to the reference level, then tape wobble,
 * glue compression, a tape soft clip and a record's noise, as the style says. The stems get the
 * same changes (the compressor's and the clip's gains, their own wobble), so they still add up to
 * the mix; the noise comes back as a stem of its own.
 */
public final class BusChain {
    private static final int BLOCK = 4096;
    private final StylePreset preset;
    private final long seed;
    private final double rate;

    BusChain(StylePreset preset, long seed, double rate) {
        this.preset = preset;
        this.seed = seed;
        this.rate = rate;
    }

    /** Processes the mix and the stems in place; returns the noise stem (null when the style has none or no stems are kept). */
    public float[][] process(float[][] mix, float[][][] stems) {
        int n = mix[0].length;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += mix[0][i] * (double) mix[0][i] + mix[1][i] * (double) mix[1][i];
        double rms = Math.sqrt(sum / Math.max(1, 2.0 * n));
        if (rms < 1e-9) return null;
        float g0 = (float) (Math.pow(10, StylePreset.REFERENCE_RMS_DB / 20) / rms);
        scale(mix, g0, n);
        for (float[][] s : stems) scale(s, g0, n);
        StylePreset.Wear wear = preset.wear();
        if (wear.wowMs() > 0 || wear.flutterMs() > 0) {
            new WowAndFlutter(wear.wowMs(), wear.flutterMs(), rate).process(mix[0], mix[1], 0, n);
            for (float[][] s : stems) new WowAndFlutter(wear.wowMs(), wear.flutterMs(), rate).process(s[0], s[1], 0, n);
        }
        StylePreset.Glue glue = preset.glue();
        BusCompressor comp = new BusCompressor(glue.thresholdDb(), glue.ratio(), 6, glue.attackMs(), glue.releaseMs(), rate);
        TapeSaturation tape = preset.tape() ? new TapeSaturation(Math.pow(10, preset.tapeDb() / 20)) : null;
        float[] g = new float[BLOCK];
        float[] rl = new float[BLOCK];
        float[] rr = new float[BLOCK];
        for (int at = 0; at < n; at += BLOCK) {
            int m = Math.min(BLOCK, n - at);
            comp.gains(mix[0], mix[1], at, m, g);
            apply(mix, g, at, m);
            for (float[][] s : stems) apply(s, g, at, m);
            if (tape != null) {
                tape.process(mix[0], at, m, rl);
                tape.process(mix[1], at, m, rr);
                for (float[][] s : stems) {
                    for (int i = 0; i < m; i++) {
                        s[0][at + i] *= rl[i];
                        s[1][at + i] *= rr[i];
                    }
                }
            }
        }
        if (wear.hissDb() <= -150 && wear.crackleDb() <= -150) return null;
        VinylNoise noise = new VinylNoise(seed, Math.pow(10, wear.hissDb() / 20), Math.pow(10, wear.crackleDb() / 20),
                wear.cracklesPerSec(), rate);
        if (stems.length == 0) {
            noise.addTo(mix[0], mix[1], 0, n);
            return null;
        }
        float[][] vinyl = new float[2][n];
        noise.addTo(vinyl[0], vinyl[1], 0, n);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < n; i++) mix[c][i] += vinyl[c][i];
        }
        return vinyl;
    }

    private static void scale(float[][] x, float g, int n) {
        for (float[] ch : x) {
            for (int i = 0; i < n; i++) ch[i] *= g;
        }
    }

    private static void apply(float[][] x, float[] g, int at, int m) {
        for (float[] ch : x) {
            for (int i = 0; i < m; i++) ch[at + i] *= g[i];
        }
    }
}

package dev.backbeat.engine.synth;

import java.util.Map;

/** The rendered mix and its stems (by stem name), 48 kHz stereo floats. */
public record RenderedMusic(float[][] mix, Map<String, float[][]> stems) {

    public double durationSec() {
        return mix[0].length / (double) GervillRenderer.RATE;
    }

    public double peak() {
        double p = 0;
        for (float[] ch : mix) for (float x : ch) p = Math.max(p, Math.abs(x));
        return p;
    }

    public double rmsDb() {
        double s = 0;
        for (float[] ch : mix) for (float x : ch) s += x * (double) x;
        return 10 * Math.log10(s / (2.0 * mix[0].length) + 1e-20);
    }
}

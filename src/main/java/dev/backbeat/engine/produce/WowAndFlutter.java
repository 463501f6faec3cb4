package dev.backbeat.engine.produce;

/**
 * A tape machine's unsteady speed: the sound read from a short delay whose length drifts slowly
 * (wow, ~0.5 Hz) and trembles (flutter, ~6 Hz), so pitch wavers by a few cents. Deterministic:
 * the wobble starts at the same phase every time.
 */
public final class WowAndFlutter implements StereoProcessor {
    private final float[] left;
    private final float[] right;
    private int at;
    private long frame;
    private final double base;
    private final double wowDepth;
    private final double wowStep;
    private final double flutterDepth;
    private final double flutterStep;

    /** @param wowMs, flutterMs how far (ms) the delay swings; pitch moves by about 2π·f·depth */
    public WowAndFlutter(double wowMs, double flutterMs, double rate) {
        wowDepth = wowMs / 1000 * rate;
        flutterDepth = flutterMs / 1000 * rate;
        base = wowDepth + flutterDepth + 2;
        int len = (int) Math.ceil(2 * base) + 4;
        left = new float[len];
        right = new float[len];
        wowStep = 2 * Math.PI * 0.55 / rate;
        flutterStep = 2 * Math.PI * 6.3 / rate;
    }

    @Override
    public void process(float[] l, float[] r, int from, int n) {
        int len = left.length;
        for (int i = from; i < from + n; i++, frame++) {
            left[at] = l[i];
            right[at] = r[i];
            double d = base + wowDepth * Math.sin(wowStep * frame) + flutterDepth * Math.sin(flutterStep * frame);
            double pos = at - d;
            if (pos < 0) pos += len;
            int k = (int) pos;
            float f = (float) (pos - k);
            int k1 = k + 1 == len ? 0 : k + 1;
            l[i] = left[k] + f * (left[k1] - left[k]);
            r[i] = right[k] + f * (right[k1] - right[k]);
            at = at + 1 == len ? 0 : at + 1;
        }
    }
}

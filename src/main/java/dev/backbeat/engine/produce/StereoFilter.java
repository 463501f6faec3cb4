package dev.backbeat.engine.produce;

/**
 * A second-order filter for both channels (the RBJ audio-EQ cookbook's shapes, transposed direct
 * form II with double state, so a quiet tail does not drift or go denormal).
 */
public final class StereoFilter implements StereoProcessor {
    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;
    private double l1;
    private double l2;
    private double r1;
    private double r2;

    private StereoFilter(double b0, double b1, double b2, double a0, double a1, double a2) {
        this.b0 = b0 / a0;
        this.b1 = b1 / a0;
        this.b2 = b2 / a0;
        this.a1 = a1 / a0;
        this.a2 = a2 / a0;
    }

    public static StereoFilter highPass(double hz, double q, double rate) {
        double w = 2 * Math.PI * hz / rate;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / (2 * q);
        return new StereoFilter((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    public static StereoFilter lowPass(double hz, double q, double rate) {
        double w = 2 * Math.PI * hz / rate;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / (2 * q);
        return new StereoFilter((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /** A bell boosting (or cutting) {@code db} around {@code hz}. */
    public static StereoFilter peak(double hz, double q, double db, double rate) {
        double a = Math.pow(10, db / 40);
        double w = 2 * Math.PI * hz / rate;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / (2 * q);
        return new StereoFilter(1 + alpha * a, -2 * cos, 1 - alpha * a, 1 + alpha / a, -2 * cos, 1 - alpha / a);
    }

    /** A shelf changing everything above {@code hz} by {@code db} (slope 1). */
    public static StereoFilter highShelf(double hz, double db, double rate) {
        double a = Math.pow(10, db / 40);
        double w = 2 * Math.PI * hz / rate;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / 2 * Math.sqrt(2);
        double sq = 2 * Math.sqrt(a) * alpha;
        return new StereoFilter(a * ((a + 1) + (a - 1) * cos + sq), -2 * a * ((a - 1) + (a + 1) * cos),
                a * ((a + 1) + (a - 1) * cos - sq), (a + 1) - (a - 1) * cos + sq, 2 * ((a - 1) - (a + 1) * cos),
                (a + 1) - (a - 1) * cos - sq);
    }

    @Override
    public void process(float[] left, float[] right, int from, int n) {
        double z1 = l1;
        double z2 = l2;
        for (int i = from; i < from + n; i++) {
            double x = left[i];
            double y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b2 * x - a2 * y;
            left[i] = (float) y;
        }
        l1 = z1;
        l2 = z2;
        z1 = r1;
        z2 = r2;
        for (int i = from; i < from + n; i++) {
            double x = right[i];
            double y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b2 * x - a2 * y;
            right[i] = (float) y;
        }
        r1 = z1;
        r2 = z2;
    }

    /** The filter's gain at {@code hz} (for tests and reports). */
    public double gainAt(double hz, double rate) {
        double w = 2 * Math.PI * hz / rate;
        double cr = Math.cos(w), ci = -Math.sin(w), c2r = Math.cos(2 * w), c2i = -Math.sin(2 * w);
        double nr = b0 + b1 * cr + b2 * c2r, ni = b1 * ci + b2 * c2i;
        double dr = 1 + a1 * cr + a2 * c2r, di = a1 * ci + a2 * c2i;
        return Math.sqrt((nr * nr + ni * ni) / (dr * dr + di * di));
    }
}

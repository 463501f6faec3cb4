package dev.backbeat.engine.analysis;

import java.util.Arrays;

/** A growable list of floats, one per frame or per audio block, without boxing. */
final class FloatSeries {

    private float[] values = new float[1024];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = (float) v;
    }

    float get(int i) {
        return values[i];
    }

    void set(int i, double v) {
        values[i] = (float) v;
    }

    int size() {
        return size;
    }

    /** Mean of [from, to), clipped to the series; {@code fallback} when empty. */
    double mean(int from, int to, double fallback) {
        from = Math.max(0, from);
        to = Math.min(size, to);
        if (to <= from) {
            return fallback;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}

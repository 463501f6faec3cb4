package dev.backbeat.ui.timeline;

import dev.backbeat.service.preview.PreviewSound;

import java.util.function.BooleanSupplier;

/**
 * A sound's outline for drawing: the lowest and highest sample (both channels) of every 5 ms,
 * read once per result in the background; {@link #columns} then merges them into pixel columns
 * at any zoom in a few microseconds a column.
 */
public final class WaveformPeaks {
    /** 240 frames at 48 kHz: 5 ms a bucket. */
    static final int BUCKET = 240;
    static final double BUCKET_SEC = BUCKET / (double) PreviewSound.RATE;

    private final float[] min;
    private final float[] max;

    WaveformPeaks(float[] min, float[] max) {
        this.min = min;
        this.max = max;
    }

    /** Reads the whole layer; null when {@code stop} says to stop first. */
    public static WaveformPeaks read(PreviewSound sound, PreviewSound.Layer layer, BooleanSupplier stop) {
        int buckets = (int) ((sound.frames() + BUCKET - 1) / BUCKET);
        float[] lo = new float[buckets];
        float[] hi = new float[buckets];
        // a tenth of a second a read: the player reads the same sound, and each read holds it briefly
        int block = BUCKET * 20;
        float[][] buf = new float[2][block];
        long at = 0;
        while (at < sound.frames()) {
            if (stop.getAsBoolean()) {
                return null;
            }
            int got = sound.read(layer, at, buf, block);
            if (got <= 0) {
                break;
            }
            for (int i = 0; i < got; i++) {
                int b = (int) ((at + i) / BUCKET);
                float l = Math.min(buf[0][i], buf[1][i]);
                float h = Math.max(buf[0][i], buf[1][i]);
                if (l < lo[b]) lo[b] = l;
                if (h > hi[b]) hi[b] = h;
            }
            at += got;
        }
        return new WaveformPeaks(lo, hi);
    }

    public int buckets() {
        return min.length;
    }

    /** The loudest absolute sample in it (to scale a quiet layer up for reading). */
    public float peak() {
        float p = 0;
        for (int i = 0; i < min.length; i++) p = Math.max(p, Math.max(-min[i], max[i]));
        return p;
    }

    /**
     * Fills {@code lo[i]}, {@code hi[i]} with the range of the sound under pixel column {@code i},
     * column 0 starting at {@code startSec}, each {@code secPerPx} wide; zero past the end.
     */
    public void columns(double startSec, double secPerPx, float[] lo, float[] hi, int n) {
        for (int i = 0; i < n; i++) {
            int a = (int) Math.floor((startSec + i * secPerPx) / BUCKET_SEC);
            int b = Math.max(a + 1, (int) Math.floor((startSec + (i + 1) * secPerPx) / BUCKET_SEC));
            float l = 0;
            float h = 0;
            for (int k = Math.max(0, a); k < Math.min(b, min.length); k++) {
                if (min[k] < l) l = min[k];
                if (max[k] > h) h = max[k];
            }
            lo[i] = l;
            hi[i] = h;
        }
    }
}

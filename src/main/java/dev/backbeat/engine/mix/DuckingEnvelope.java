package dev.backbeat.engine.mix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The music's gain over time so that a voice stays clear: down by {@code depthDb} while someone
 * speaks, reached over {@code attackSec} before the words start and released over
 * {@code releaseSec} after they end; gaps shorter than {@code bridgeSec} stay ducked so the music
 * does not pump between sentences. Sampled every millisecond.
 */
public final class DuckingEnvelope {
    private static final int PER_SECOND = 1000;
    private final float[] gain;

    /** A region of speech, in seconds. */
    public record Region(double startSec, double endSec) {
    }

    private DuckingEnvelope(float[] gain) {
        this.gain = gain;
    }

    /** No ducking at all. */
    public static DuckingEnvelope flat(double durationSec) {
        float[] g = new float[(int) Math.ceil(durationSec * PER_SECOND) + 1];
        java.util.Arrays.fill(g, 1f);
        return new DuckingEnvelope(g);
    }

    public static DuckingEnvelope of(List<Region> speech, double durationSec, double depthDb,
                                     double attackSec, double releaseSec, double bridgeSec) {
        int n = (int) Math.ceil(durationSec * PER_SECOND) + 1;
        float[] target = new float[n];
        java.util.Arrays.fill(target, 1f);
        float low = (float) Math.pow(10, -Math.abs(depthDb) / 20);
        for (Region r : bridge(speech, bridgeSec)) {
            int a = clamp((int) Math.floor(r.startSec() * PER_SECOND), n);
            int b = clamp((int) Math.ceil(r.endSec() * PER_SECOND), n);
            for (int i = a; i < b; i++) {
                target[i] = low;
            }
        }
        // ramps in dB: the attack runs ahead of the speech (the regions are known in advance)
        int[] toNext = new int[n];
        int[] sincePrev = new int[n];
        int far = Integer.MAX_VALUE / 2;
        for (int i = n - 1, d = far; i >= 0; i--) {
            d = target[i] < 1f ? 0 : d + 1;
            toNext[i] = d;
        }
        for (int i = 0, d = far; i < n; i++) {
            d = target[i] < 1f ? 0 : d + 1;
            sincePrev[i] = d;
        }
        float[] g = new float[n];
        int attack = Math.max(1, (int) Math.round(attackSec * PER_SECOND));
        int release = Math.max(1, (int) Math.round(releaseSec * PER_SECOND));
        double lowDb = -Math.abs(depthDb);
        for (int i = 0; i < n; i++) {
            double db = 0;
            if (toNext[i] < attack) {
                db = Math.min(db, lowDb * (1 - toNext[i] / (double) attack));
            }
            if (sincePrev[i] < release) {
                db = Math.min(db, lowDb * (1 - sincePrev[i] / (double) release));
            }
            g[i] = (float) Math.pow(10, db / 20);
        }
        return new DuckingEnvelope(g);
    }

    private static List<Region> bridge(List<Region> speech, double bridgeSec) {
        List<Region> sorted = new ArrayList<>(speech);
        sorted.sort(Comparator.comparingDouble(Region::startSec));
        List<Region> out = new ArrayList<>();
        for (Region r : sorted) {
            if (!out.isEmpty() && r.startSec() - out.get(out.size() - 1).endSec() < bridgeSec) {
                Region last = out.remove(out.size() - 1);
                out.add(new Region(last.startSec(), Math.max(last.endSec(), r.endSec())));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n, i));
    }

    /** The gain (linear) at a time, interpolated between milliseconds. */
    public float gainAt(double sec) {
        double x = sec * PER_SECOND;
        int i = (int) Math.floor(x);
        if (i < 0) {
            return gain[0];
        }
        if (i >= gain.length - 1) {
            return gain[gain.length - 1];
        }
        float f = (float) (x - i);
        return gain[i] * (1 - f) + gain[i + 1] * f;
    }
}

package dev.backbeat.engine.song;

import java.util.Arrays;

/**
 * Bar lines, phrases and the ending from the beats and the frame features. The downbeat is the
 * beat phase (of {@code beatsPerBar}) whose beats carry the most low-frequency onset energy (kick,
 * bass) and the biggest change of harmony; phrases are every 4 or 8 bars, whichever period and
 * offset puts the boundaries where the music changes most; the ending is the last bar line before
 * the sound falls 40 dB under its loud level for good.
 */
public final class MeterFinder {
    static final double SILENCE_DB = -40;

    private final OnsetEnvelope.Features f;

    public MeterFinder(OnsetEnvelope.Features features) {
        this.f = features;
    }

    /** Where the sound starts and ends (seconds): the first and last frame within 40 dB of the loud level. */
    double[] soundSpan(double durationSec) {
        float[] rms = f.rms();
        if (rms.length == 0) {
            return new double[] {0, durationSec};
        }
        float[] sorted = rms.clone();
        Arrays.sort(sorted);
        double loud = sorted[(int) (0.95 * (sorted.length - 1))];
        double threshold = loud * Math.pow(10, SILENCE_DB / 20);
        int a = 0;
        while (a < rms.length && rms[a] <= threshold) {
            a++;
        }
        int z = rms.length - 1;
        while (z > a && rms[z] <= threshold) {
            z--;
        }
        double start = a >= rms.length ? 0 : Math.max(0, OnsetEnvelope.timeOf(a) - 0.5 * OnsetEnvelope.SIZE / OnsetEnvelope.RATE);
        // the last loud frame's window reaches half a window past its time
        double end = Math.min(durationSec, OnsetEnvelope.timeOf(z) + 0.5 * OnsetEnvelope.SIZE / OnsetEnvelope.RATE);
        if (durationSec - end < 0.1) {
            end = durationSec;
        }
        return new double[] {start, end};
    }

    /** The index of the first downbeat among {@code beats} (0..beatsPerBar-1). */
    int downbeatPhase(double[] beats, int beatsPerBar) {
        if (beats.length < 2 * beatsPerBar) {
            return 0;
        }
        double[] low = new double[beats.length];
        double[] change = new double[beats.length];
        double lowSum = 0;
        double changeSum = 0;
        for (int b = 0; b < beats.length; b++) {
            int fr = OnsetEnvelope.frameAt(beats[b]);
            for (int k = fr - 2; k <= fr + 2; k++) {
                if (k >= 0 && k < f.frames()) {
                    low[b] = Math.max(low[b], f.lowFlux()[k]);
                }
            }
            if (b > 0 && b < beats.length - 1) {
                change[b] = 1 - cosine(chromaBetween(beats[b - 1], beats[b]), chromaBetween(beats[b], beats[b + 1]));
            }
            lowSum += low[b];
            changeSum += change[b];
        }
        double lowMean = Math.max(1e-9, lowSum / beats.length);
        double changeMean = Math.max(1e-9, changeSum / beats.length);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int phase = 0; phase < beatsPerBar; phase++) {
            double s = 0;
            int n = 0;
            for (int b = phase; b < beats.length; b += beatsPerBar) {
                s += low[b] / lowMean + change[b] / changeMean;
                n++;
            }
            s /= Math.max(1, n);
            if (s > bestScore) {
                bestScore = s;
                best = phase;
            }
        }
        return best;
    }

    /** Phrase length (4 or 8 bars) and the first phrase's bar index, by where the music changes most. */
    int[] phrasing(double[][] barFeatures) {
        int n = barFeatures.length;
        double[] novelty = new double[n];
        for (int i = 2; i <= n - 2; i++) {
            if (i < n) {
                novelty[i] = distance(mean(barFeatures, i - 2, i), mean(barFeatures, i, i + 2));
            }
        }
        int[] best = {8, 0};
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int period : new int[] {8, 4}) {
            for (int offset = 0; offset < period; offset++) {
                double on = 0;
                double off = 0;
                int nOn = 0;
                int nOff = 0;
                for (int i = 2; i <= n - 2 && i < n; i++) {
                    if ((i - offset) % period == 0) {
                        on += novelty[i];
                        nOn++;
                    } else {
                        off += novelty[i];
                        nOff++;
                    }
                }
                double s = (nOn == 0 ? 0 : on / nOn) - (nOff == 0 ? 0 : off / nOff);
                // eight-bar phrases win only when they explain the changes better by a margin
                if (period == 4) {
                    s *= 1.1;
                }
                if (s > bestScore + 1e-9) {
                    bestScore = s;
                    best = new int[] {period, offset};
                }
            }
        }
        return best;
    }

    /** Chroma (12, unit length), loudness (dB / 60) and onset strength (per frame, scaled) of each bar. */
    double[][] barFeatures(double[] bars, double lastEdge) {
        double[][] out = new double[bars.length][];
        for (int i = 0; i < bars.length; i++) {
            double from = bars[i];
            double to = i + 1 < bars.length ? bars[i + 1] : Math.max(from + 0.1, lastEdge);
            out[i] = features(from, to);
        }
        return out;
    }

    double[] features(double from, double to) {
        double[] c = chromaBetween(from, to);
        double[] v = Arrays.copyOf(c, 14);
        int a = Math.max(0, OnsetEnvelope.frameAt(from));
        int z = Math.min(f.frames(), Math.max(a + 1, OnsetEnvelope.frameAt(to)));
        double e = 0;
        double fl = 0;
        for (int k = a; k < z; k++) {
            e += f.rms()[k] * (double) f.rms()[k];
            fl += f.flux()[k];
        }
        int n = Math.max(1, z - a);
        v[12] = (10 * Math.log10(e / n + 1e-12) + 60) / 60;
        v[13] = fl / n / 100;
        return v;
    }

    /** The mean chroma between two times, scaled to unit length. */
    double[] chromaBetween(double from, double to) {
        double[] c = new double[12];
        int a = Math.max(0, OnsetEnvelope.frameAt(from));
        int z = Math.min(f.frames(), Math.max(a + 1, OnsetEnvelope.frameAt(to)));
        for (int k = a; k < z; k++) {
            float[] ch = f.chroma()[k];
            for (int p = 0; p < 12; p++) {
                c[p] += ch[p];
            }
        }
        double norm = 0;
        for (double x : c) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int p = 0; p < 12; p++) {
                c[p] /= norm;
            }
        }
        return c;
    }

    static double cosine(double[] a, double[] b) {
        double s = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            s += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : s / Math.sqrt(na * nb);
    }

    /** Euclidean distance between two bar-feature vectors. */
    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    private static double[] mean(double[][] rows, int from, int to) {
        double[] m = new double[rows[0].length];
        int n = 0;
        for (int i = Math.max(0, from); i < Math.min(rows.length, to); i++) {
            for (int k = 0; k < m.length; k++) {
                m[k] += rows[i][k];
            }
            n++;
        }
        for (int k = 0; k < m.length; k++) {
            m[k] /= Math.max(1, n);
        }
        return m;
    }
}

package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile.Cut;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the tempo and the grid's phase that put the most hard cuts on beats (strong cuts on
 * downbeats), then bends the grid by a few percent between cuts so the cuts a constant tempo
 * missed land on beats too: small tempo changes where the picture changes go unnoticed.
 */
public final class TempoFitter {

    /** How close a cut must be to count as on the beat while searching. */
    static final double TOLERANCE = 0.035;
    static final double STRONG = 0.7;
    private static final int BEATS_PER_BAR = 4;

    private final double maxTempoChange;

    /** @param maxTempoChange the largest local tempo change allowed between cuts (0.06 = 6%) */
    public TempoFitter(double maxTempoChange) {
        this.maxTempoChange = maxTempoChange;
    }

    /** The result: the grid, and the share of hard cuts on a beat before and after bending. */
    public record Fit(BeatGrid grid, double constantHitRate, double hitRate) {
    }

    public Fit fit(List<Cut> hardCuts, double durationSec, double minBpm, double maxBpm, double targetBpm) {
        double bestScore = -1e9;
        double bestT = 60 / targetBpm;
        double bestPhase = 0;
        for (double bpm = minBpm; bpm <= maxBpm + 1e-9; bpm += 0.05) {
            double t = 60 / bpm;
            double bar = t * BEATS_PER_BAR;
            // A slight pull towards the mood's tempo decides between equally good fits.
            double pull = -0.02 * Math.abs(bpm - targetBpm) / Math.max(1, maxBpm - minBpm);
            for (double phase = 0; phase < bar; phase += 0.005) {
                double s = pull + score(hardCuts, t, phase);
                if (s > bestScore + 1e-9) {
                    bestScore = s;
                    bestT = t;
                    bestPhase = phase;
                }
            }
        }
        double constant = hitRate(hardCuts, bestT, bestPhase);
        BeatGrid grid = bend(hardCuts, durationSec, bestT, bestPhase);
        return new Fit(grid, constant, hitRate(hardCuts, grid, 0.05));
    }

    private static double score(List<Cut> cuts, double t, double phase) {
        double s = 0;
        for (Cut c : cuts) {
            double x = (c.timeSec() - phase) / t;
            long k = Math.round(x);
            double d = Math.abs(x - k) * t;
            if (d <= TOLERANCE) {
                s += 1 - 0.5 * d / TOLERANCE;
                if (c.strength() >= STRONG && Math.floorMod(k, BEATS_PER_BAR) == 0) s += 0.5 * c.strength();
            }
        }
        return s;
    }

    private static double hitRate(List<Cut> cuts, double t, double phase) {
        if (cuts.isEmpty()) return 1;
        int n = 0;
        for (Cut c : cuts) {
            double x = (c.timeSec() - phase) / t;
            if (Math.abs(x - Math.round(x)) * t <= 0.05) n++;
        }
        return n / (double) cuts.size();
    }

    public static double hitRate(List<Cut> cuts, BeatGrid grid, double tolerance) {
        if (cuts.isEmpty()) return 1;
        int n = 0;
        for (Cut c : cuts) {
            if (grid.distanceToBeat(c.timeSec()) <= tolerance) n++;
        }
        return n / (double) cuts.size();
    }

    /** Anchors beat numbers to cut times where the local tempo change stays small. */
    private BeatGrid bend(List<Cut> cuts, double duration, double t, double phase) {
        List<long[]> beatsAt = new ArrayList<>();
        List<Double> timesAt = new ArrayList<>();
        long kp = 0;
        double tp = phase;
        beatsAt.add(new long[] {0});
        timesAt.add(phase);
        for (Cut c : cuts) {
            double ct = c.timeSec();
            if (ct <= tp + t) continue;
            long near = kp + Math.round((ct - tp) / t);
            long chosen = near;
            if (c.strength() >= STRONG) {
                long down = Math.round((double) near / BEATS_PER_BAR) * BEATS_PER_BAR;
                if (down > kp && deviation(ct - tp, down - kp, t) <= maxTempoChange) chosen = down;
            }
            if (chosen > kp && deviation(ct - tp, chosen - kp, t) <= maxTempoChange) {
                beatsAt.add(new long[] {chosen});
                timesAt.add(ct);
                kp = chosen;
                tp = ct;
            }
        }
        long gMin = -(long) Math.floor(phase / t + 1e-9);
        List<Double> times = new ArrayList<>();
        int a = 0;
        for (long g = gMin; ; g++) {
            double time;
            if (g <= 0) {
                time = phase + g * t;
            } else {
                while (a + 1 < beatsAt.size() && beatsAt.get(a + 1)[0] < g) a++;
                if (a + 1 < beatsAt.size()) {
                    long k0 = beatsAt.get(a)[0];
                    long k1 = beatsAt.get(a + 1)[0];
                    double t0 = timesAt.get(a);
                    double t1 = timesAt.get(a + 1);
                    time = t0 + (t1 - t0) * (g - k0) / (k1 - k0);
                } else {
                    time = timesAt.get(a) + (g - beatsAt.get(a)[0]) * t;
                }
            }
            times.add(Math.max(0, time));
            if (time > duration + 2 * BEATS_PER_BAR * t) break;
        }
        boolean leadIn = times.get(0) > 0.001;
        double[] arr = new double[times.size() + (leadIn ? 1 : 0)];
        for (int i = 0; i < times.size(); i++) arr[i + (leadIn ? 1 : 0)] = times.get(i);
        int firstDownbeat = (int) -gMin + (leadIn ? 1 : 0);
        return new BeatGrid(arr, leadIn, firstDownbeat, BEATS_PER_BAR, 60 / t);
    }

    private static double deviation(double seconds, long beats, double t) {
        return Math.abs(seconds / (beats * t) - 1);
    }
}

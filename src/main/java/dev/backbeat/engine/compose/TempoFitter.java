package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile.Cut;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Chooses the tempo and the grid's phase that put the most hard cuts on beats (strong cuts on
 * downbeats), then lets the tempo drift a little from cut to cut so footage not edited to any
 * rhythm lands on the grid too.
 *
 * <p>A cut lands on the grid when it falls on a beat or on the off-beat eighth between two beats
 * (played with the style's swing): the arrangement plays its hit there, a push on the "and" that
 * every groove here already subdivides. Beats are preferred; the double-time grid of eighths is
 * what lets fast cutting land at all without the tempo lurching from shot to shot.
 *
 * <p>The drift is planned by a dynamic programme over the cuts: a cut is "anchored" on an eighth a
 * whole number of eighths after the previous anchor, so every stretch between two anchors plays at
 * one steady tempo. A stretch's tempo must stay within the local band (a few percent around the
 * base tempo, never outside the style's or the user's band), and the tempo may change from one
 * stretch to the next by at most {@link #STEP}, or {@link #BIG_STEP} on a big scene change (where
 * a new section can start). Among the grids that obey these rules it picks the one with the most
 * cuts on the grid, then cuts on beats rather than off-beats, strong cuts on downbeats, then the
 * smoothest tempo closest to the base tempo. Cuts closer together than an eighth cannot all be
 * hit: the programme skips the ones it cannot anchor.
 */
public final class TempoFitter {

    /** How close a cut must be to count as on the grid while searching. */
    static final double TOLERANCE = 0.035;
    /** A cut at least this strong prefers a downbeat. */
    static final double STRONG = 0.7;
    /** A cut at least this strong is a big scene change: the tempo may change more there. */
    public static final double BIG = 0.85;
    /** The largest tempo change between consecutive stretches at an ordinary cut (8 %). */
    public static final double STEP = 0.08;
    /** The largest tempo change at a big scene change (16 %). */
    public static final double BIG_STEP = 0.16;
    private static final int BEATS_PER_BAR = 4;
    private static final int UNITS_PER_BAR = 2 * BEATS_PER_BAR;
    /** How many cuts back an anchor may look for the previous one. */
    private static final int LOOKBACK = 8;
    private static final double ON_BEAT_BONUS = 0.25;
    private static final double DOWNBEAT_BONUS = 0.2;
    private static final double STEP_COST = 0.5;
    private static final double DRIFT_COST = 0.004;

    private final double maxTempoChange;
    private final double step;
    private final double bigStep;

    /** @param maxTempoChange how far the local tempo may drift from the base tempo (0.10 = ±10 %; 0 = one fixed tempo) */
    public TempoFitter(double maxTempoChange) {
        this(maxTempoChange, STEP, BIG_STEP);
    }

    TempoFitter(double maxTempoChange, double step, double bigStep) {
        this.maxTempoChange = maxTempoChange;
        this.step = step;
        this.bigStep = bigStep;
    }

    /**
     * The result: the grid, and the share of hard cuts within ±50 ms of the grid (a beat or an
     * off-beat eighth) and of a beat proper, each at the best single tempo and on the final grid.
     */
    public record Fit(BeatGrid grid, double constantHitRate, double hitRate, double constantBeatHitRate,
                      double beatHitRate) {
    }

    public Fit fit(List<Cut> hardCuts, double durationSec, double minBpm, double maxBpm, double targetBpm) {
        return fit(hardCuts, durationSec, minBpm, maxBpm, targetBpm, 0, Double.MAX_VALUE, 0);
    }

    /**
     * @param minBpm    the lowest base tempo to consider
     * @param maxBpm    the highest base tempo to consider
     * @param floorBpm  the local tempo never goes below this (the style's or the user's band)
     * @param ceilBpm   the local tempo never goes above this
     * @param swing     how late the style plays off-beat eighths, in beats
     */
    public Fit fit(List<Cut> hardCuts, double durationSec, double minBpm, double maxBpm, double targetBpm,
                   double floorBpm, double ceilBpm, double swing) {
        List<Cut> cuts = new ArrayList<>(hardCuts);
        cuts.sort(Comparator.comparingDouble(Cut::timeSec));
        double bestScore = -1e9;
        double bestT = 60 / targetBpm;
        double bestPhase = 0;
        for (double bpm = minBpm; bpm <= maxBpm + 1e-9; bpm += 0.05) {
            double t = 60 / bpm;
            double bar = t * BEATS_PER_BAR;
            // A slight pull towards the mood's tempo decides between equally good fits.
            double pull = -0.02 * Math.abs(bpm - targetBpm) / Math.max(1, maxBpm - minBpm);
            for (double phase = 0; phase < bar; phase += 0.005) {
                double s = pull + score(cuts, t, phase, swing);
                if (s > bestScore + 1e-9) {
                    bestScore = s;
                    bestT = t;
                    bestPhase = phase;
                }
            }
        }
        BeatGrid constant = build(List.of(new Anchor(bestPhase, 0)), bestT, bestT, durationSec, 60 / bestT, swing);
        BeatGrid grid = constant;
        if (maxTempoChange > 0 && cuts.size() >= 2) {
            double base = 60 / bestT;
            double lo = Math.min(base, Math.max(floorBpm, base * (1 - maxTempoChange)));
            double hi = Math.max(base, Math.min(ceilBpm, base * (1 + maxTempoChange)));
            BeatGrid planned = new Planner(cuts, durationSec, bestT, 60 / hi, 60 / lo, swing, step, bigStep).plan();
            if (planned != null && eighthHitRate(cuts, planned, 0.05) >= eighthHitRate(cuts, constant, 0.05)) {
                grid = planned;
            }
        }
        return new Fit(grid, eighthHitRate(cuts, constant, 0.05), eighthHitRate(cuts, grid, 0.05),
                hitRate(cuts, constant, 0.05), hitRate(cuts, grid, 0.05));
    }

    /** Cuts near a beat at one tempo and phase, strong ones on downbeats counting extra; off-beats count less. */
    private static double score(List<Cut> cuts, double t, double phase, double swing) {
        double s = 0;
        for (Cut c : cuts) {
            double x = (c.timeSec() - phase) / t;
            long k = Math.round(x);
            double d = Math.abs(x - k) * t;
            if (d <= TOLERANCE) {
                s += 1 - 0.5 * d / TOLERANCE;
                if (c.strength() >= STRONG && Math.floorMod(k, BEATS_PER_BAR) == 0) s += 0.5 * c.strength();
                continue;
            }
            double off = Math.abs(x - Math.floor(x) - 0.5 - swing) * t;
            if (off <= TOLERANCE) s += 0.6 * (1 - 0.5 * off / TOLERANCE);
        }
        return s;
    }

    /** The share of cuts within the tolerance of a beat. */
    public static double hitRate(List<Cut> cuts, BeatGrid grid, double tolerance) {
        if (cuts.isEmpty()) return 1;
        int n = 0;
        for (Cut c : cuts) {
            if (grid.distanceToBeat(c.timeSec()) <= tolerance) n++;
        }
        return n / (double) cuts.size();
    }

    /** The share of cuts within the tolerance of a beat or an off-beat eighth, where the music can hit them. */
    public static double eighthHitRate(List<Cut> cuts, BeatGrid grid, double tolerance) {
        if (cuts.isEmpty()) return 1;
        int n = 0;
        for (Cut c : cuts) {
            if (grid.distanceToEighth(c.timeSec()) <= tolerance) n++;
        }
        return n / (double) cuts.size();
    }

    /** A cut pinned to the grid: its time and its position in beats from bar 0's downbeat (swing included). */
    private record Anchor(double time, double beat) {
    }

    /**
     * Beat times through the anchors, steady between them, running back to 0 at {@code firstPeriod}
     * and on to two bars past the end at {@code lastPeriod}.
     */
    private static BeatGrid build(List<Anchor> anchors, double firstPeriod, double lastPeriod, double duration,
                                  double bpm, double swing) {
        Anchor first = anchors.get(0);
        Anchor last = anchors.get(anchors.size() - 1);
        long b0 = (long) Math.ceil(first.beat() - first.time() / firstPeriod - 1e-9);
        List<Double> times = new ArrayList<>();
        int a = 0;
        for (long b = b0; ; b++) {
            double time;
            if (b <= first.beat()) {
                time = first.time() - (first.beat() - b) * firstPeriod;
            } else if (b >= last.beat()) {
                time = last.time() + (b - last.beat()) * lastPeriod;
            } else {
                while (anchors.get(a + 1).beat() < b) a++;
                Anchor x = anchors.get(a);
                Anchor y = anchors.get(a + 1);
                time = x.time() + (y.time() - x.time()) * (b - x.beat()) / (y.beat() - x.beat());
            }
            times.add(Math.max(0, time));
            if (time > duration + 2 * BEATS_PER_BAR * lastPeriod) break;
        }
        boolean leadIn = times.get(0) > 0.001;
        double[] arr = new double[times.size() + (leadIn ? 1 : 0)];
        for (int i = 0; i < times.size(); i++) arr[i + (leadIn ? 1 : 0)] = times.get(i);
        int firstDownbeat = (int) Math.floorMod(-b0, (long) BEATS_PER_BAR) + (leadIn ? 1 : 0);
        return new BeatGrid(arr, leadIn, firstDownbeat, BEATS_PER_BAR, bpm, swing);
    }

    /** The dynamic programme over the cuts. */
    private static final class Planner {

        /**
         * The last anchor at cut {@code j}, at eighth {@code unit} of its bar, reached after
         * {@code n} eighths from cut {@code i} (-1: the first anchor) at beat length {@code period}.
         */
        private record State(int j, int i, int n, int unit, double period, double span, double score, State prev) {
        }

        private final double[] t;
        private final double[] strength;
        private final int m;
        private final double duration;
        private final double base;
        private final double pMin;
        private final double pMax;
        private final double step;
        private final double bigStep;
        private final double swing;

        Planner(List<Cut> cuts, double duration, double base, double pMin, double pMax, double swing, double step,
                double bigStep) {
            this.m = cuts.size();
            this.t = new double[m];
            this.strength = new double[m];
            for (int k = 0; k < m; k++) {
                t[k] = cuts.get(k).timeSec();
                strength[k] = cuts.get(k).strength();
            }
            this.duration = duration;
            this.base = base;
            this.pMin = pMin;
            this.pMax = pMax;
            this.swing = swing;
            this.step = step;
            this.bigStep = bigStep;
        }

        /** The position in beats of eighth {@code u} (counted from a downbeat; off-beats swung). */
        private double beatOf(long u) {
            return Math.floorDiv(u, 2) + ((u & 1) == 1 ? 0.5 + swing : 0);
        }

        BeatGrid plan() {
            List<List<State>> states = new ArrayList<>();
            State best = null;
            double bestTotal = -1e18;
            for (int k = 0; k < m; k++) {
                TreeMap<Long, State> byKey = new TreeMap<>();
                List<State> here = new ArrayList<>();
                for (int u = 0; u < UNITS_PER_BAR; u++) {
                    here.add(new State(k, -1, 0, u, Double.NaN, 0, 1 + value(k, u), null));
                }
                for (int j = Math.max(0, k - LOOKBACK); j < k; j++) {
                    double d = t[k] - t[j];
                    int nLo = Math.max(1, (int) Math.floor(2 * d / pMax - 2 * swing) - 1);
                    int nHi = (int) Math.ceil(2 * d / pMin + 2 * swing) + 1;
                    for (int n = nLo; n <= nHi; n++) {
                        double[] gain = new double[UNITS_PER_BAR];
                        double[] period = new double[UNITS_PER_BAR];
                        double[] span = new double[UNITS_PER_BAR];
                        for (int u = 0; u < UNITS_PER_BAR; u++) {
                            double beats = beatOf(u + n) - beatOf(u);
                            double p = d / beats;
                            span[u] = beats;
                            // A stretch spans a beat at least, so no beat straddles more than one tempo change.
                            if (beats < 1 - 1e-9 || p < pMin - 1e-12 || p > pMax + 1e-12) {
                                period[u] = Double.NaN;
                                continue;
                            }
                            period[u] = p;
                            gain[u] = 1 + value(k, (u + n) % UNITS_PER_BAR)
                                    - DRIFT_COST * beats * Math.abs(Math.log(p / base)) / Math.log(pMax / pMin);
                            for (int x = j + 1; x < k; x++) gain[u] += hit(x, beatOf(u) + (t[x] - t[j]) / p, p);
                        }
                        for (State s : states.get(j)) {
                            double p = period[s.unit()];
                            if (Double.isNaN(p)) continue;
                            double sc = s.score() + gain[s.unit()];
                            if (s.i() < 0) {
                                sc += before(j, p, s.unit());
                            } else {
                                double change = Math.abs(Math.log(p / s.period()));
                                double limit = Math.log(1 + (strength[j] >= BIG ? bigStep : step));
                                // Around a stretch shorter than two beats one beat can hold the changes at both
                                // its ends: each gets half the step, so beat to beat the step still holds.
                                if (span[s.unit()] < 2 - 1e-9 || s.span() < 2 - 1e-9) limit /= 2;
                                if (change > limit + 1e-9) continue;
                                sc -= STEP_COST * change;
                            }
                            int unit = (s.unit() + n) % UNITS_PER_BAR;
                            long key = ((long) j * 100_000 + n) * UNITS_PER_BAR + unit;
                            State old = byKey.get(key);
                            if (old == null || sc > old.score() + 1e-9) byKey.put(key, new State(k, j, n, unit, p, span[s.unit()], sc, s));
                        }
                    }
                }
                here.addAll(byKey.values());
                states.add(here);
                for (State s : here) {
                    double total = s.score() + after(s);
                    if (total > bestTotal + 1e-9) {
                        bestTotal = total;
                        best = s;
                    }
                }
            }
            if (best == null) return null;
            List<State> chain = new ArrayList<>();
            for (State s = best; s != null; s = s.prev()) chain.add(0, s);
            List<Anchor> anchors = new ArrayList<>();
            long unit = chain.get(0).unit();
            for (State s : chain) {
                unit += s.n();
                anchors.add(new Anchor(t[s.j()], beatOf(unit)));
            }
            double firstPeriod = chain.size() > 1 ? chain.get(1).period() : base;
            double lastPeriod = chain.size() > 1 ? best.period() : base;
            return build(anchors, firstPeriod, lastPeriod, duration, 60 / base, swing);
        }

        /** What an anchor at eighth {@code u} of a bar is worth beyond the hit: a beat, a strong cut's downbeat. */
        private double value(int k, int u) {
            double v = (u & 1) == 0 ? ON_BEAT_BONUS : 0;
            if (u == 0 && strength[k] >= STRONG) v += DOWNBEAT_BONUS * strength[k];
            return v;
        }

        /** What cut {@code x} at a beat position (from a downbeat) is worth when it lands on an eighth. */
        private double hit(int x, double pos, double p) {
            double fl = Math.floor(pos);
            double frac = pos - fl;
            int beatInBar = (int) Math.floorMod((long) fl, (long) BEATS_PER_BAR);
            if (frac * p <= TOLERANCE) return 1 + value(x, 2 * beatInBar);
            if ((1 - frac) * p <= TOLERANCE) return 1 + value(x, 2 * ((beatInBar + 1) % BEATS_PER_BAR));
            if (Math.abs(frac - 0.5 - swing) * p <= TOLERANCE) return 1 + value(x, 2 * beatInBar + 1);
            return 0;
        }

        /** Cuts before the first anchor that land on the eighths running back from it. */
        private double before(int j, double p, int unit) {
            double s = 0;
            for (int x = 0; x < j; x++) s += hit(x, beatOf(unit) - (t[j] - t[x]) / p, p);
            return s;
        }

        /** Cuts after the last anchor on the eighths running on from it (and before it, for a lone anchor). */
        private double after(State s) {
            double p = s.i() < 0 ? base : s.period();
            double sc = s.i() < 0 ? before(s.j(), p, s.unit()) : 0;
            for (int x = s.j() + 1; x < m; x++) sc += hit(x, beatOf(s.unit()) + (t[x] - t[s.j()]) / p, p);
            return sc;
        }
    }
}

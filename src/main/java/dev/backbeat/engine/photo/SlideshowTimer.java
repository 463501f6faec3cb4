package dev.backbeat.engine.photo;

import dev.backbeat.engine.compose.MusicPlan;
import dev.backbeat.engine.compose.Section;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides when each photo gives way to the next, once the music is composed: every change between
 * two photos lands on a beat of the piece's grid. Calm sections hold longer and change only on a
 * bar line or half-bar; energetic ones change sooner, on any beat. A video clip keeps its own
 * length, so a run of photos fills exactly the time the music was composed for.
 */
public final class SlideshowTimer {

    /** One item of the video track, in drop order: a photo (its hold to be decided) or a clip of fixed length. */
    public record Item(boolean still, double nominalSec) {
    }

    /** How the photos are paced: every change on the next beat, or by section energy. */
    public enum Pace { BY_SECTION, EVERY_BEAT }

    /** A photo's relative hold in the calmest and in the most energetic music. */
    static final double CALM_HOLD = 1.6;
    static final double LIVELY_HOLD = 0.5;

    private final MusicPlan plan;
    private final double[] beats;

    public SlideshowTimer(MusicPlan plan) {
        this.plan = plan;
        this.beats = plan.beatTimes();
    }

    /** The decided length of every item, in seconds; their sum is the sum of the nominal lengths. */
    public double[] holds(List<Item> items, Pace pace) {
        double[] starts = new double[items.size() + 1];
        int i = 0;
        double t = 0;
        while (i < items.size()) {
            if (!items.get(i).still()) {
                starts[i] = t;
                t += items.get(i).nominalSec();
                i++;
                continue;
            }
            int j = i;
            double end = t;
            while (j < items.size() && items.get(j).still()) {
                end += items.get(j).nominalSec();
                j++;
            }
            double[] run = run(t, end, j - i, pace);
            System.arraycopy(run, 0, starts, i, j - i);
            t = end;
            i = j;
        }
        starts[items.size()] = t;
        double[] holds = new double[items.size()];
        for (int k = 0; k < holds.length; k++) {
            holds[k] = starts[k + 1] - starts[k];
        }
        return holds;
    }

    /** The start times of {@code count} photos filling [from, to): the first at {@code from}, the rest on beats. */
    double[] run(double from, double to, int count, Pace pace) {
        double[] starts = new double[count];
        starts[0] = from;
        if (count == 1) {
            return starts;
        }
        double beat = 60.0 / Math.max(1, plan.bpm());
        double minHold = Math.max(0.35, 0.9 * beat);
        if (pace == Pace.EVERY_BEAT) {
            int b = firstBeatAfter(from + minHold * 0.5);
            for (int k = 1; k < count; k++, b++) {
                starts[k] = b < beats.length && beats[b] < to - minHold * 0.5 ? beats[b] : Double.NaN;
            }
            return fillGaps(starts, to);
        }
        // calm stretches hold a photo about three times as long as energetic ones: the changes are
        // spread by a rate that follows the music's energy (the time integral of 1 / hold), so each
        // photo's share of the run is decided where it actually sits, not where an even split would put it
        int steps = Math.max(8, (int) Math.ceil((to - from) / 0.05));
        double dt = (to - from) / steps;
        double[] cumulative = new double[steps + 1];
        for (int k = 0; k < steps; k++) {
            double e = Math.max(0, Math.min(1, energyAt(from + (k + 0.5) * dt)));
            cumulative[k + 1] = cumulative[k] + dt / (CALM_HOLD - (CALM_HOLD - LIVELY_HOLD) * e);
        }
        double total = cumulative[steps];
        for (int k = 1; k < count; k++) {
            double target = total * k / count;
            int s = Arrays.binarySearch(cumulative, target);
            int hi = s >= 0 ? s : Math.min(steps, -s - 1);
            int lo = Math.max(0, hi - 1);
            double frac = cumulative[hi] > cumulative[lo] ? (target - cumulative[lo]) / (cumulative[hi] - cumulative[lo]) : 0;
            double wanted = from + (lo + frac) * dt;
            double earliest = starts[k - 1] + minHold;
            double latest = to - minHold * (count - k);
            starts[k] = snap(wanted, earliest, latest, energyAt(wanted) < 0.45);
        }
        return fillGaps(starts, to);
    }

    /** The grid point nearest {@code wanted} within [earliest, latest]: a bar line or half-bar when calm, else any beat. */
    private double snap(double wanted, double earliest, double latest, boolean calm) {
        double best = Double.NaN;
        for (int pass = 0; pass < 2 && Double.isNaN(best); pass++) {
            boolean barsOnly = calm && pass == 0;
            double bestD = Double.MAX_VALUE;
            for (int b = 0; b < beats.length; b++) {
                double tb = beats[b];
                if (tb < earliest - 1e-9 || tb > latest + 1e-9 || tb <= 0) {
                    continue;
                }
                if (barsOnly && !onHalfBar(b)) {
                    continue;
                }
                double d = Math.abs(tb - wanted);
                // a bar line may lie at most one beat further than the nearest beat
                if (barsOnly && d > 60.0 / plan.bpm() * 1.01 + Math.abs(nearestBeatTime(wanted) - wanted)) {
                    continue;
                }
                if (d < bestD) {
                    bestD = d;
                    best = tb;
                }
            }
        }
        return best;
    }

    private boolean onHalfBar(int beat) {
        int bpb = plan.beatsPerBar();
        int half = bpb % 2 == 0 ? bpb / 2 : bpb;
        return beat >= plan.firstDownbeat() && (beat - plan.firstDownbeat()) % half == 0;
    }

    private double nearestBeatTime(double t) {
        int i = Arrays.binarySearch(beats, t);
        if (i >= 0) {
            return beats[i];
        }
        int hi = Math.min(beats.length - 1, -i - 1);
        int lo = Math.max(0, hi - 1);
        return Math.abs(beats[lo] - t) <= Math.abs(beats[hi] - t) ? beats[lo] : beats[hi];
    }

    private int firstBeatAfter(double t) {
        int b = 0;
        while (b < beats.length && beats[b] < t) {
            b++;
        }
        return b;
    }

    /** Where no beat could be had (a grid too coarse for so many photos), the photos share the time evenly. */
    private static double[] fillGaps(double[] starts, double to) {
        List<Integer> missing = new ArrayList<>();
        for (int k = 1; k < starts.length; k++) {
            if (Double.isNaN(starts[k])) {
                missing.add(k);
            }
        }
        if (missing.isEmpty()) {
            return starts;
        }
        int first = missing.get(0);
        double from = starts[first - 1];
        int n = starts.length - first + 1;
        for (int k = first; k < starts.length; k++) {
            starts[k] = from + (to - from) * (k - first + 1) / n;
        }
        return starts;
    }

    /** The energy of the section playing at a time, 0-1. */
    double energyAt(double sec) {
        int b = firstBeatAfter(sec);
        int beat = Math.max(0, b - 1);
        int bar = Math.floorDiv(beat - plan.firstDownbeat(), plan.beatsPerBar());
        for (Section s : plan.sections()) {
            if (bar >= s.startBar() && bar < s.endBar()) {
                return s.energy();
            }
        }
        return plan.sections().isEmpty() ? 0.5 : plan.sections().get(bar < 0 ? 0 : plan.sections().size() - 1).energy();
    }
}

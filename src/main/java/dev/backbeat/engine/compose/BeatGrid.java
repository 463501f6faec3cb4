package dev.backbeat.engine.compose;

import java.util.Arrays;

/**
 * Where the beats fall, in seconds. Index i of {@link #times()} is MIDI beat i (tick i·PPQ);
 * times[0] is always 0: when the first real beat comes later, index 0 is a lead-in, not a beat.
 * Tempo may change slightly between beats, so this is a list rather than a BPM and a phase.
 *
 * @param times          beat times, increasing, starting at 0 and running past the clip's end
 * @param leadIn         whether times[0] is a lead-in rather than a real beat
 * @param firstDownbeat  the index of bar 0's first beat
 * @param beatsPerBar    the metre
 * @param bpm            the fitted base tempo
 * @param swing          how late the off-beat eighths are played, in beats (0 = straight)
 */
public record BeatGrid(double[] times, boolean leadIn, int firstDownbeat, int beatsPerBar, double bpm, double swing) {

    /** The time of a fractional beat position, interpolating between beats. */
    public double timeOf(double beat) {
        if (beat <= 0) return 0;
        int i = (int) Math.floor(beat);
        if (i >= times.length - 1) {
            double last = times[times.length - 1] - times[times.length - 2];
            return times[times.length - 1] + (beat - (times.length - 1)) * last;
        }
        return times[i] + (beat - i) * (times[i + 1] - times[i]);
    }

    /** The beat position (fractional) at a time. */
    public double beatAt(double sec) {
        int i = Arrays.binarySearch(times, sec);
        if (i >= 0) return i;
        int lo = -i - 2;
        if (lo < 0) return 0;
        if (lo >= times.length - 1) {
            double last = times[times.length - 1] - times[times.length - 2];
            return times.length - 1 + (sec - times[times.length - 1]) / last;
        }
        return lo + (sec - times[lo]) / (times[lo + 1] - times[lo]);
    }

    /** The index of the real beat nearest to a time. */
    public int nearestBeat(double sec) {
        int b = (int) Math.round(beatAt(sec));
        b = Math.max(leadIn ? 1 : 0, Math.min(times.length - 1, b));
        int best = b;
        for (int k = b - 1; k <= b + 1; k++) {
            if (k >= (leadIn ? 1 : 0) && k < times.length && Math.abs(times[k] - sec) < Math.abs(times[best] - sec)) {
                best = k;
            }
        }
        return best;
    }

    public double distanceToBeat(double sec) {
        return Math.abs(times[nearestBeat(sec)] - sec);
    }

    /**
     * The eighth nearest to a time, as a beat position: a beat, or the off-beat between two beats
     * (played late by the swing, as the music plays it). A hit can fall on either.
     */
    public double nearestEighth(double sec) {
        int b = nearestBeat(sec);
        double best = b;
        double bestD = Math.abs(times[b] - sec);
        for (int k = Math.max(leadIn ? 1 : 0, b - 1); k <= b && k + 1 < times.length; k++) {
            double pos = k + 0.5 + swing;
            double d = Math.abs(timeOf(pos) - sec);
            if (d < bestD) {
                bestD = d;
                best = pos;
            }
        }
        return best;
    }

    public double distanceToEighth(double sec) {
        return Math.abs(timeOf(nearestEighth(sec)) - sec);
    }

    public boolean isDownbeat(int beat) {
        return beat >= firstDownbeat && (beat - firstDownbeat) % beatsPerBar == 0;
    }

    /** The beat index where a bar starts (bars count from 0 at the first downbeat). */
    public int barStart(int bar) {
        return firstDownbeat + bar * beatsPerBar;
    }

    /** The bar containing a beat (negative for the pickup). */
    public int barOf(double beat) {
        return (int) Math.floor((beat - firstDownbeat) / beatsPerBar);
    }

    /** The local tempo at a beat, BPM. */
    public double bpmAt(int beat) {
        int i = Math.max(leadIn ? 1 : 0, Math.min(times.length - 2, beat));
        return 60.0 / (times[i + 1] - times[i]);
    }
}

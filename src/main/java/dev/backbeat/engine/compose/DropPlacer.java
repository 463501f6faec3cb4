package dev.backbeat.engine.compose;

import java.util.List;

/**
 * Moves the bar lines of a fitted grid so the drops asked for in the chat fall on downbeats: the
 * beats stay where the cuts put them, only which beat counts as "one" changes. Any single drop
 * then lands within half a beat of its time; of several, as many as the beats allow.
 */
final class DropPlacer {

    private DropPlacer() {
    }

    static BeatGrid align(BeatGrid grid, List<Double> drops, double durationSec) {
        if (drops.isEmpty()) return grid;
        int bpb = grid.beatsPerBar();
        int min = grid.leadIn() ? 1 : 0;
        BeatGrid best = grid;
        double bestScore = score(grid, drops, durationSec);
        for (int shift = 1; shift < bpb; shift++) {
            int fd = grid.firstDownbeat() + shift;
            // The shortest pickup with this bar phase.
            while (fd - bpb >= min) fd -= bpb;
            BeatGrid g = new BeatGrid(grid.times(), grid.leadIn(), fd, bpb, grid.bpm(), grid.swing());
            double s = score(g, drops, durationSec);
            if (s > bestScore + 1e-9) {
                bestScore = s;
                best = g;
            }
        }
        return best;
    }

    /** Drops within a beat of a downbeat count one each (the first asked counts a little more), minus the misses in beats. */
    private static double score(BeatGrid g, List<Double> drops, double durationSec) {
        double s = 0;
        for (int i = 0; i < drops.size(); i++) {
            double t = drops.get(i);
            if (t <= 0 || t >= durationSec) continue;
            double err = Math.abs(errorBeats(g, t));
            s += (err <= 1 + 1e-9 ? (i == 0 ? 1.5 : 1) : 0) - 0.01 * err;
        }
        return s;
    }

    /** The bar whose downbeat is nearest to a time. */
    static int nearestBar(BeatGrid g, double sec) {
        return (int) Math.round((g.beatAt(sec) - g.firstDownbeat()) / g.beatsPerBar());
    }

    /** From the time to the nearest downbeat, in beats. */
    static double errorBeats(BeatGrid g, double sec) {
        return g.barStart(nearestBar(g, sec)) - g.beatAt(sec);
    }
}

package dev.backbeat.engine.song;

import dev.backbeat.engine.compose.MusicPlan;

/**
 * The piece's plan as the rest of the app reads it (timeline, photo changes, the answer in the
 * chat), rewritten for a fitted song: the song's tempo and its beats and bar lines in output time
 * take the place of the composed grid; the composed sections stay as the map of calm and busy
 * stretches the photos are paced by.
 */
public final class SongPlan {
    private SongPlan() {
    }

    public static MusicPlan of(MusicPlan composed, FittedSong fit) {
        double[] beats = fit.beats().length > 0 ? fit.beats() : composed.beatTimes();
        int firstDownbeat = 0;
        if (fit.bars().length > 0) {
            double first = fit.bars()[0];
            for (int i = 0; i < beats.length; i++) {
                if (Math.abs(beats[i] - first) < 1e-6) {
                    firstDownbeat = i % composed.beatsPerBar();
                    break;
                }
            }
        }
        return new MusicPlan(composed.style(), fit.bpm(), fit.bpm(), fit.bpm(), 4, composed.key(), composed.sections(),
                composed.chords(), composed.instruments(), beats, firstDownbeat, composed.hardCuts(), 0, 0, 0, 0,
                fit.durationSec(), composed.tonicAtSec(), composed.levelDb(), composed.seed(), java.util.List.of(),
                java.util.List.of());
    }
}

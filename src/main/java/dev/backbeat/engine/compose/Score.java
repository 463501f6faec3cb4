package dev.backbeat.engine.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The notes of a piece with the instruments that play them, on a beat grid. */
public record Score(BeatGrid grid, List<Instrument> instruments, List<Note> notes, double durationSec) {

    public Score {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingDouble(Note::beat).thenComparingInt(Note::channel)
                .thenComparingInt(Note::pitch));
        notes = List.copyOf(sorted);
        instruments = List.copyOf(instruments);
    }

    public List<Note> notes(Note.Stem stem) {
        return notes.stream().filter(n -> n.stem() == stem).toList();
    }

    /** Distinct note onset times per second, all parts together. */
    public double onsetsPerSecond() {
        return notes.stream().map(n -> Math.round(grid.timeOf(n.beat()) * 100)).distinct().count() / durationSec;
    }

    public double meanVelocity() {
        return notes.stream().mapToInt(Note::velocity).average().orElse(0);
    }
}

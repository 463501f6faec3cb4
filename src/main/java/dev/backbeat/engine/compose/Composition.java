package dev.backbeat.engine.compose;

/** A composed piece: the plan and the notes. */
public record Composition(MusicPlan plan, Score score, Key key, java.util.List<Chord> chords) {
}

package dev.backbeat.engine.compose;

/**
 * How one style is played: its tempo band, groove, instruments (General MIDI programs, -1 for
 * none) and chord vocabulary (progressions as scale degrees, 0 = tonic, one chord per bar).
 */
public record StyleSpec(Style style, double minBpm, double maxBpm, double swing, Groove groove,
                        int drumKit, int bass, int pad, int comp, int lead, Comp compPattern,
                        boolean sevenths, boolean alwaysMinor, int[][] majorProgressions,
                        int[][] minorProgressions, int leadBase) {

    /** The drum groove family. */
    public enum Groove { NONE, LOFI, POP, FOLK, HOUSE, CINEMATIC, CORPORATE, TENSE }

    /** How the comping instrument plays the chords. */
    public enum Comp { BLOCK, ARPEGGIO, STRUM, STAB, PULSE, OSTINATO }

    public boolean hasDrums() {
        return groove != Groove.NONE;
    }

    /** Whether a calm and an energetic piece can differ in tempo within this style's band. */
    public boolean allowsCalmAndEnergetic() {
        return maxBpm - minBpm >= 12;
    }

    public int[][] progressions(Key.Mode mode) {
        return mode == Key.Mode.MAJOR ? majorProgressions : minorProgressions;
    }
}

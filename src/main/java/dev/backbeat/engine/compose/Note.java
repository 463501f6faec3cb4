package dev.backbeat.engine.compose;

/**
 * One note of the score, placed in MIDI beats (see {@link BeatGrid}). {@code accent} marks a hit
 * on a cut, which humanisation leaves exactly on time.
 */
public record Note(Stem stem, int channel, double beat, double length, int pitch, int velocity, boolean accent) {

    public enum Stem { DRUMS, BASS, HARMONY, MELODY }

    public static final int DRUM_CHANNEL = 9;

    public boolean pitched() {
        return channel != DRUM_CHANNEL;
    }

    public Note at(double newBeat, int newVelocity) {
        return new Note(stem, channel, newBeat, length, pitch, Math.max(1, Math.min(127, newVelocity)), accent);
    }
}

package dev.backbeat.engine.song;

import java.util.Locale;

/**
 * What the song's time is made of, in seconds of the song: its tempo, every beat, the bar lines
 * (downbeats, a subset of the beats), the phrase boundaries (bar lines every {@code barsPerPhrase}
 * bars), {@code end}: the natural ending, the last bar line before the sound falls silent (or the
 * file ends), and {@code soundEnd}: where it does. {@code beatClarity} says how clearly there is a
 * pulse at all (under {@link #CLEAR_BEAT}: speech, noise or free time, and the grid means little).
 */
public record SongGrid(double bpm, double[] beats, double[] bars, double[] phrases, int barsPerPhrase, double end,
                       double soundStart, double soundEnd, double durationSec, double beatClarity) {

    /**
     * Below this clarity the song has no beat worth cutting on. Measured with {@code bench song}:
     * pink and brown noise 1.26-1.36, a looped spoken sentence 2.2; 18 electronic tracks (Debian's
     * nexuiz-music) 2.7-11, the synthetic test songs 9-25.
     */
    public static final double CLEAR_BEAT = 2.5;

    public boolean hasBeat() {
        return beats.length >= 8 && bars.length >= 3 && beatClarity >= CLEAR_BEAT;
    }

    public double beatSec() {
        return 60.0 / bpm;
    }

    public String describe() {
        return String.format(Locale.ROOT, "%.1f BPM, %d beats, %d bars, phrases of %d bars (%d), ending at %.2f s,"
                        + " sound %.2f-%.2f s of %.2f s, beat clarity %.2f", bpm, beats.length, bars.length, barsPerPhrase,
                phrases.length, end, soundStart, soundEnd, durationSec, beatClarity);
    }
}

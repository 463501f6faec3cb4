package dev.backbeat.engine.song;

import java.util.List;
import java.util.Locale;

/**
 * A song fitted to a video: its samples (48 kHz stereo, exactly the video's length), the pieces of
 * the song it is made of, where they join (in output time, with the song times either side), and
 * the beats and bar lines in output time (for photos to change on).
 */
public record FittedSong(float[][] pcm, List<Piece> pieces, List<Join> joins, double[] beats, double[] bars,
                         double bpm, double fadeSec, String how) {

    /** A stretch of the song, {@code fromSec}-{@code toSec} of the song, placed at {@code atSec} of the output. */
    public record Piece(double fromSec, double toSec, double atSec) {
        public double lengthSec() {
            return toSec - fromSec;
        }
    }

    /** Where the output leaves the song at {@code leftSec} and goes on from {@code enteredSec}. */
    public record Join(double atSec, double leftSec, double enteredSec) {
    }

    public double durationSec() {
        return pcm[0].length / (double) SongDecoder.RATE;
    }

    public String describe() {
        StringBuilder sb = new StringBuilder(how);
        for (Piece p : pieces) {
            sb.append(String.format(Locale.ROOT, "%n  %7.2f s: song %.2f-%.2f s", p.atSec(), p.fromSec(), p.toSec()));
        }
        return sb.toString();
    }
}

package dev.backbeat.engine.compose;

import com.google.gson.annotations.SerializedName;

/**
 * How the music marks one hard cut, as film composers catch hit points: on a beat or an off-beat
 * of the grid, or, where the cut cannot sit on the grid, by an accent on the nearest sixteenth,
 * an impact or a chord change exactly on the cut, a stop (a beat of silence before the cut), or not at all.
 *
 * @param timeSec  the cut
 * @param strength how big the change of picture is, 0-1
 * @param how      how it is caught
 * @param atSec    where the music marks it (the cut's time when missed)
 */
public record CutCatch(double timeSec, double strength, How how, double atSec) {

    public enum How {
        @SerializedName("beat") BEAT("beat"),
        @SerializedName("off-beat") OFF_BEAT("off-beat"),
        @SerializedName("accent") ACCENT("accent"),
        @SerializedName("impact") IMPACT("impact"),
        @SerializedName("chord change") CHORD_CHANGE("chord change"),
        @SerializedName("stop") STOP("stop"),
        @SerializedName("missed") MISSED("missed");

        private final String words;

        How(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public boolean caught() {
        return how != How.MISSED;
    }

    /** How far from the cut the music marks it, in milliseconds (signed: late is positive). */
    public double errorMs() {
        return 1000 * (atSec - timeSec);
    }
}

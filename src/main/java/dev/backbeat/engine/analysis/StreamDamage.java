package dev.backbeat.engine.analysis;

import dev.backbeat.engine.media.ClipInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the reading pass found wrong with a file that still probed as whole: a picture or a sound
 * that ends before the file says it does (a download or a copy cut short, whose index at the front
 * survived), or more decoding errors than a sound file shows. Found while the clip is read, not
 * afterwards, so it costs nothing.
 *
 * @param statedSec    how long the file says it is
 * @param pictureSec   how much picture could be decoded
 * @param soundSec     how much sound could be decoded, or -1 for a file without sound
 * @param pictureShort whether the picture ends early
 * @param soundShort   whether the sound ends early
 * @param errors       decoding errors FFmpeg reported
 * @param manyErrors   whether that is past what a sound file shows
 */
public record StreamDamage(double statedSec, double pictureSec, double soundSec, boolean pictureShort,
                           boolean soundShort, int errors, boolean manyErrors) {

    /** A picture may end this much before its stated length (a frame's duration and rounding): the larger of these. */
    static final double PICTURE_SLACK_SEC = 0.5;
    static final double PICTURE_SLACK_SHARE = 0.02;
    /** Sound streams end a little early in many good files (an encoder's last packet, an edit); more slack. */
    static final double SOUND_SLACK_SEC = 1.0;
    static final double SOUND_SLACK_SHARE = 0.03;
    /** The shortest clip the composer scores: a file holding less than this is refused outright, not offered. */
    public static final double MIN_SCORABLE_SEC = 2.0;
    /** Decoding errors a file may show before it is called damaged: the larger of a floor and one per this many seconds. */
    static final int ERROR_FLOOR = 20;
    static final double SECONDS_PER_ERROR = 2.0;

    /**
     * Judges what one reading pass decoded against what the probe said.
     *
     * @param pictureSec the end of the last decoded frame
     * @param soundSec   the decoded sound's length, or -1 where it is unknown (no sound, or not measured)
     * @param errors     the decoding errors FFmpeg printed
     */
    public static Optional<StreamDamage> judge(ClipInfo info, double pictureSec, double soundSec, int errors) {
        double stated = info.durationSec();
        if (!(stated > 0)) {
            return Optional.empty(); // a file that does not say how long it is cannot end early
        }
        double pictureStated = info.videoStreamSec() > 0 ? info.videoStreamSec() : stated;
        boolean pictureShort = pictureStated - pictureSec > Math.max(PICTURE_SLACK_SEC, PICTURE_SLACK_SHARE * pictureStated);
        double soundStated = info.audioStreamSec() > 0 ? info.audioStreamSec() : stated;
        boolean soundShort = info.hasAudio() && soundSec >= 0
                && soundStated - soundSec > Math.max(SOUND_SLACK_SEC, SOUND_SLACK_SHARE * soundStated);
        boolean many = errors >= Math.max(ERROR_FLOOR, stated / SECONDS_PER_ERROR);
        if (!pictureShort && !soundShort && !many) {
            return Optional.empty();
        }
        return Optional.of(new StreamDamage(stated, pictureSec, info.hasAudio() ? soundSec : -1, pictureShort, soundShort,
                errors, many));
    }

    /** How much of the clip can be scored: up to where its picture ends (a sound that stops early just stops). */
    public double usableSec() {
        return pictureShort ? pictureSec : statedSec;
    }

    /** What went wrong, in the user's words: "“trip.mp4” looks cut short: its picture stops at 0:00.8, but the file says 0:26…". */
    public String describe(String name) {
        List<String> what = new ArrayList<>();
        if (pictureShort) {
            what.add("its picture stops at " + clock(pictureSec));
        }
        if (soundShort) {
            what.add((pictureShort ? "its sound at " : "its sound stops at ") + clock(Math.max(0, soundSec)));
        }
        StringBuilder sb = new StringBuilder("\u201c").append(name).append("\u201d ");
        if (!what.isEmpty()) {
            sb.append("looks cut short: ").append(String.join(" and ", what)).append(", but the file says it lasts ")
                    .append(clock(statedSec)).append(". That happens when a download or a copy stops early.");
            if (manyErrors) {
                sb.append(" It also has ").append(errors).append(" damaged pictures or sounds.");
            }
        } else {
            sb.append("is damaged: ").append(errors).append(" pictures or sounds in it could not be decoded,"
                    + " so parts may show blocks or drop out.");
        }
        return sb.toString();
    }

    /** Whether so little plays that there is nothing to score: then there is no choice to offer. */
    public boolean tooLittleLeft() {
        return usableSec() < MIN_SCORABLE_SEC;
    }

    /** The choice, worded for the window or the command line. */
    public String choice() {
        if (tooLittleLeft()) {
            return "Only " + clock(usableSec()) + " of it plays, too little to score: use a complete copy.";
        }
        return pictureShort
                ? "You can score the " + clock(pictureSec) + " that are there, or stop and use a complete copy."
                : "You can score it as it is, or stop and use a complete copy.";
    }

    /** 0:26, 1:02:03, or 0:00.8 below ten seconds (where a tenth matters). */
    static String clock(double sec) {
        if (sec < 10) {
            return String.format(Locale.ROOT, "0:%04.1f", sec);
        }
        long s = Math.round(sec);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

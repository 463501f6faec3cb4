package dev.backbeat.engine.mix;

import dev.backbeat.engine.media.MediaException;

import java.util.Locale;

/**
 * The export's check-and-retry policy for its sound, in one place. Each written sound is decoded
 * again and measured ({@link LoudnessCheck}); {@link #judge} takes the reading and either accepts it
 * or corrects the settings the next pass is made with:
 * <ul>
 *   <li>a loudness more than {@value AudioMixer#LOUDNESS_TOLERANCE} LU off the target (limiting strong
 *       peaks, a voice close to the microphone, cost loudness): the gain is corrected by the secant
 *       through the last two tries, at most twice;</li>
 *   <li>a true peak over {@value AudioMixer#MAX_TRUE_PEAK} dBTP (the encoder pushes peaks up): the
 *       limiter's ceiling is lowered by the overshoot, up to four times, after which the user is told.</li>
 * </ul>
 * Once a ceiling was lowered, the loudness it costs is accepted. The exporter only asks and repeats;
 * it holds no rule of its own.
 */
public final class SoundCheck {
    /** Passes judged at most: the rules above stop sooner; this is the backstop. */
    static final int MAX_PASSES = 8;

    private final double measuredLufs;
    private final double targetLufs;
    private double gainDb;
    private double ceiling;
    private int judged;
    private int loudnessTries;
    private int peakTries;
    private double lastGain;
    private double lastLufs;
    private boolean redone;
    private LoudnessCheck.Reading accepted;

    /**
     * @param measuredLufs the mix's loudness before any gain (below -69: silence, never corrected for loudness)
     * @param gainDb       the gain worked out for the first pass
     * @param ceiling      the limiter's ceiling for the first pass, dBFS
     * @param targetLufs   the loudness asked for
     */
    SoundCheck(double measuredLufs, double gainDb, double ceiling, double targetLufs) {
        this.measuredLufs = measuredLufs;
        this.gainDb = gainDb;
        this.ceiling = ceiling;
        this.targetLufs = targetLufs;
    }

    /** What the check said of one pass: taken, or made again because of {@code why} ("it was 1.2 LU too quiet"). */
    public record Verdict(boolean accepted, String why) {
        static Verdict accept() {
            return new Verdict(true, "");
        }
    }

    /** The gain the next pass is made with, dB. */
    public double gainDb() {
        return gainDb;
    }

    /** The limiter's ceiling the next pass is made with, dBFS. */
    public double ceiling() {
        return ceiling;
    }

    /** Passes judged so far. */
    public int judged() {
        return judged;
    }

    /** Whether a pass had to be made again for its peak. */
    public boolean redone() {
        return redone;
    }

    /** The reading of the pass that was accepted, or null before one was. */
    LoudnessCheck.Reading accepted() {
        return accepted;
    }

    /** Judges a written pass; when it is not taken the settings are already corrected for the next. */
    public Verdict judge(LoudnessCheck.Reading reading) throws MediaException {
        if (reading == null) {
            throw new MediaException(MediaException.Kind.FAILED, "The exported sound could not be checked: nothing was decoded.");
        }
        judged++;
        Verdict v = verdict(reading);
        if (v.accepted()) {
            accepted = reading;
        } else if (judged >= MAX_PASSES) {
            throw new MediaException(MediaException.Kind.FAILED, "The exported sound could not be brought within its"
                    + " loudness and peak limits after " + MAX_PASSES + " tries. Try a quieter loudness target.");
        }
        return v;
    }

    private Verdict verdict(LoudnessCheck.Reading reading) throws MediaException {
        double lufs = reading.lufs();
        double miss = targetLufs - lufs;
        if (peakTries == 0 && loudnessTries < 2 && measuredLufs > -69 && Math.abs(miss) > AudioMixer.LOUDNESS_TOLERANCE) {
            double slope = loudnessTries == 0 ? 1 : (lufs - lastLufs) / (gainDb - lastGain);
            lastGain = gainDb;
            lastLufs = lufs;
            gainDb = Math.min(AudioMixer.MAX_BOOST_DB, gainDb + miss / Math.max(0.2, Math.min(1, slope)));
            loudnessTries++;
            return new Verdict(false, String.format(Locale.ROOT, "it was %.1f LU too %s", Math.abs(miss),
                    miss > 0 ? "quiet" : "loud"));
        }
        if (reading.truePeakDb() > AudioMixer.MAX_TRUE_PEAK) {
            if (peakTries == 4) {
                throw new MediaException(MediaException.Kind.FAILED, String.format(Locale.ROOT,
                        "The sound could not be brought under %.1f dBTP (it stays at %.1f after encoding)."
                                + " Try a quieter loudness target.", AudioMixer.MAX_TRUE_PEAK, reading.truePeakDb()));
            }
            // a lower ceiling, not a lower gain: the loudness stays close (heavier limiting costs a
            // little of it on very dense material)
            double over = reading.truePeakDb() - AudioMixer.MAX_TRUE_PEAK;
            ceiling -= over + 0.3;
            peakTries++;
            redone = true;
            return new Verdict(false, String.format(Locale.ROOT, "a peak was %.1f dB over the limit", over));
        }
        return Verdict.accept();
    }
}

package dev.backbeat.engine.analysis;

import java.util.List;

/**
 * What the analysis read from a clip, and what composition fits music to. Times are seconds from
 * the start of the clip. Curves are sampled every {@code stepSec} seconds, index i covering
 * [i·step, (i+1)·step). Serialised to JSON with Gson as it is.
 *
 * @param source       the file analysed (as given)
 * @param durationSec  the clip's duration
 * @param fps          the average frame rate (0 for no video)
 * @param width        display width (rotation applied)
 * @param height       display height (rotation applied)
 * @param hasAudio     whether the clip has an audio track
 * @param cuts         hard cuts and soft transitions, in time order
 * @param stepSec      the step of every curve below (0.25 s)
 * @param motion       motion intensity per step, 0-1
 * @param visualBeats  times of motion-saliency peaks
 * @param shots        the shots between hard cuts, with their colour and affect
 * @param arousal      smoothed arousal per step, 0-1 (motion, cut rhythm, sound energy, colour)
 * @param loudness     momentary loudness of the original sound per step, LUFS (-70 for silence/no audio)
 * @param speech       regions where someone speaks
 * @param silence      regions of silence in the original sound
 * @param mood         the overall mood
 */
public record VideoProfile(
        String source,
        double durationSec,
        double fps,
        int width,
        int height,
        boolean hasAudio,
        List<Cut> cuts,
        double stepSec,
        double[] motion,
        List<Double> visualBeats,
        List<Shot> shots,
        double[] arousal,
        double[] loudness,
        List<Interval> speech,
        List<Interval> silence,
        Mood mood) {

    /**
     * A scene change. {@code soft} marks a fade or dissolve (spread over {@code lengthSec});
     * a hard cut has {@code soft} false, and {@code strength} 0-1 says how big the change is.
     */
    public record Cut(double timeSec, long frame, double strength, boolean soft, double lengthSec) {
    }

    /** A shot with its mean colour (0-1 each; warmth -1 cool to 1 warm) and affect estimates (valence -1..1, arousal 0..1). */
    public record Shot(double startSec, double endSec, double brightness, double saturation, double warmth,
                       double valence, double arousal, double motion) {
    }

    public record Interval(double startSec, double endSec) {
        public double length() {
            return endSec - startSec;
        }
    }

    /**
     * The overall mood: a label ("energetic, happy"), valence -1..1, arousal 0..1, a confidence
     * 0-1, and one line a person understands ("bright, cuts every 1.8 s, lots of motion → energetic, happy").
     */
    public record Mood(String label, double valence, double arousal, double confidence, String explanation) {
    }

    /** Only the hard cuts. */
    public List<Cut> hardCuts() {
        return cuts.stream().filter(c -> !c.soft()).toList();
    }
}

package dev.backbeat.engine.analysis;

import dev.backbeat.engine.analysis.VideoProfile.Mood;

import java.util.List;
import java.util.Locale;

/**
 * Sums a clip up as one mood: valence from the shots' colour (weighted by their length), arousal
 * from the arousal curve, a label from the valence/arousal quadrant, a confidence from how far the
 * clip sits from the quadrant borders, and one line that says why.
 */
final class MoodEstimator {

    private static final double HIGH_AROUSAL = 0.42;
    private static final double VALENCE_BAND = 0.12;
    /** Below this mean brightness footage reads as dark. */
    private static final double DARK = 0.3;
    /** Below this mean saturation colours read as drained. */
    private static final double DESATURATED = 0.22;
    /** Where footage that is not clearly dark lands: just inside the warm side, a major key. */
    private static final double WARM = 0.15;

    private MoodEstimator() {
    }

    static Mood estimate(List<VideoProfile.Shot> shots, double[] arousalCurve, double[] motion,
                         List<VideoProfile.Interval> speech, double durationSec) {
        double valence = 0;
        double brightness = 0;
        double saturation = 0;
        double covered = 0;
        for (VideoProfile.Shot s : shots) {
            double len = Math.max(0, s.endSec() - s.startSec());
            valence += s.valence() * len;
            brightness += s.brightness() * len;
            saturation += s.saturation() * len;
            covered += len;
        }
        if (covered > 0) {
            valence /= covered;
            brightness /= covered;
            saturation /= covered;
        }
        double arousal = mean(arousalCurve);
        boolean high = arousal >= HIGH_AROUSAL;
        // People scoring their own footage rarely want it sad: a dark reading needs the cues to agree
        // (dark and desaturated, and slow for sad; dark for tense), otherwise the mood leans warm.
        boolean dark = brightness < DARK;
        // HSV saturation runs high in near-black pixels; what reads as colourful there is chroma, so dim it by brightness
        boolean desaturated = saturation * Math.min(1, brightness / 0.5) < DESATURATED;
        String why;
        if (valence < -VALENCE_BAND && (high ? dark : dark && desaturated)) {
            why = high ? "dark and fast together" : "dark, slow and desaturated together";
        } else if (valence < WARM) {
            why = valence < -VALENCE_BAND
                    ? "leaning warm: " + (dark ? "dark, but not desaturated enough" : "not dark enough") + " for a sad score"
                    : "leaning warm: nothing in it reads as sad";
            valence = WARM;
        } else {
            why = "";
        }
        String label;
        if (valence > VALENCE_BAND) {
            label = high ? "energetic, happy" : "calm, warm";
        } else if (valence < -VALENCE_BAND) {
            label = high ? "tense, dramatic" : "sad, sombre";
        } else {
            label = high ? "energetic, driving" : "calm, reflective";
        }
        double arousalSure = Math.min(1, Math.abs(arousal - HIGH_AROUSAL) / 0.2);
        double valenceSure = Math.min(1, Math.abs(Math.abs(valence) - VALENCE_BAND) / 0.3);
        double confidence = (0.3 + 0.4 * arousalSure + 0.3 * valenceSure) * (durationSec < 3 ? 0.6 : 1.0);
        String line = describe(brightness, saturation, shots.size(), durationSec, mean(motion), speech) + " → " + label
                + (why.isEmpty() ? "" : " (" + why + ")");
        return new Mood(label, valence, arousal, Math.min(1, confidence), line);
    }

    private static String describe(double brightness, double saturation, int shotCount, double durationSec,
                                   double motion, List<VideoProfile.Interval> speech) {
        StringBuilder sb = new StringBuilder();
        sb.append(brightness > 0.55 ? "bright" : brightness < 0.3 ? "dark" : "mid-lit");
        sb.append(saturation > 0.45 ? ", vivid colours" : saturation < 0.15 ? ", muted colours" : "");
        if (shotCount > 1) {
            sb.append(String.format(Locale.ROOT, ", cuts every %.1f s", durationSec / shotCount));
        } else {
            sb.append(", one continuous shot");
        }
        sb.append(motion > 0.5 ? ", lots of motion" : motion > 0.2 ? ", some motion" : ", little motion");
        double spoken = speech.stream().mapToDouble(VideoProfile.Interval::length).sum();
        if (durationSec > 0 && spoken / durationSec > 0.1) {
            sb.append(String.format(Locale.ROOT, ", speech %.0f%% of the time", 100 * spoken / durationSec));
        }
        return sb.toString();
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return x.length == 0 ? 0 : sum / x.length;
    }
}

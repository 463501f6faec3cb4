package dev.backbeat.engine.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The mean colour of each shot and what it suggests: brighter reads as more pleasant, more
 * saturated as more arousing (Valdez &amp; Mehrabian 1994: pleasure = .69 B + .22 S,
 * arousal = -.31 B + .60 S on standardised brightness B and saturation S). A shot's arousal also
 * takes in its motion, which moves people more than colour does.
 */
final class ShotColours {

    /** Typical brightness and saturation of footage, to standardise against. */
    private static final double BRIGHTNESS_MEAN = 0.45;
    private static final double BRIGHTNESS_SD = 0.18;
    private static final double SATURATION_MEAN = 0.35;
    private static final double SATURATION_SD = 0.2;
    private static final double MOTION_WEIGHT = 0.6;

    private final FloatSeries brightness = new FloatSeries();
    private final FloatSeries saturation = new FloatSeries();
    private final FloatSeries warmth = new FloatSeries();

    void accept(FrameFeatures frame) {
        brightness.add(frame.brightness);
        saturation.add(frame.saturation);
        warmth.add(frame.warmth);
    }

    /** One shot per span between hard cuts ({@code cutFrames} sorted). */
    List<dev.backbeat.engine.analysis.VideoProfile.Shot> shots(List<Integer> cutFrames, FrameClock clock, double durationSec,
                                                                double[] motion, double step) {
        List<VideoProfile.Shot> shots = new ArrayList<>();
        int frames = brightness.size();
        if (frames == 0) {
            return shots;
        }
        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        bounds.addAll(cutFrames);
        bounds.add(frames);
        for (int i = 0; i + 1 < bounds.size(); i++) {
            int from = bounds.get(i);
            int to = bounds.get(i + 1);
            double start = i == 0 ? 0 : clock.time(from);
            double end = i + 2 == bounds.size() ? Math.max(durationSec, clock.endSec()) : clock.time(to);
            double b = brightness.mean(from, to, 0);
            double s = saturation.mean(from, to, 0);
            double w = warmth.mean(from, to, 0);
            double m = meanOver(motion, start, end, step);
            double zb = (b - BRIGHTNESS_MEAN) / BRIGHTNESS_SD;
            double zs = (s - SATURATION_MEAN) / SATURATION_SD;
            double valence = Math.tanh(0.6 * (0.69 * zb + 0.22 * zs));
            double arousal = (1 - MOTION_WEIGHT) * colourArousal(zb, zs) + MOTION_WEIGHT * m;
            shots.add(new VideoProfile.Shot(start, end, b, s, w, valence, arousal, m));
        }
        return shots;
    }

    static double colourArousal(double zb, double zs) {
        return 1 / (1 + Math.exp(-(-0.31 * zb + 0.60 * zs)));
    }

    /** The colour part of a shot's arousal, recovered from its stored brightness and saturation. */
    static double colourArousal(VideoProfile.Shot shot) {
        return colourArousal((shot.brightness() - BRIGHTNESS_MEAN) / BRIGHTNESS_SD,
                (shot.saturation() - SATURATION_MEAN) / SATURATION_SD);
    }

    static double meanOver(double[] curve, double start, double end, double step) {
        int from = (int) Math.floor(start / step);
        int to = Math.min(curve.length, (int) Math.ceil(end / step));
        double sum = 0;
        int n = 0;
        for (int i = Math.max(0, from); i < to; i++) {
            sum += curve[i];
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }
}

package dev.backbeat.cli;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.analysis.VideoProfile.Cut;
import dev.backbeat.engine.analysis.VideoProfile.Interval;
import dev.backbeat.engine.analysis.VideoProfile.Mood;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The fixed clips {@code bench music} scores, as read profiles: calm, balanced, fast-cut, and balanced with speech. */
final class BenchProfiles {
    private BenchProfiles() {
    }

    static Map<String, VideoProfile> all(double seconds) {
        Map<String, VideoProfile> out = new LinkedHashMap<>();
        out.put("calm", profile("calm", seconds, 6.0, 0.2, 0.2, List.of(), 11));
        out.put("balanced", profile("balanced", seconds, 3.0, 0.5, 0.3, List.of(), 12));
        out.put("fast-cut", profile("fast-cut", seconds, 1.2, 0.85, 0.5, List.of(), 13));
        List<Interval> speech = new ArrayList<>();
        for (double t = 4; t + 5 < seconds; t += 12) speech.add(new Interval(t, t + 5));
        out.put("speech", profile("speech", seconds, 3.0, 0.5, 0.3, speech, 14));
        return out;
    }

    /** Cuts a mean shot apart (±40 %), arousal rising to a peak at 60 % of the clip then falling. */
    static VideoProfile profile(String name, double duration, double meanShot, double arousal, double valence,
                                List<Interval> speech, long seed) {
        Random r = new Random(seed);
        List<Cut> cuts = new ArrayList<>();
        for (double t = meanShot * (0.5 + r.nextDouble()); t < duration - 1.5; t += meanShot * (0.6 + 0.8 * r.nextDouble())) {
            cuts.add(new Cut(t, Math.round(t * 30), 0.3 + 0.7 * r.nextDouble(), false, 0));
        }
        double step = 0.25;
        int n = (int) Math.ceil(duration / step);
        double[] curve = new double[n];
        double[] loud = new double[n];
        for (int i = 0; i < n; i++) {
            double x = i / (double) n;
            curve[i] = Math.max(0, Math.min(1, arousal + 0.25 * (Math.exp(-Math.pow((x - 0.6) / 0.3, 2)) - 0.5)));
            double t = i * step;
            loud[i] = speech.stream().anyMatch(s -> t >= s.startSec() && t < s.endSec()) ? -20 : -45;
        }
        return new VideoProfile("bench-" + name, duration, 30, 1920, 1080, true, cuts, step, curve.clone(), List.of(),
                List.of(), curve, loud, speech, List.of(), new Mood(valence >= 0 ? "bright" : "dark", valence, arousal, 0.8, name));
    }
}

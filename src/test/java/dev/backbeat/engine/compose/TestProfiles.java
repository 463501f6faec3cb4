package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.analysis.VideoProfile.Cut;
import dev.backbeat.engine.analysis.VideoProfile.Interval;
import dev.backbeat.engine.analysis.VideoProfile.Mood;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Video profiles built in code, with known cut times, arousal curves and speech. */
public final class TestProfiles {

    private TestProfiles() {
    }

    /** Cuts an editor made to a rhythm at {@code bpm}, each off by up to {@code jitter} seconds. */
    public static VideoProfile editedTo(double duration, double bpm, double jitter, double arousal, double valence,
                                        List<Interval> speech, long seed) {
        Random r = new Random(seed);
        double beat = 60 / bpm;
        double t = 0.37 + beat * (2 + r.nextInt(4));
        List<Double> times = new ArrayList<>();
        while (t < duration - 1.5) {
            times.add(t + (r.nextDouble() * 2 - 1) * jitter);
            t += beat * (arousal > 0.5 ? 2 + r.nextInt(3) : 4 + r.nextInt(6));
        }
        return profile(duration, times, arousal, valence, speech, seed);
    }

    /** Cuts at irregular times, as in footage not edited to any beat. */
    public static VideoProfile irregular(double duration, double meanShot, double arousal, double valence, long seed) {
        Random r = new Random(seed);
        List<Double> times = new ArrayList<>();
        double t = meanShot * (0.5 + r.nextDouble());
        while (t < duration - 1.5) {
            times.add(t);
            t += meanShot * (0.6 + 0.8 * r.nextDouble());
        }
        return profile(duration, times, arousal, valence, List.of(), seed);
    }

    /**
     * Cuts at irregular times with shot lengths drawn from a log-normal distribution (the usual
     * shape of shot lengths in edited footage): mean {@code meanShot} seconds, coefficient of
     * variation {@code spread}, no shot shorter than 0.2 s (a detector merges flashes).
     */
    public static VideoProfile shots(double duration, double meanShot, double spread, double arousal, double valence,
                                     long seed) {
        Random r = new Random(seed * 1_000_003L + Math.round(meanShot * 100) * 101 + Math.round(spread * 100));
        double sigma = Math.sqrt(Math.log(1 + spread * spread));
        double mu = Math.log(meanShot) - sigma * sigma / 2;
        List<Double> times = new ArrayList<>();
        double t = Math.max(0.2, Math.exp(mu + sigma * r.nextGaussian()) * r.nextDouble());
        while (t < duration - 1.5) {
            times.add(t);
            t += Math.max(0.2, Math.exp(mu + sigma * r.nextGaussian()));
        }
        return profile(duration, times, arousal, valence, List.of(), seed);
    }

    public static VideoProfile calmDark(double duration, long seed) {
        return irregular(duration, 5.0, 0.15, -0.6, seed);
    }

    public static VideoProfile brightFast(double duration, long seed) {
        return irregular(duration, 1.3, 0.85, 0.7, seed);
    }

    static VideoProfile profile(double duration, List<Double> cutTimes, double arousal, double valence,
                                List<Interval> speech, long seed) {
        Random r = new Random(seed * 31 + 7);
        List<Cut> cuts = new ArrayList<>();
        for (double c : cutTimes) {
            cuts.add(new Cut(c, Math.round(c * 30), 0.3 + 0.7 * r.nextDouble(), false, 0));
        }
        double step = 0.25;
        int n = (int) Math.ceil(duration / step);
        double[] curve = new double[n];
        double[] motion = new double[n];
        double[] loud = new double[n];
        for (int i = 0; i < n; i++) {
            double x = i / (double) n;
            // A rise to a peak at about 60 % of the clip, then a fall: the usual shape of an edit.
            double shape = Math.exp(-Math.pow((x - 0.6) / 0.3, 2)) - 0.5;
            curve[i] = Math.max(0, Math.min(1, arousal + 0.25 * shape));
            motion[i] = curve[i];
            loud[i] = -30;
        }
        List<VideoProfile.Shot> shots = new ArrayList<>();
        return new VideoProfile("test-" + seed, duration, 30, 1920, 1080, true, cuts, step, motion, List.of(), shots,
                curve, loud, speech, List.of(),
                new Mood(valence >= 0 ? "bright" : "dark", valence, arousal, 0.8, "made in a test"));
    }
}

package dev.backbeat.cli;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.compose.Brief;
import dev.backbeat.engine.compose.Composer;
import dev.backbeat.engine.compose.Composition;
import dev.backbeat.engine.compose.MidiWriter;
import dev.backbeat.engine.compose.MusicPlan;
import dev.backbeat.engine.synth.MusicRenderer;
import dev.backbeat.engine.synth.RenderedMusic;
import dev.backbeat.engine.synth.SoundFontLoader;
import dev.backbeat.engine.synth.WavWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How the music fits cutting of a given pace: a clip cut every {@code interval} seconds (regular,
 * or irregular as edited footage is), scored with no style asked for; the tempo and style chosen,
 * the share of cuts on the grid, and, heard from outside by {@code aubio onset} on the rendered
 * music, the share of cuts with an onset within 50 ms against the same cuts moved 0.2 s off.
 */
final class FitTable {

    record Row(double intervalSec, boolean irregular, double valence, String style, double bpm, int cuts, double onGrid,
               double heard, double control) {
    }

    static final double TOLERANCE_SEC = 0.05;
    static final double CONTROL_SHIFT_SEC = 0.2;

    private FitTable() {
    }

    /** A clip of {@code durationSec} cut at the pace asked: irregular shots vary ±35 % around it. */
    static VideoProfile clip(double durationSec, double interval, boolean irregular, double valence, long seed) {
        Random r = new Random(seed);
        List<VideoProfile.Cut> cuts = new ArrayList<>();
        double t = 0.6 + 0.4 * r.nextDouble();
        while (t < durationSec - 1) {
            cuts.add(new VideoProfile.Cut(t, Math.round(t * 30), 0.4 + 0.6 * r.nextDouble(), false, 0));
            t += irregular ? interval * (0.65 + 0.7 * r.nextDouble()) : interval;
        }
        double step = 0.25;
        int n = (int) Math.ceil(durationSec / step);
        // motion rises with the pace a little, as it does in footage cut fast
        double[] motion = new double[n];
        Arrays.fill(motion, Math.max(0.1, Math.min(0.7, 0.5 / Math.sqrt(interval))));
        double[] arousal = new double[n];
        Arrays.fill(arousal, 0.35);
        double[] loudness = new double[n];
        Arrays.fill(loudness, -30);
        VideoProfile.Mood mood = new VideoProfile.Mood(valence < 0 ? "dark" : "warm", valence, 0.35, 0.7, "made for the fit table");
        return new VideoProfile("fit-" + interval, durationSec, 30, 1920, 1080, true, cuts, step, motion, List.of(), List.of(),
                arousal, loudness, List.of(), List.of(), mood);
    }

    /** Composes, renders and listens to one clip; {@code heard} and {@code control} are NaN where aubio is missing. */
    static Row measure(VideoProfile clip, double interval, boolean irregular, Path work) throws IOException, InterruptedException {
        Composition c = new Composer().compose(clip, Brief.of(null, 1));
        MusicPlan plan = c.plan();
        List<Double> cuts = clip.hardCuts().stream().map(VideoProfile.Cut::timeSec).toList();
        double heard = Double.NaN;
        double control = Double.NaN;
        if (aubioAvailable()) {
            RenderedMusic m = new MusicRenderer(SoundFontLoader.load(), Runtime.getRuntime().availableProcessors())
                    .render(new MidiWriter().write(c.score(), c.key()), clip.durationSec(), plan.levelDb());
            Path wav = Files.createTempFile(work, "fit-", ".wav");
            try {
                new WavWriter().write(m.mix(), wav);
                List<Double> onsets = onsets(wav);
                List<Double> moved = new ArrayList<>();
                for (int i = 0; i < cuts.size(); i++) {
                    moved.add(cuts.get(i) + (i % 2 == 0 ? CONTROL_SHIFT_SEC : -CONTROL_SHIFT_SEC));
                }
                heard = share(cuts, onsets);
                control = share(moved, onsets);
            } finally {
                Files.deleteIfExists(wav);
            }
        }
        return new Row(interval, irregular, clip.mood().valence(), plan.style().label(), plan.bpm(), cuts.size(), plan.hitRate(),
                heard, control);
    }

    static boolean aubioAvailable() {
        try {
            Process p = new ProcessBuilder("aubio", "onset", "-h").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<Double> onsets(Path wav) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("aubio", "onset", "-i", wav.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("aubio onset failed on " + wav);
        }
        return out.lines().filter(l -> !l.isBlank()).map(l -> Double.parseDouble(l.trim())).toList();
    }

    /** The share of times with an onset within the tolerance. */
    static double share(List<Double> times, List<Double> onsets) {
        if (times.isEmpty()) {
            return 0;
        }
        long hit = times.stream().filter(t -> onsets.stream().anyMatch(o -> Math.abs(o - t) <= TOLERANCE_SEC)).count();
        return hit / (double) times.size();
    }
}

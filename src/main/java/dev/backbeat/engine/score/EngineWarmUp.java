package dev.backbeat.engine.score;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.compose.Brief;
import dev.backbeat.engine.compose.Composer;
import dev.backbeat.engine.compose.Composition;
import dev.backbeat.engine.compose.MidiWriter;
import dev.backbeat.engine.compose.Style;
import dev.backbeat.engine.mix.DuckingEnvelope;
import dev.backbeat.engine.mix.LoudnessMeasure;
import dev.backbeat.engine.mix.PeakLimiter;
import dev.backbeat.engine.synth.MusicRenderer;
import dev.backbeat.engine.synth.SoundFontLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gets the engine ready while the app's window waits for a first clip: loads the SoundFont and runs
 * a few seconds of composing, synthesis, ducking, limiting and loudness measuring on made-up
 * material, so the Java code on those paths is compiled before the real piece needs it (the first
 * export after launch was about 0.8 s slower without it). It changes no result. Runs once per
 * process, on a background thread; failures are ignored (the real job reports them in its own
 * words). Not used by the command line: there the job starts at once, and on two cores the
 * warm-up only competed with it (measured: no gain).
 */
public final class EngineWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Long enough for the hot loops to be compiled, short enough to leave the cores to the real work. */
    private static final double SECONDS = Double.parseDouble(System.getProperty("backbeat.warmUpSeconds", "4"));
    private static volatile Thread thread;

    private EngineWarmUp() {
    }

    /** Starts the warm-up unless it already ran in this process; returns at once. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true) || Boolean.getBoolean("backbeat.noWarmUp")) {
            return;
        }
        Thread t = new Thread(EngineWarmUp::run, "backbeat-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        thread = t;
        t.start();
    }

    /** Waits for a running warm-up to end (tests and benchmarks that want a settled process). */
    public static void await() throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join();
        }
    }

    private static void run() {
        try {
            var bank = SoundFontLoader.load();
            Composition c = new Composer().compose(profile(SECONDS), Brief.of(Style.POP, 1));
            float[][] music = new MusicRenderer(bank, 1).renderMix(new MidiWriter().write(c.score(), c.key()),
                    c.plan().durationSec(), c.plan().levelDb());
            mixLikeTheExport(music);
        } catch (RuntimeException | Error e) {
            // nothing to do: the real job meets the same problem and says so
        }
    }

    private static void mixLikeTheExport(float[][] music) {
        int n = Math.min(music[0].length, music[1].length);
        DuckingEnvelope duck = DuckingEnvelope.of(List.of(new DuckingEnvelope.Region(2, 5)), n / 48_000.0, 12, 0.3, 0.6, 0.5);
        PeakLimiter limiter = new PeakLimiter(-2.5, 48_000, 0.15);
        LoudnessMeasure loud = new LoudnessMeasure(true);
        int chunk = 8192;
        float[] l = new float[chunk];
        float[] r = new float[chunk];
        for (int pos = 0; pos + chunk <= n; pos += chunk) {
            for (int i = 0; i < chunk; i++) {
                float g = 4 * duck.gainAt((pos + i) / 48_000.0);
                l[i] = music[0][pos + i] * g;
                r[i] = music[1][pos + i] * g;
            }
            limiter.process(l, r, chunk);
            loud.accept(l, r, chunk);
        }
        loud.integratedLufs();
        loud.truePeakDb();
    }

    private static VideoProfile profile(double duration) {
        List<VideoProfile.Cut> cuts = new ArrayList<>();
        for (double t = 1.5; t < duration - 1; t += 1.5) {
            cuts.add(new VideoProfile.Cut(t, Math.round(t * 30), 0.8, false, 0));
        }
        double step = 0.25;
        int steps = (int) Math.ceil(duration / step);
        double[] curve = new double[steps];
        double[] loud = new double[steps];
        java.util.Arrays.fill(curve, 0.6);
        java.util.Arrays.fill(loud, -30);
        return new VideoProfile("warm-up", duration, 30, 1920, 1080, true, cuts, step, curve.clone(), List.of(), List.of(),
                curve, loud, List.of(new VideoProfile.Interval(2, 5)), List.of(),
                new VideoProfile.Mood("bright", 0.4, 0.6, 0.5, "warm-up"));
    }
}

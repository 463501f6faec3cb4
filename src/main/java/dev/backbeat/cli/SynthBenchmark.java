package dev.backbeat.cli;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.analysis.VideoProfile.Cut;
import dev.backbeat.engine.analysis.VideoProfile.Mood;
import dev.backbeat.engine.compose.Brief;
import dev.backbeat.engine.compose.Composer;
import dev.backbeat.engine.compose.Composition;
import dev.backbeat.engine.compose.MidiWriter;
import dev.backbeat.engine.compose.Style;
import dev.backbeat.engine.produce.Production;
import dev.backbeat.engine.synth.MusicRenderer;
import dev.backbeat.engine.synth.SoundFontLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.sound.midi.Sequence;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** {@code backbeat bench synth}: how many times faster than real time a two-minute piece renders. */
@Command(name = "synth", description = "Compose and render a 2-minute piece; print synthesis speed as × real time.")
final class SynthBenchmark implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--style", defaultValue = "pop", description = "The style to render (default pop).")
    String style;

    @Option(names = "--seconds", defaultValue = "120", description = "Piece length (default 120).")
    double seconds;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs after one warm-up (default 3).")
    int runs;

    @Option(names = "--threads", defaultValue = "0", description = "Render threads (default: all cores).")
    int threads;

    @Option(names = "--dry", description = "Without the production chain (the synthesizer's own reverb), as before it.")
    boolean dry;

    @Option(names = "--mix-only", description = "Render the mix only, as an export does (no stems kept).")
    boolean mixOnly;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        int cores = Runtime.getRuntime().availableProcessors();
        int t = threads > 0 ? threads : cores;
        long l0 = System.nanoTime();
        var bank = SoundFontLoader.load();
        long l1 = System.nanoTime();
        Composition c = new Composer().compose(profile(seconds), Brief.of(Style.parse(style), 7));
        Sequence seq = new MidiWriter().write(c.score(), c.key());
        long l2 = System.nanoTime();
        MusicRenderer renderer = new MusicRenderer(bank, t);
        Production production = dry ? Production.dry() : Production.of(c.plan());
        Runnable render = mixOnly ? () -> renderer.renderMix(seq, seconds, c.plan().levelDb(), () -> false, production)
                : () -> renderer.render(seq, seconds, c.plan().levelDb(), production);
        render.run();
        out.printf("SoundFont load %.2f s; compose + MIDI %.0f ms; %d notes, %s, %.0f s piece, %d threads on %d cores%n",
                (l1 - l0) / 1e9, (l2 - l1) / 1e6, c.score().notes().size(), c.plan().style().label(), seconds, t, cores);
        {
            double[] secs = new double[Math.max(1, runs)];
            double[] cpu = new double[secs.length];
            for (int i = 0; i < secs.length; i++) {
                long c0 = processCpuNanos();
                long s = System.nanoTime();
                render.run();
                secs[i] = (System.nanoTime() - s) / 1e9;
                cpu[i] = (processCpuNanos() - c0) / 1e9;
            }
            Arrays.sort(secs);
            Arrays.sort(cpu);
            double median = secs[secs.length / 2];
            // On a shared machine wall time includes other people's work; CPU time spread over our
            // threads estimates what an otherwise idle machine with that many cores does.
            double cpuBound = seconds / (cpu[cpu.length / 2] / Math.min(t, cores));
            out.printf("Synthesis speed (" + (mixOnly ? "mix only" : "mix and stems") + (dry ? ", dry" : ", produced") + ", mastered): %.1f× real time (median of %d, %.2f s wall), %.1f× best; "
                            + "CPU %.2f s → %.1f× on %d idle cores%n",
                    seconds / median, secs.length, median,
                    seconds / secs[0], cpu[cpu.length / 2], cpuBound, Math.min(t, cores));
        }
        out.flush();
    }

    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** A busy clip: a cut every 1-3 s and a rising then falling arousal curve. */
    static VideoProfile profile(double duration) {
        Random r = new Random(42);
        List<Cut> cuts = new ArrayList<>();
        for (double x = 1.5; x < duration - 2; x += 1 + 2 * r.nextDouble()) {
            cuts.add(new Cut(x, Math.round(x * 30), 0.3 + 0.7 * r.nextDouble(), false, 0));
        }
        int n = (int) Math.ceil(duration / 0.25);
        double[] arousal = new double[n];
        for (int i = 0; i < n; i++) arousal[i] = 0.4 + 0.4 * Math.sin(Math.PI * i / n);
        double[] loud = new double[n];
        Arrays.fill(loud, -30);
        return new VideoProfile("bench", duration, 30, 1920, 1080, true, cuts, 0.25, arousal, List.of(), List.of(),
                arousal, loud, List.of(), List.of(), new Mood("energetic", 0.4, 0.7, 1, "bench clip"));
    }
}

package dev.backbeat.cli;

import dev.backbeat.engine.media.FfmpegLocator;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.local.FfmpegSource;
import dev.backbeat.service.local.LocalBackend;
import dev.backbeat.service.preview.Variation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code backbeat bench variations}: the time from pressing "Variations" to three cards ready
 * (each piece composed and rendered in full) for a generated clip, the first time in this process
 * and then warm, as in an app that has already scored the clip.
 */
@Command(name = "variations", description = "Time three variations of a generated clip, first and warm.")
final class BenchVariationsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--work", paramLabel = "DIR", description = "Keep the generated clip here (default: a temporary folder).")
    Path work;

    @Option(names = "--seconds", defaultValue = "30", description = "The clip's length (default 30).")
    int seconds;

    @Option(names = "--runs", defaultValue = "3", description = "Warm runs after the first (default 3).")
    int runs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (BenchClips.Workspace workspace = BenchClips.Workspace.open(work)) {
            FfmpegRunner runner = new FfmpegRunner(new FfmpegLocator().locate());
            Path clip = BenchClips.clip(runner, workspace.dir(), seconds, out);
            out.printf(Locale.ROOT, "%d cores; clip %s%n", Runtime.getRuntime().availableProcessors(), clip.getFileName());
            LocalBackend backend = new LocalBackend(new FfmpegSource(null));
            long t0 = System.nanoTime();
            backend.upload(List.of(clip), (n, f) -> { }, CancelToken.none());
            out.printf(Locale.ROOT, "clip read and scored: %.2f s%n", (System.nanoTime() - t0) / 1e9);
            for (int i = 0; i <= runs; i++) {
                java.util.Map<String, Double> before = backend.timings();
                long c0 = processCpuNanos();
                long v0 = System.nanoTime();
                List<Variation> vs = backend.variations(3, (n, f) -> { }, CancelToken.none());
                double sec = (System.nanoTime() - v0) / 1e9;
                double cpu = (processCpuNanos() - c0) / 1e9;
                java.util.Map<String, Double> after = backend.timings();
                // stage times add up over the pieces rendered side by side, so they may exceed the wall time;
                // the CPU time over the cores is what the same work takes where no other program wants them
                int cores = Runtime.getRuntime().availableProcessors();
                out.printf(Locale.ROOT, "three variations, %s: %.2f s wall; CPU %.2f s → %.2f s on %d idle cores"
                                + " (composing %.2f s, synthesis %.2f s, summed over the three)  %s%n",
                        i == 0 ? "first" : "warm " + i, sec, cpu, cpu / cores, cores,
                        after.getOrDefault("compose", 0.0) - before.getOrDefault("compose", 0.0),
                        after.getOrDefault("synthesise", 0.0) - before.getOrDefault("synthesise", 0.0),
                        String.join(" | ", vs.stream().map(Variation::summary).toList()));
                out.flush();
            }
            double[] load = loadAverage();
            out.printf(Locale.ROOT, "load average: %.2f %.2f %.2f%n", load[0], load[1], load[2]);
        }
        return 0;
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static double[] loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (Exception e) {
            return new double[] {-1, -1, -1};
        }
    }
}

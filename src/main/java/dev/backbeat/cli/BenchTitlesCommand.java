package dev.backbeat.cli;

import dev.backbeat.engine.media.FfmpegLocator;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;
import dev.backbeat.service.local.FfmpegSource;
import dev.backbeat.service.local.LocalBackend;
import dev.backbeat.service.local.MusicEdit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code backbeat bench titles}: the whole local job on a generated 1080p H.264 clip, exported
 * without a title and with a 3-s title (smart rendering: only the pictures under the title encoded
 * again), each timed as a whole and its export stage alone; prints both and their ratios.
 */
@Command(name = "titles", description = "Time an export with a 3-s title against the same export without one.")
final class BenchTitlesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--work", paramLabel = "DIR", description = "Keep the generated clip here (default: a temporary folder).")
    Path work;

    @Option(names = "--length", defaultValue = "120", description = "Clip length in seconds (default 120).")
    int length;

    @Option(names = "--at", defaultValue = "0", description = "Where the 3-s title starts, in seconds (default 0, as score --title).")
    double at;

    @Option(names = "--rounds", defaultValue = "2", description = "Pairs of jobs to time, the order swapped each round (default 2).")
    int rounds;

    @Option(names = "--gop", paramLabel = "S", description = "Make the clip with a key frame every S seconds, as phones do"
            + " (default: libx264's own, 250 frames = 8.3 s, the clip bench score uses).")
    Double gop;

    @Option(names = "--cold", description = "Skip the untimed warm-up job (the first timed job then pays for a fresh process).")
    boolean cold;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (rounds < 1 || length < 5 || at < 0 || at + 3 > length) {
            spec.commandLine().getErr().println("Choose --rounds 1 or more, --length 5 s or more, and a title that fits in the clip.");
            return 2;
        }
        try (BenchClips.Workspace workspace = BenchClips.Workspace.open(work)) {
            Path dir = workspace.dir();
            FfmpegRunner runner = new FfmpegRunner(new FfmpegLocator().locate());
            Path clip = gop == null ? BenchClips.clip(runner, dir, length, out) : clipWithGop(runner, dir, out);
            out.printf(Locale.ROOT, "%d cores; %d s 1080p30 H.264 clip, a key frame every %s; title \"Bench title\" at %.1f-%.1f s%n",
                    Runtime.getRuntime().availableProcessors(), length, gop == null ? "250 frames" : gop + " s", at, at + 3);
            double[] plain = new double[2];
            double[] titled = new double[2];
            if (!cold) {
                job(clip, dir.resolve("warm-up.mp4"), List.of());
            }
            List<MusicEdit> title = List.of(new MusicEdit.Title("Bench title", at, 3));
            for (int round = 0; round < rounds; round++) {
                // the order swapped each round, so a machine that slows down or speeds up favours neither
                Job p;
                Job t;
                if (round % 2 == 0) {
                    p = job(clip, dir.resolve("plain.mp4"), List.of());
                    t = job(clip, dir.resolve("titled.mp4"), title);
                } else {
                    t = job(clip, dir.resolve("titled.mp4"), title);
                    p = job(clip, dir.resolve("plain.mp4"), List.of());
                }
                plain[0] += p.seconds;
                plain[1] += p.export();
                titled[0] += t.seconds;
                titled[1] += t.export();
                out.printf(Locale.ROOT, "round %d: without a title %.2f s (export %.2f s) · %s%n      stages: %s%n", round + 1,
                        p.seconds, p.export(), p.result.details(), p.stages());
                out.printf(Locale.ROOT, "round %d: with a 3-s title %.2f s (export %.2f s) · %s%n      stages: %s%n", round + 1,
                        t.seconds, t.export(), t.result.details(), t.stages());
                out.flush();
            }
            out.printf(Locale.ROOT, "whole job: without a title %.2f s, with a 3-s title %.2f s, ratio %.2f (target <= 1.3)%n",
                    plain[0] / rounds, titled[0] / rounds, titled[0] / plain[0]);
            out.printf(Locale.ROOT, "export stage: without a title %.2f s, with a 3-s title %.2f s, ratio %.2f%n",
                    plain[1] / rounds, titled[1] / rounds, titled[1] / plain[1]);
            return 0;
        } catch (MediaException | BackendException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }

    /** The bench clip (moving test pattern, a sine) with a key frame every {@code gop} seconds. */
    private Path clipWithGop(FfmpegRunner runner, Path dir, PrintWriter out) throws MediaException, java.io.IOException {
        Path clip = dir.resolve(String.format(Locale.ROOT, "bench-%ds-1080p30-gop%.1f.mp4", length, gop));
        if (java.nio.file.Files.exists(clip)) {
            return clip;
        }
        out.printf(Locale.ROOT, "generating %s ...%n", clip.getFileName());
        out.flush();
        Path partial = dir.resolve("partial-" + clip.getFileName());
        FfmpegRunner.Result r = runner.run(dev.backbeat.engine.media.Ffmpeg.Tool.FFMPEG, List.of("-nostdin", "-hide_banner",
                "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30:d=" + length + ",hue=h='90*floor(t/7)'",
                "-f", "lavfi", "-i", "sine=f=220:d=" + length, "-c:v", "libx264", "-preset", "veryfast", "-g",
                Long.toString(Math.max(1, Math.round(gop * 30))), "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                partial.toString()), null, length, dev.backbeat.engine.media.Progress.none(),
                dev.backbeat.engine.media.Cancellation.none(), 120, List.of(partial));
        if (r.exitCode() != 0) {
            throw new MediaException(MediaException.Kind.FAILED, "Making the bench clip failed: " + r.stderrText());
        }
        java.nio.file.Files.move(partial, clip);
        return clip;
    }

    private record Job(double seconds, Map<String, Double> timings, ExportResult result) {
        double export() {
            return timings.getOrDefault("export", 0.0);
        }

        String stages() {
            StringBuilder sb = new StringBuilder();
            timings.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%s %.2f s  ", k, v)));
            return sb.toString().trim();
        }
    }

    private static Job job(Path clip, Path target, List<MusicEdit> edits) throws BackendException {
        LocalBackend backend = new LocalBackend(new FfmpegSource(null));
        try {
            long t0 = System.nanoTime();
            backend.apply(edits);
            backend.upload(List.of(clip), (n, f) -> { }, CancelToken.none());
            ExportResult r = backend.exportTo(new ExportRequest(target, "16:9", -14), null, p -> { }, CancelToken.none());
            return new Job((System.nanoTime() - t0) / 1e9, backend.timings(), r);
        } finally {
            backend.close();
        }
    }
}

package dev.backbeat.cli;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegLocator;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;
import dev.backbeat.service.local.FfmpegSource;
import dev.backbeat.service.local.LocalBackend;
import dev.backbeat.service.local.Rehearsal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code backbeat bench score}: the whole local job (read, compose, synthesise, mix, export) on
 * generated 1080p H.264 clips against one plain decode of the same file; a VP9 WebM (the
 * re-encode path) against plain libx264 at the same preset; and, with {@code --rss}, the peak
 * memory of a separate {@code backbeat score} process on a ~500 MB input.
 */
@Command(name = "score", description = "Time the whole local job against plain FFmpeg; optionally the peak memory on a large input.")
final class BenchScoreCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--work", paramLabel = "DIR", description = "Keep the generated clips here (default: a temporary folder).")
    Path work;

    @Option(names = "--lengths", split = ",", defaultValue = "30,120", description = "H.264 clip lengths in seconds (default 30,120).")
    List<Integer> lengths;

    @Option(names = "--no-webm", description = "Skip the VP9 re-encode comparison.")
    boolean noWebm;

    @Option(names = "--warm", description = "Only time jobs in a warm process (a first, untimed job warms it, as in the app"
            + " once it has scored a clip); by default the first length is timed twice: the first job of a fresh process, as"
            + " `backbeat score` runs it, then again warm.")
    boolean warm;

    @Option(names = "--app", description = "Time the first job after the app's launch warm-up (a rehearsal of the whole job"
            + " on a made-up clip), as a user's first export after starting the app.")
    boolean app;

    @Option(names = "--rss", description = "Also measure peak memory on a ~500 MB input (slow to generate).")
    boolean rss;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (BenchClips.Workspace workspace = BenchClips.Workspace.open(work)) {
            Path dir = workspace.dir();
            FfmpegRunner runner = new FfmpegRunner(new FfmpegLocator().locate());
            out.printf(Locale.ROOT, "%d cores%n", Runtime.getRuntime().availableProcessors());
            boolean fresh = !warm && !app;
            if (app) {
                long r0 = System.nanoTime();
                Rehearsal.start(new FfmpegSource(null));
                Rehearsal.windowShown();
                Rehearsal.await();
                out.printf(Locale.ROOT, "app's launch warm-up (whole job rehearsed on a made-up 30-s clip): %.1f s%n",
                        (System.nanoTime() - r0) / 1e9);
            }
            for (int seconds : lengths) {
                Path clip = BenchClips.clip(runner, dir, seconds, out);
                if (warm && seconds == lengths.get(0)) {
                    score(clip, dir.resolve("scored-" + seconds + ".mp4"));
                }
                // the first length is timed in a fresh process, then again once the process is warm
                int times = fresh ? 2 : 1;
                for (int t = 0; t < times; t++) {
                    double decode = BenchClips.plainDecode(runner, clip)[0];
                    Job job = score(clip, dir.resolve("scored-" + seconds + ".mp4"));
                    out.printf(Locale.ROOT, "%3d s 1080p H.264 (%s): scored and exported in %.2f s; plain decode %.2f s; ratio %.2f%n"
                                    + "      stages: %s%n      %s%n", seconds,
                            fresh ? "first job of a fresh process, as `backbeat score` runs"
                                    : app && t == 0 && seconds == lengths.get(0) ? "first job after the app's launch warm-up"
                                    : "warm process, as the app and a batch run",
                            job.seconds, decode, job.seconds / decode, stages(job.timings), job.result.details());
                    out.flush();
                    fresh = false;
                }
            }
            if (!noWebm) {
                Path webm = webm(runner, dir, 30, out);
                double plain = plainX264(runner, webm, dir.resolve("plain-x264.mp4"));
                Job job = score(webm, dir.resolve("scored-webm.mp4"));
                double export = job.timings.getOrDefault("export", 0.0);
                out.printf(Locale.ROOT, " 30 s 1080p VP9 WebM (re-encode path): export stage %.2f s; plain libx264 veryfast"
                                + " %.2f s; ratio %.2f; whole job %.2f s%n      stages: %s%n", export, plain, export / plain,
                        job.seconds, stages(job.timings));
            }
            if (rss) {
                Path big = bigClip(runner, dir, out);
                long peakKb = PeakMemory.ofCommand(scoreCommand(big, dir.resolve("scored-big.mp4")));
                out.printf(Locale.ROOT, "%.0f MB input: peak RSS %.0f MB (backbeat score JVM -Xmx384m + its ffmpeg)%n",
                        Files.size(big) / 1e6, peakKb / 1024.0);
            }
            return 0;
        } catch (MediaException | BackendException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }

    private record Job(double seconds, Map<String, Double> timings, ExportResult result) {
    }

    private static Job score(Path clip, Path target) throws BackendException {
        LocalBackend backend = new LocalBackend(new FfmpegSource(null));
        long t0 = System.nanoTime();
        backend.upload(List.of(clip), (n, f) -> { }, CancelToken.none());
        ExportResult r = backend.exportTo(new ExportRequest(target, "16:9", -14), null, p -> { }, CancelToken.none());
        return new Job((System.nanoTime() - t0) / 1e9, backend.timings(), r);
    }

    private static String stages(Map<String, Double> timings) {
        StringBuilder sb = new StringBuilder();
        timings.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%s %.2f s  ", k, v)));
        return sb.toString().trim();
    }

    private static Path webm(FfmpegRunner runner, Path dir, int seconds, PrintWriter out) throws MediaException {
        Path clip = dir.resolve("bench-" + seconds + "s-1080p30.webm");
        if (Files.exists(clip)) {
            return clip;
        }
        out.printf(Locale.ROOT, "generating %s ...%n", clip.getFileName());
        out.flush();
        run(runner, List.of("-y", "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30:d=" + seconds + ",hue=h='90*floor(t/7)'",
                "-f", "lavfi", "-i", "sine=f=220:d=" + seconds, "-c:v", "libvpx-vp9", "-deadline", "realtime",
                "-cpu-used", "8", "-b:v", "3M", "-c:a", "libopus", "-shortest", clip.toString()), seconds);
        return clip;
    }

    /** Plain FFmpeg doing what the re-encode path does: libx264 veryfast CRF 20 and AAC into MP4. */
    private static double plainX264(FfmpegRunner runner, Path in, Path out) throws MediaException {
        long t0 = System.nanoTime();
        run(runner, List.of("-y", "-i", MediaProbe.ffmpegInput(in), "-c:v", "libx264", "-preset", "veryfast", "-crf", "20",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "192k", "-movflags", "+faststart", out.toString()), 30);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** About 500 MB of 1080p: five minutes at 13 Mb/s, a phone camera's rate (light noise makes the encoder spend them). */
    private static Path bigClip(FfmpegRunner runner, Path dir, PrintWriter out) throws MediaException {
        Path clip = dir.resolve("bench-500MB-1080p30.mp4");
        if (Files.exists(clip)) {
            return clip;
        }
        out.println("generating " + clip.getFileName() + " ...");
        out.flush();
        run(runner, List.of("-y", "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30:d=300,noise=alls=12:allf=t",
                "-f", "lavfi", "-i", "sine=f=220:d=300", "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "13M",
                "-maxrate", "13M", "-bufsize", "26M", "-c:a", "aac", "-shortest", clip.toString()), 300);
        return clip;
    }

    private static List<String> scoreCommand(Path clip, Path out) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ArrayList<>(List.of(java, "-Xmx384m", "--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.backbeat.app.Main", "score", clip.toString(),
                "-o", out.toString()));
    }

    private static void run(FfmpegRunner runner, List<String> args, double seconds) throws MediaException {
        List<String> all = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "error"));
        all.addAll(args);
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, all, null, seconds, Progress.none(), Cancellation.none(),
                300, List.of());
        if (r.exitCode() != 0) {
            throw new MediaException(MediaException.Kind.FAILED, "FFmpeg failed: " + r.stderrText());
        }
    }
}

package dev.backbeat.cli;

import dev.backbeat.engine.analysis.VideoAnalyzer;
import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegLocator;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code backbeat bench analyze}: analysis time against one plain decode of the same 1080p30 H.264
 * file, measured in the same run (best of {@code --runs}), and the peak memory of the analysis as
 * a user meets it: a separate {@code backbeat analyze} JVM plus its ffmpeg, resident sizes summed
 * every 50 ms.
 */
@Command(name = "analyze", description = "Time the video analysis against a plain FFmpeg decode, and its peak memory.")
final class BenchAnalyzeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--work", description = "Folder for the generated clips (kept and reused); default a temp folder.")
    Path work;

    @Option(names = "--runs", defaultValue = "2", description = "Timed runs of each side; the best is kept (default 2).")
    int runs;

    @Option(names = "--lengths", split = ",", defaultValue = "30,120", description = "Clip lengths in seconds (default 30,120).")
    List<Integer> lengths;

    @Option(names = "--scale", defaultValue = "fast_bilinear", description = "swscale flags for the downscale.")
    String scaleFlags;

    @Option(names = "--deblock", description = "Decode with the deblocking filter (the analysis skips it by default).")
    boolean deblock;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("backbeat-bench-") : Files.createDirectories(work);
        try {
            FfmpegRunner runner = new FfmpegRunner(new FfmpegLocator().locate());
            out.printf(Locale.ROOT, "%d cores, scale %s, best of %d%n", Runtime.getRuntime().availableProcessors(),
                    scaleFlags, runs);
            for (int seconds : lengths) {
                Path clip = clip(runner, dir, seconds, out);
                double[] decode = {Double.MAX_VALUE, Double.MAX_VALUE};
                double[] analysis = {Double.MAX_VALUE, Double.MAX_VALUE};
                VideoProfile profile = null;
                for (int i = 0; i < runs; i++) {
                    double[] d = plainDecode(runner, clip);
                    decode[0] = Math.min(decode[0], d[0]);
                    decode[1] = Math.min(decode[1], d[1]);
                    VideoAnalyzer analyzer = new VideoAnalyzer(runner).scaleFlags(scaleFlags).skipLoopFilter(!deblock);
                    double cpu0 = jvmCpuSec();
                    long t0 = System.nanoTime();
                    profile = analyzer.analyze(clip, Progress.none(), Cancellation.none());
                    analysis[0] = Math.min(analysis[0], (System.nanoTime() - t0) / 1e9);
                    analysis[1] = Math.min(analysis[1], jvmCpuSec() - cpu0 + analyzer.lastFfmpegCpuSec());
                }
                long peakKb = PeakMemory.ofCommand(PeakMemory.analyzeCommand(clip));
                out.printf(Locale.ROOT, "%3d s 1080p30: plain decode %.2f s, analysis %.2f s, ratio %.2f"
                                + " | CPU: decode %.2f s, analysis %.2f s (ffmpeg + JVM), ratio %.2f"
                                + " | peak RSS %.0f MB (backbeat analyze JVM -Xmx256m + its ffmpeg) | %d cuts, %s%n",
                        seconds, decode[0], analysis[0], analysis[0] / decode[0], decode[1], analysis[1],
                        analysis[1] / decode[1], peakKb / 1024.0, profile.hardCuts().size(), profile.mood().label());
                out.flush();
            }
            return 0;
        } catch (MediaException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    private static Path clip(FfmpegRunner runner, Path dir, int seconds, PrintWriter out) throws MediaException {
        Path clip = dir.resolve("bench-" + seconds + "s-1080p30.mp4");
        if (Files.exists(clip)) {
            return clip;
        }
        out.printf(Locale.ROOT, "generating %s ...%n", clip.getFileName());
        out.flush();
        // moving test pattern with a hue change every few seconds, so there is motion and colour to read
        String video = "testsrc2=s=1920x1080:r=30:d=" + seconds + ",hue=h='90*floor(t/7)'";
        Path partial = dir.resolve("partial-" + clip.getFileName());
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, List.of("-nostdin", "-hide_banner", "-loglevel", "error",
                "-y", "-f", "lavfi", "-i", video, "-f", "lavfi", "-i", "sine=f=220:d=" + seconds,
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                partial.toString()), null, seconds, Progress.none(), Cancellation.none(), 120, List.of(partial));
        if (r.exitCode() != 0) {
            throw new MediaException(MediaException.Kind.FAILED, "Making the bench clip failed: " + r.stderrText());
        }
        try {
            Files.move(partial, clip);
        } catch (IOException e) {
            throw new MediaException(MediaException.Kind.FAILED, "Cannot move the bench clip: " + e.getMessage(), e);
        }
        return clip;
    }

    /** Wall time and CPU time of {@code ffmpeg -i IN -f null -}, video and audio decoded as a player would. */
    private static double[] plainDecode(FfmpegRunner runner, Path clip) throws MediaException {
        long t0 = System.nanoTime();
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, List.of("-nostdin", "-hide_banner", "-loglevel", "error",
                "-i", MediaProbe.ffmpegInput(clip), "-f", "null", "-"), 60);
        if (r.exitCode() != 0) {
            throw new MediaException(MediaException.Kind.FAILED, "The plain decode failed: " + r.stderrText());
        }
        return new double[] {(System.nanoTime() - t0) / 1e9, r.cpuSec()};
    }

    private static double jvmCpuSec() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : 0;
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}

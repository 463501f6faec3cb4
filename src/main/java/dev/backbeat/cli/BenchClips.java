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

/** Clips and reference timings the benchmarks share: generated 1080p clips, a plain decode, CPU time. */
final class BenchClips {
    private BenchClips() {
    }

    static Path clip(FfmpegRunner runner, Path dir, int seconds, PrintWriter out) throws MediaException {
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
    static double[] plainDecode(FfmpegRunner runner, Path clip) throws MediaException {
        long t0 = System.nanoTime();
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, List.of("-nostdin", "-hide_banner", "-loglevel", "error",
                "-i", MediaProbe.ffmpegInput(clip), "-f", "null", "-"), 60);
        if (r.exitCode() != 0) {
            throw new MediaException(MediaException.Kind.FAILED, "The plain decode failed: " + r.stderrText());
        }
        return new double[] {(System.nanoTime() - t0) / 1e9, r.cpuSec()};
    }

    static double jvmCpuSec() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : 0;
    }

    /** Where a benchmark keeps its clips: the folder given with --work, else a temporary one removed at the end. */
    record Workspace(Path dir, boolean temporary) implements AutoCloseable {
        static Workspace open(Path work) throws IOException {
            return work == null ? new Workspace(Files.createTempDirectory("backbeat-bench-"), true)
                    : new Workspace(Files.createDirectories(work), false);
        }

        @Override
        public void close() {
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}

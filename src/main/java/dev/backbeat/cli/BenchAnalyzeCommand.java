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
        try (BenchClips.Workspace workspace = BenchClips.Workspace.open(work)) {
            Path dir = workspace.dir();
            FfmpegRunner runner = new FfmpegRunner(new FfmpegLocator().locate());
            out.printf(Locale.ROOT, "%d cores, scale %s, best of %d%n", Runtime.getRuntime().availableProcessors(),
                    scaleFlags, runs);
            for (int seconds : lengths) {
                Path clip = BenchClips.clip(runner, dir, seconds, out);
                double[] decode = {Double.MAX_VALUE, Double.MAX_VALUE};
                double[] analysis = {Double.MAX_VALUE, Double.MAX_VALUE};
                VideoProfile profile = null;
                for (int i = 0; i < runs; i++) {
                    double[] d = BenchClips.plainDecode(runner, clip);
                    decode[0] = Math.min(decode[0], d[0]);
                    decode[1] = Math.min(decode[1], d[1]);
                    VideoAnalyzer analyzer = new VideoAnalyzer(runner).scaleFlags(scaleFlags).skipLoopFilter(!deblock);
                    double cpu0 = BenchClips.jvmCpuSec();
                    long t0 = System.nanoTime();
                    profile = analyzer.analyze(clip, Progress.none(), Cancellation.none());
                    analysis[0] = Math.min(analysis[0], (System.nanoTime() - t0) / 1e9);
                    analysis[1] = Math.min(analysis[1], BenchClips.jvmCpuSec() - cpu0 + analyzer.lastFfmpegCpuSec());
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
        }
    }

}

package dev.backbeat.cli;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.compose.Brief;
import dev.backbeat.engine.compose.Composer;
import dev.backbeat.engine.compose.Composition;
import dev.backbeat.engine.compose.MidiWriter;
import dev.backbeat.engine.compose.Style;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegLocator;
import dev.backbeat.engine.produce.Production;
import dev.backbeat.engine.synth.MusicRenderer;
import dev.backbeat.engine.synth.SoundFontLoader;
import dev.backbeat.engine.synth.WavWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code backbeat bench examples}: the examples people can hear. One generated clip (a test
 * pattern that changes every few seconds) is read like any clip, and every style is composed for
 * it, rendered through its chain and written as {@code <style>.m4a} (AAC) with a spectrogram
 * {@code <style>.png}; prints each one's width, peak-to-loudness ratio and onset rate.
 */
@Command(name = "examples", description = "Render a short example per style over one generated clip: <style>.m4a and <style>.png.")
final class BenchExamplesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "docs/examples", description = "Where the examples go (default docs/examples).")
    Path out;

    @Option(names = "--seconds", defaultValue = "18", description = "The clip's length (default 18).")
    int seconds;

    @Option(names = "--bitrate", defaultValue = "112k", description = "AAC bit rate (default 112k).")
    String bitrate;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        Ffmpeg ffmpeg = new FfmpegLocator().locate();
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("backbeat-examples");
        try {
            Path clip = work.resolve("clip.mp4");
            // a cut every 3 s (the pattern's hue jumps), picture only
            run(ffmpeg, List.of("-f", "lavfi", "-i", "testsrc2=s=640x360:r=30:d=" + seconds + ",hue=h='90*floor(t/3)'",
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", clip.toString()));
            VideoProfile profile = ProfileInput.read(clip.toString());
            MusicRenderer renderer = new MusicRenderer(SoundFontLoader.load(), Runtime.getRuntime().availableProcessors());
            w.printf(Locale.ROOT, "%-10s %8s %8s %8s %8s%n", "style", "width", "PLR dB", "onset/s", "KB");
            for (Style style : Style.values()) {
                String name = style.name().toLowerCase(Locale.ROOT);
                Composition c = new Composer().compose(profile, Brief.of(style, 1));
                float[][] mix = renderer.renderMix(new MidiWriter().write(c.score(), c.key()), c.plan().durationSec(),
                        c.plan().levelDb(), () -> false, Production.of(c.plan()));
                Path wav = work.resolve(name + ".wav");
                new WavWriter().write(mix, wav);
                Path m4a = out.resolve(name + ".m4a");
                Path partial = work.resolve(name + ".m4a");
                run(ffmpeg, List.of("-i", wav.toString(), "-c:a", "aac", "-b:a", bitrate, "-map_metadata", "-1",
                        "-fflags", "+bitexact", "-movflags", "+faststart", partial.toString()));
                Files.move(partial, m4a, StandardCopyOption.REPLACE_EXISTING);
                BenchMusicCommand.spectrogram(ffmpeg, wav, out.resolve(name + ".png"));
                MusicFigures f = MusicFigures.measure(ffmpeg, wav);
                w.printf(Locale.ROOT, "%-10s %8.3f %8.1f %8.2f %8d%n", name, f.width(), f.plr(), f.onsets(), Files.size(m4a) / 1024);
                w.flush();
            }
            return 0;
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Ffmpeg ffmpeg, List<String> args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        all.addAll(args);
        Process p = ffmpeg.builder(Ffmpeg.Tool.FFMPEG, all).redirectErrorStream(true).start();
        String err = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("FFmpeg failed: " + err);
    }
}

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

import javax.sound.midi.Sequence;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code backbeat bench music}: renders every style over the fixed bench profiles and prints what
 * a listener's ear and a meter would notice (stereo width, peak-to-loudness ratio, loudness range,
 * band shares, onset rate, key clarity, pitch-class entropy, section contrast) beside the same
 * figures for reference recordings (fetched by {@code installer/reference-music.sh}), per kind,
 * as median and middle half; writes a spectrogram PNG per style.
 */
@Command(name = "music", description = "Render every style on fixed profiles; print sound figures beside reference recordings.")
final class BenchMusicCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "45", description = "Length of each piece (default 45).")
    double seconds;

    @Option(names = "--references", description = "The list installer/reference-music.sh writes (default ~/.cache/backbeat/reference-music/references.tsv).")
    Path references;

    @Option(names = "--out", defaultValue = "target/bench-music", description = "Where the spectrograms (and WAVs) go.")
    Path out;

    @Option(names = "--dry", description = "Without the production chain (the synthesizer's own reverb): the sound before it.")
    boolean dry;

    @Option(names = "--styles", split = ",", description = "Only these styles (default all).")
    List<String> styles;

    /**
     * The reference kind each style should sound like. The band styles go with Nexuiz's produced,
     * mastered rock/electronica ("rock"), not with Planet Blupi's ("pop": General MIDI pieces
     * rendered with a synthesizer's wide reverb, unproduced), which is printed for comparison only.
     */
    static final Map<Style, String> KIND = Map.of(
            Style.LOFI, "electronic", Style.CINEMATIC, "orchestral", Style.POP, "rock", Style.FOLK, "rock",
            Style.HOUSE, "electronic", Style.CORPORATE, "rock", Style.PIANO, "orchestral", Style.TENSE, "orchestral");

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        Ffmpeg ffmpeg = new FfmpegLocator().locate();
        Files.createDirectories(out);
        Path refs = references != null ? references
                : Path.of(System.getProperty("user.home"), ".cache", "backbeat", "reference-music", "references.tsv");
        Map<String, List<MusicFigures>> byKind = ReferenceFigures.load(ffmpeg, refs, out, w);
        if (byKind.isEmpty()) {
            w.println("No reference recordings: run `bash installer/reference-music.sh` first (figures for our styles only).");
        }
        var bank = SoundFontLoader.load();
        MusicRenderer renderer = new MusicRenderer(bank, Runtime.getRuntime().availableProcessors());
        Map<String, VideoProfile> profiles = BenchProfiles.all(seconds);
        List<Style> chosen = styles == null ? List.of(Style.values()) : styles.stream().map(Style::parse).toList();
        Map<Style, MusicFigures> ours = new LinkedHashMap<>();
        w.printf(Locale.ROOT, "%nOur styles (%s), mean of the %s profiles, %.0f s each:%n", dry ? "dry, before the chain" : "produced",
                String.join("/", profiles.keySet()), seconds);
        header(w, "style (kind)");
        for (Style style : chosen) {
            List<MusicFigures> runs = new ArrayList<>();
            for (var e : profiles.entrySet()) {
                Composition c = new Composer().compose(e.getValue(), Brief.of(style, 3));
                Sequence seq = new MidiWriter().write(c.score(), c.key());
                float[][] mix = renderer.renderMix(seq, c.plan().durationSec(), c.plan().levelDb(), () -> false,
                        dry ? Production.dry() : Production.of(c.plan()));
                Path wav = out.resolve(style.name().toLowerCase(Locale.ROOT) + "-" + e.getKey() + ".wav");
                new WavWriter().write(mix, wav);
                runs.add(MusicFigures.measure(ffmpeg, wav));
                if (e.getKey().equals("balanced")) {
                    spectrogram(ffmpeg, wav, out.resolve(style.name().toLowerCase(Locale.ROOT) + ".png"));
                } else {
                    Files.delete(wav);
                }
            }
            MusicFigures mean = mean(runs);
            ours.put(style, mean);
            w.printf(Locale.ROOT, "%-24s%s%n", style.name().toLowerCase(Locale.ROOT) + " (" + KIND.get(style) + ")", mean.row());
            w.flush();
        }
        if (!byKind.isEmpty()) {
            w.printf(Locale.ROOT, "%nReference recordings, per kind: median [middle half]%n");
            for (var e : byKind.entrySet()) {
                w.printf(Locale.ROOT, "%-12s n=%-3d%s%n", e.getKey(), e.getValue().size(), quartiles(e.getValue()));
            }
            w.printf(Locale.ROOT, "%nWidth, PLR and onsets against the middle half of the style's kind (- below, ok inside, + above):%n");
            for (var e : ours.entrySet()) {
                List<MusicFigures> ref = byKind.getOrDefault(KIND.get(e.getKey()), byKind.get("all"));
                w.printf(Locale.ROOT, "%-10s width %.3f %s  PLR %.1f %s  onsets %.2f %s%n", e.getKey().name().toLowerCase(Locale.ROOT),
                        e.getValue().width(), verdict(e.getValue().width(), ref, 0), e.getValue().plr(), verdict(e.getValue().plr(), ref, 1),
                        e.getValue().onsets(), verdict(e.getValue().onsets(), ref, 6));
            }
        }
        w.printf(Locale.ROOT, "%nSpectrograms: %s/<style>.png%n", out);
        w.flush();
        return 0;
    }

    private static void header(PrintWriter w, String first) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s", first));
        for (String n : MusicFigures.NAMES) sb.append(String.format(Locale.ROOT, " %8s", n));
        w.println(sb);
    }

    private static MusicFigures mean(List<MusicFigures> runs) {
        double[] sum = new double[MusicFigures.NAMES.length];
        for (MusicFigures f : runs) {
            double[] v = f.values();
            for (int i = 0; i < v.length; i++) sum[i] += v[i] / runs.size();
        }
        return MusicFigures.of(sum);
    }

    static double[] column(List<MusicFigures> figures, int k) {
        return figures.stream().mapToDouble(f -> f.values()[k]).filter(Double::isFinite).sorted().toArray();
    }

    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    private static String quartiles(List<MusicFigures> figures) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < MusicFigures.NAMES.length; k++) {
            double[] c = column(figures, k);
            sb.append(String.format(Locale.ROOT, "  %s %.3g [%.3g-%.3g]", MusicFigures.NAMES[k], quantile(c, 0.5), quantile(c, 0.25), quantile(c, 0.75)));
        }
        return sb.toString();
    }

    private static String verdict(double v, List<MusicFigures> ref, int k) {
        double[] c = column(ref, k);
        return v < quantile(c, 0.25) ? "-" : v > quantile(c, 0.75) ? "+" : "ok";
    }

    static void spectrogram(Ffmpeg ffmpeg, Path wav, Path png) throws Exception {
        Path partial = png.resolveSibling("." + png.getFileName() + ".part.png");
        Process p = ffmpeg.builder(Ffmpeg.Tool.FFMPEG, List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-i", wav.toString(), "-lavfi", "showspectrumpic=s=960x360:legend=1:scale=log:fscale=log:stop=16000",
                partial.toString())).redirectErrorStream(true).start();
        String err = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("The spectrogram failed: " + err);
        Files.move(partial, png, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

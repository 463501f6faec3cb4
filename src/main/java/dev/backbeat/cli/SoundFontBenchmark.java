package dev.backbeat.cli;

import dev.backbeat.engine.compose.Brief;
import dev.backbeat.engine.compose.Composer;
import dev.backbeat.engine.compose.Composition;
import dev.backbeat.engine.compose.MidiWriter;
import dev.backbeat.engine.compose.Style;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegLocator;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.synth.MusicRenderer;
import dev.backbeat.engine.synth.RenderedMusic;
import dev.backbeat.engine.synth.SoundFontLoader;
import dev.backbeat.engine.synth.SpectrumReport;
import dev.backbeat.engine.synth.WavWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.sound.midi.Sequence;
import javax.sound.midi.Soundbank;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code backbeat bench soundfonts A.sf2 B.sf2 …}: the same pieces rendered with each SoundFont, compared. */
@Command(name = "soundfonts", description = "Render the same demo pieces with each SoundFont and compare speed, levels and spectra.")
final class SoundFontBenchmark implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SF2", arity = "1..*", description = "SoundFont files to compare.")
    List<Path> soundfonts;

    @Option(names = "--seconds", defaultValue = "30", description = "Length of each demo (default 30).")
    double seconds;

    @Option(names = "--out", description = "Write the demos as WAV files here, to listen to, each with its spectrogram (PNG).")
    Path out;

    @Option(names = "--audit", description = "Instead of the demos: render every note the styles play, one by one, "
            + "and print per instrument its level, velocity response, clicks, stuck releases, silent keys and loop seams.")
    boolean audit;

    @Option(names = "--parts", description = "Instead of the demos: each part's level as the styles play it, per SoundFont, "
            + "and per program how much louder than the first SoundFont (what the manifest's gain column corrects).")
    boolean parts;

    @Override
    public void run() {
        PrintWriter pw = spec.commandLine().getOut();
        if (audit) {
            SoundFontAuditTable.print(soundfonts, pw);
            return;
        }
        if (parts) {
            SoundFontPartLevels.print(soundfonts, pw);
            return;
        }
        Style[] styles = {Style.POP, Style.CINEMATIC, Style.PIANO, Style.LOFI};
        pw.printf("%-22s %-18s %6s %7s %6s %6s %8s %5s %5s  %s%n", "soundfont", "style", "MB", "×RT", "RMS", "crest",
                "centroid", "low", "high", "stem RMS dBFS (drums bass harmony melody)");
        for (Path sf : soundfonts) {
            long t0 = System.nanoTime();
            Soundbank bank = SoundFontLoader.load(sf);
            double load = (System.nanoTime() - t0) / 1e9;
            double mb = sf.toFile().length() / 1e6;
            for (Style style : styles) {
                Composition c = new Composer().compose(SynthBenchmark.profile(seconds), Brief.of(style, 7));
                Sequence seq = new MidiWriter().write(c.score(), c.key());
                MusicRenderer renderer = new MusicRenderer(bank, 2);
                long s = System.nanoTime();
                RenderedMusic m = renderer.render(seq, seconds, c.plan().levelDb());
                double secs = (System.nanoTime() - s) / 1e9;
                SpectrumReport r = SpectrumReport.of(m.mix());
                StringBuilder stems = new StringBuilder();
                for (Map.Entry<String, float[][]> e : m.stems().entrySet()) {
                    stems.append(String.format(" %s %.0f", e.getKey(), SpectrumReport.of(e.getValue()).rmsDb()));
                }
                pw.printf("%-22s %-18s %6.1f %6.1f× %6.1f %6.1f %7.0fHz %5.2f %5.2f %s%n",
                        sf.getFileName(), style.label(), mb, seconds / secs, r.rmsDb(), r.crestDb(), r.centroidHz(),
                        r.lowShare(), r.highShare(), stems);
                if (out != null) {
                    try {
                        Files.createDirectories(out);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("Cannot create " + out, e);
                    }
                    Path wav = out.resolve(sf.getFileName() + "-" + style.name() + ".wav");
                    new WavWriter().write(m.mix(), wav);
                    spectrogram(wav, sf.getFileName() + " " + style.label());
                }
            }
            pw.printf("%-22s loaded in %.2f s%n", sf.getFileName(), load);
            pw.flush();
        }
    }

    /** The same phrase's spectrogram per SoundFont, side by side in the folder, to look at. */
    private static void spectrogram(Path wav, String title) {
        String png = wav.toString().replaceAll("\\.wav$", ".png");
        try {
            FfmpegRunner ff = new FfmpegRunner(new FfmpegLocator().locate());
            ff.run(Ffmpeg.Tool.FFMPEG, List.of("-y", "-v", "error", "-i", wav.toString(), "-lavfi",
                    "showspectrumpic=s=1024x512:scale=log:fscale=log:legend=1:color=intensity", png), 60);
        } catch (MediaException e) {
            System.err.println("No spectrogram for " + title + ": " + e.getMessage());
        }
    }
}

package dev.backbeat.cli;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegLocator;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.Progress;
import dev.backbeat.engine.song.FittedSong;
import dev.backbeat.engine.song.Song;
import dev.backbeat.engine.song.SongAnalyzer;
import dev.backbeat.engine.song.SongFitter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bench song}: how long reading a song takes (decoding, onsets, tempo, beats, bars) and how
 * the fitter does, on a song given or on a generated pulse (kick on every beat, accented downbeats,
 * off-beat hats, a held chord) of {@code --minutes} at {@code --bpm}.
 */
@Command(name = "song", mixinStandardHelpOptions = true,
        description = "Time to read a song (decode and find its beats) and how it fits videos of several lengths.")
final class BenchSongCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SONG", description = "A song to measure (default: a generated one).")
    Path song;

    @Option(names = "--minutes", defaultValue = "4", description = "Length of the generated song (default ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--bpm", defaultValue = "112", description = "Tempo of the generated song (default ${DEFAULT-VALUE}).")
    double bpm;

    @Option(names = "--beats", paramLabel = "FILE", description = "Also write the beats found, one time a line (to compare with another tracker).")
    Path beatsOut;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        FfmpegRunner runner = new FfmpegRunner(new FfmpegLocator().locate());
        Path work = Files.createTempDirectory("backbeat-bench-song-");
        try {
            Path input = song;
            if (input == null) {
                input = work.resolve("pulse.wav");
                double p = 60 / bpm;
                String expr = String.format(Locale.ROOT, "0.6*sin(2*PI*55*mod(t,%1$f))*exp(-mod(t,%1$f)/0.12)"
                        + "*(1+0.7*lt(mod(t,%2$f),%3$f))+0.12*(random(0)*2-1)*exp(-mod(t+%4$f,%1$f)/0.02)"
                        + "+0.08*(sin(2*PI*261.63*t)+sin(2*PI*329.63*t)+sin(2*PI*392*t))", p, 4 * p, p / 2, p / 2);
                FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, List.of("-nostdin", "-hide_banner", "-loglevel", "error",
                        "-f", "lavfi", "-i", "aevalsrc='" + expr + "':s=48000:d=" + (minutes * 60), "-y", input.toString()), 120);
                if (r.exitCode() != 0) {
                    out.println("The pulse could not be generated: " + r.stderrText());
                    return 1;
                }
                out.printf(Locale.ROOT, "generated: %.1f min at %.1f BPM%n", minutes, bpm);
            }
            long t0 = System.nanoTime();
            Song s = new SongAnalyzer(runner).analyze(input, work.resolve("song.f32"), Progress.none(), Cancellation.none());
            double sec = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "read %s (%.1f s of sound) in %.2f s (%.0f× real time): %s%n", input.getFileName(),
                    s.decoded().durationSec(), sec, s.decoded().durationSec() / sec, s.grid().describe());
            out.printf(Locale.ROOT, "a join between bars picked blindly: unlikeness %.2f (1 = the song's typical change"
                    + " from one bar to the next)%n", SongFitter.blindJoinUnlikeness(s));
            if (beatsOut != null) {
                StringBuilder b = new StringBuilder();
                for (double t : s.grid().beats()) {
                    b.append(String.format(Locale.ROOT, "%.4f%n", t));
                }
                Files.writeString(beatsOut, b);
            }
            if (song == null) {
                out.printf(Locale.ROOT, "tempo error %.2f %%%n", 100 * (s.grid().bpm() - bpm) / bpm);
            }
            for (double target : new double[] {15, 30, 60, 0.5 * s.grid().soundEnd(), 1.5 * s.grid().soundEnd()}) {
                long t1 = System.nanoTime();
                FittedSong fit = new SongFitter().fit(s, target);
                double fitSec = (System.nanoTime() - t1) / 1e9;
                double lengthError = fit.durationSec() - target;
                double worstJoin = 0;
                double unlike = 0;
                for (FittedSong.Join j : fit.joins()) {
                    worstJoin = Math.max(worstJoin, Math.max(offBars(s, j.leftSec()), offBars(s, j.enteredSec())));
                    unlike = Math.max(unlike, SongFitter.joinUnlikeness(s, j.leftSec(), j.enteredSec()));
                }
                out.printf(Locale.ROOT, "fit to %6.1f s in %.3f s: length error %+.4f s, %d joins (furthest from a bar line"
                        + " %.1f ms, unlikeness %.2f), fade %.2f s: %s%n", target, fitSec, lengthError, fit.joins().size(),
                        1000 * worstJoin, unlike, fit.fadeSec(), fit.how());
            }
            return 0;
        } finally {
            try (var files = Files.list(work)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(work);
        }
    }

    private static double offBars(Song s, double t) {
        double best = Double.MAX_VALUE;
        for (double b : s.grid().bars()) {
            best = Math.min(best, Math.abs(b - t));
        }
        return best;
    }
}

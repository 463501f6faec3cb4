package dev.backbeat.cli;

import com.google.gson.GsonBuilder;
import dev.backbeat.engine.analysis.VideoAnalyzer;
import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.FfmpegLocator;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "analyze", description = "Read a video and show what the music will fit: cuts, motion, mood, speech.")
final class AnalyzeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "A video file.")
    Path input;

    @Option(names = "--json", description = "Print the whole profile as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            // a damaged file is read as far as it goes, and said to be damaged: analysing is only looking
            VideoAnalyzer analyzer = new VideoAnalyzer(new FfmpegRunner(new FfmpegLocator().locate())).acceptDamage(true);
            TerminalProgress bar = TerminalProgress.on(err, json);
            VideoProfile profile = analyzer.analyze(input, bar.stage("Reading the video"), Cancellation.none());
            bar.done();
            if (analyzer.lastDamage() != null) {
                err.println("Damaged: " + analyzer.lastDamage().describe(String.valueOf(input.getFileName()))
                        + " What follows covers what is there.");
            }
            out.println(json ? new GsonBuilder().setPrettyPrinting().create().toJson(profile) : summary(profile));
            return 0;
        } catch (MediaException e) {
            err.println(e.getMessage());
            return e.isBadInput() ? 2 : 1;
        }
    }

    static String summary(VideoProfile p) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s%n%.2f s, %dx%d, %.3f fps, %s%n", p.source(), p.durationSec(),
                p.width(), p.height(), p.fps(), p.hasAudio() ? "with sound" : "no sound"));
        sb.append("Mood: ").append(p.mood().explanation())
                .append(String.format(Locale.ROOT, " (confidence %.0f%%)%n", 100 * p.mood().confidence()));
        sb.append(String.format(Locale.ROOT, "Cuts: %d hard, %d soft%n", p.hardCuts().size(),
                p.cuts().size() - p.hardCuts().size()));
        for (VideoProfile.Cut c : p.cuts()) {
            sb.append(String.format(Locale.ROOT, "  %s frame %d (%s)%n", time(c.timeSec()), c.frame(),
                    c.soft() ? String.format(Locale.ROOT, "fade/dissolve over %.2f s", c.lengthSec())
                            : String.format(Locale.ROOT, "cut, strength %.2f", c.strength())));
        }
        sb.append(String.format(Locale.ROOT, "Visual beats: %d%n", p.visualBeats().size()));
        sb.append(String.format(Locale.ROOT, "Speech: %s%n", p.speech().isEmpty() ? "none" : ""));
        for (VideoProfile.Interval i : p.speech()) {
            sb.append(String.format(Locale.ROOT, "  %s - %s%n", time(i.startSec()), time(i.endSec())));
        }
        double silent = p.silence().stream().mapToDouble(VideoProfile.Interval::length).sum();
        sb.append(String.format(Locale.ROOT, "Silence: %.1f s in %d regions", silent, p.silence().size()));
        return sb.toString();
    }

    private static String time(double sec) {
        int m = (int) (sec / 60);
        return String.format(Locale.ROOT, "%d:%06.3f", m, sec - 60 * m);
    }
}

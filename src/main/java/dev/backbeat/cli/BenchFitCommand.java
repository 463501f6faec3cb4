package dev.backbeat.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bench fit}: the cut-pace table, from a cut every 0.5 s to every 6 s, regular and irregular, dark and warm. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "How the music fits cutting of each pace: tempo and style chosen, cuts on the grid, cuts heard by aubio vs an off-grid control.")
final class BenchFitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", description = "Length of each clip (default ${DEFAULT-VALUE}).", defaultValue = "24")
    double seconds;

    private static final double[] INTERVALS = {0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0};

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean aubio = FitTable.aubioAvailable();
        if (!aubio) {
            out.println("aubio-tools is not installed (apt-get install aubio-tools): grid shares only, nothing heard.");
        }
        out.println("cut every | cuts      | mood | style                 |   BPM | cuts | on grid | heard | control");
        double sumHeard = 0;
        double sumControl = 0;
        double sumGrid = 0;
        int n = 0;
        Path work = Files.createTempDirectory("backbeat-bench-fit-");
        try {
            for (double interval : INTERVALS) {
                for (boolean irregular : new boolean[] {false, true}) {
                    for (double valence : new double[] {-0.5, 0.4}) {
                        long seed = Math.round(interval * 100) * 7 + (irregular ? 3 : 0) + (valence < 0 ? 1 : 0);
                        FitTable.Row r = FitTable.measure(FitTable.clip(seconds, interval, irregular, valence, seed), interval, irregular, work);
                        out.printf(Locale.ROOT, "%7.2f s | %-9s | %-4s | %-21s | %5.1f | %4d | %6.0f%% | %4.0f%% | %6.0f%%%n",
                                interval, irregular ? "irregular" : "regular", valence < 0 ? "dark" : "warm", r.style(), r.bpm(),
                                r.cuts(), 100 * r.onGrid(), 100 * r.heard(), 100 * r.control());
                        out.flush();
                        sumGrid += r.onGrid();
                        sumHeard += r.heard();
                        sumControl += r.control();
                        n++;
                    }
                }
            }
        } finally {
            try (var files = Files.list(work)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(work);
        }
        out.printf(Locale.ROOT, "all %d clips: on the grid %.1f%%, heard (onset within 50 ms) %.1f%%, off-grid control %.1f%%, "
                + "margin %.1f points%n", n, 100 * sumGrid / n, 100 * sumHeard / n, 100 * sumControl / n, 100 * (sumHeard - sumControl) / n);
        return 0;
    }
}

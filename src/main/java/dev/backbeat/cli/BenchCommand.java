package dev.backbeat.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code backbeat bench …}: benchmarks that print figures (speed, memory), never timed unit tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        commandListHeading = "%nBenchmarks:%n")
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Every benchmark; a new one is added here. */
    static Object[] benchmarks() {
        return new Object[] {
            new BenchAnalyzeCommand(),
            new SynthBenchmark(),
            new SoundFontBenchmark(),
            new BenchScoreCommand(),
            new BenchSoakCommand(),
            new BenchPreviewCommand(),
            new BenchVariationsCommand(),
            new BenchFitCommand(),
            new BenchMusicCommand(),
            new BenchExamplesCommand(),
            new BenchSongCommand(),
            new BenchTitlesCommand(),
        };
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

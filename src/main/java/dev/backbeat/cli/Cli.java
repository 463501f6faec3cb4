package dev.backbeat.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The headless face of Backbeat: {@code backbeat COMMAND …}. Each command is a picocli class
 * listed in {@link #subcommands()}; exit codes: 0 done, 1 failed, 2 bad usage or input.
 */
@Command(name = "backbeat", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Scores videos with background music that fits their mood and pacing.%n"
                + "With no arguments the desktop app starts; with a command it runs headless.",
        commandListHeading = "%nCommands:%n")
public final class Cli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Every command the CLI offers; a new command is added here. */
    static Object[] subcommands() {
        return new Object[] {
            new VersionCommand(),
            new DraftCommand(),
            new AnalyzeCommand(),
            new ScoreCommand(),
            new CloudCommand(),
            new ComposeCommand(),
            new ServeCommand(),
        };
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        for (Object sub : subcommands()) {
            cl.addSubcommand(sub);
        }
        CommandLine bench = new CommandLine(new BenchCommand());
        for (Object b : BenchCommand.benchmarks()) {
            bench.addSubcommand(b);
        }
        cl.addSubcommand(bench);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("Error: " + ex.getMessage());
            return 1;
        });
        return cl;
    }

    /** Runs the CLI and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }
}

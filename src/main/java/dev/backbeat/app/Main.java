package dev.backbeat.app;

import dev.backbeat.cli.Cli;
import javafx.application.Application;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Starts the desktop app with no arguments, the CLI with any. Kept apart from the
 * {@link Application} subclass so the self-contained jar can start JavaFX from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            System.exit(Cli.run(args, out, err));
        }
        Application.launch(BackbeatApp.class, args);
    }
}

package dev.backbeat.app;

import dev.backbeat.cli.Cli;
import javafx.application.Application;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Starts the desktop app with no arguments (or with video files to open), the CLI with a command. Kept apart from the
 * {@link Application} subclass so the self-contained jar can start JavaFX from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        sweepLeftovers(args.length > 0);
        // "backbeat clip.mp4 …" (as a file manager's "Open with" does) opens the app with those files;
        // the installers offer it for videos, photos and songs, and the window says which it can use
        boolean files = args.length > 0 && java.util.Arrays.stream(args).allMatch(a -> !a.startsWith("-")
                && dev.backbeat.service.MediaRules.ALL_EXTENSIONS.contains(
                        dev.backbeat.service.MediaRules.extension(java.nio.file.Path.of(a)))
                && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(a)));
        if (args.length > 0 && !files) {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            System.exit(Cli.run(args, out, err));
        }
        Application.launch(BackbeatApp.class, args);
    }

    /**
     * Partial outputs are listed in the state folder while they are written; what earlier processes
     * killed mid-job left (there and in the temporary folder) is removed at start: at once for a
     * command, in the background for the window.
     */
    private static void sweepLeftovers(boolean now) {
        java.nio.file.Path registry = dev.backbeat.service.UserFolders.fromEnvironment().state().resolve("partials");
        dev.backbeat.engine.media.TempFiles.useRegistry(registry);
        Runnable sweep = () -> dev.backbeat.engine.media.Leftovers.sweep(
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir")), registry);
        if (now) {
            sweep.run();
        } else {
            Thread t = new Thread(sweep, "backbeat-sweep");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
    }
}

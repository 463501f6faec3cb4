package dev.backbeat.cli;

import dev.backbeat.engine.media.Progress;
import dev.backbeat.service.ProgressListener;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A progress bar with the time left, redrawn on one line of the terminal:
 * {@code Writing the video  [##########----------]  52%  0:07 left}. Only where stderr is a
 * terminal; silent into a file, a pipe or a test, and with {@code --json}.
 */
final class TerminalProgress implements ProgressListener {
    private static final int WIDTH = 24;
    private final PrintWriter err;
    private final boolean on;
    private String stage = "";
    private long stageStarted;
    private long lastDrawn;
    private int lastLength;

    TerminalProgress(PrintWriter err, boolean on) {
        this.err = err;
        this.on = on;
    }

    /** A bar on {@code err} when it is a terminal and the output is not JSON; otherwise one that draws nothing. */
    static TerminalProgress on(PrintWriter err, boolean json) {
        return new TerminalProgress(err, !json && stderrIsTerminal());
    }

    static boolean stderrIsTerminal() {
        try {
            Path fd = Path.of("/proc/self/fd/2");
            if (Files.exists(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux: fall back below
        }
        return System.console() != null;
    }

    @Override
    public synchronized void progress(String note, double fraction) {
        if (!on) {
            return;
        }
        long now = System.nanoTime();
        if (!note.equals(stage)) {
            stage = note;
            stageStarted = now;
        } else if (now - lastDrawn < 100_000_000L && fraction < 1) {
            return; // ten redraws a second are enough
        }
        lastDrawn = now;
        String line;
        if (fraction < 0) {
            line = note;
        } else {
            double f = Math.min(1, fraction);
            int filled = (int) Math.round(f * WIDTH);
            double elapsed = (now - stageStarted) / 1e9;
            String left = f > 0.03 && f < 1 && elapsed > 1 ? "  " + clock(elapsed / f * (1 - f)) + " left" : "";
            line = String.format(Locale.ROOT, "%-20s [%s%s] %3d%%%s", note, "#".repeat(filled), "-".repeat(WIDTH - filled),
                    Math.round(100 * f), left);
        }
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    /** The engine's form: a fraction of one stage. */
    Progress stage(String note) {
        return (fraction, speed) -> progress(note, fraction);
    }

    /** Ends the bar's line, so what is printed next starts on a line of its own. */
    synchronized void done() {
        if (on && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
            stage = "";
        }
    }

    private static String clock(double sec) {
        long s = Math.max(0, Math.round(sec));
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

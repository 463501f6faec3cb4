package dev.backbeat.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The app's log: {@code System.Logger} (and java.util.logging, which the JDK's default
 * {@code System.LoggerFinder} writes through) into {@code backbeat.0.log} in the user's state
 * folder, rotated at 1 MB over three files, every line passed through {@link LogRedactor}.
 */
public final class LogFile {
    public static final int LIMIT_BYTES = 1_000_000;
    public static final int FILES = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final Path current;
    private final Handler handler;

    private LogFile(Path current, Handler handler) {
        this.current = current;
        this.handler = handler;
    }

    /** Starts writing the log in {@code dir} (created owner-only if missing), INFO and above. */
    public static LogFile install(Path dir, LogRedactor redactor) throws IOException {
        dev.backbeat.service.OwnerOnly.ensureDir(dir);
        FileHandler file = new FileHandler(dir.resolve("backbeat.%g.log").toString(), LIMIT_BYTES, FILES, true);
        file.setEncoding(StandardCharsets.UTF_8.name());
        file.setLevel(Level.INFO);
        file.setFormatter(new Lines(redactor));
        Logger root = Logger.getLogger("");
        root.addHandler(file);
        return new LogFile(dir.resolve("backbeat.0.log"), file);
    }

    /** The file being written now (the one a user attaches to a report). */
    public Path current() {
        return current;
    }

    public void flush() {
        handler.flush();
    }

    /** Stops writing (tests; the app keeps its log until it exits). */
    public void close() {
        Logger.getLogger("").removeHandler(handler);
        handler.close();
    }

    /** One line per record ("time LEVEL logger: message"), the stack trace under it; secrets taken out. */
    static final class Lines extends Formatter {
        private final LogRedactor redactor;

        Lines(LogRedactor redactor) {
            this.redactor = redactor;
        }

        @Override
        public String format(LogRecord r) {
            StringBuilder sb = new StringBuilder(160);
            sb.append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ').append(r.getLevel().getName())
                    .append(' ').append(r.getLoggerName()).append(": ").append(formatMessage(r)).append('\n');
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                sb.append(trace);
            }
            return redactor.redact(sb.toString());
        }
    }
}

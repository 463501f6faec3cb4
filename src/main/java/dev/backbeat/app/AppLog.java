package dev.backbeat.app;

import dev.backbeat.service.UserFolders;

import java.io.IOException;
import java.nio.file.Path;

/** Starts the app's log once per process, in the user's state folder, with the cloud token hidden. */
final class AppLog {
    private static LogFile started;

    private AppLog() {
    }

    /** Where the log is written, for messages that point the user at it ("" when none could be opened). */
    static synchronized String start() {
        if (started != null) {
            return started.current().toString();
        }
        Path dir = UserFolders.fromEnvironment().state();
        LogRedactor redactor = new LogRedactor();
        redactor.hide(System.getenv("NEMO_TOKEN"));
        try {
            started = LogFile.install(dir, redactor);
            return started.current().toString();
        } catch (IOException | RuntimeException e) {
            // the app works without its log file; the console handler still prints
            System.getLogger("dev.backbeat.app").log(System.Logger.Level.WARNING, "no log file in " + dir, e);
            return "";
        }
    }
}

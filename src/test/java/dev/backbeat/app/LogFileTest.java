package dev.backbeat.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log file: what is logged through System.Logger lands there, rotated, and no token ever does. */
class LogFileTest {
    @TempDir
    Path dir;

    @Test
    void aRequestWithATokenIsLoggedWithoutIt() throws IOException {
        LogRedactor redactor = new LogRedactor();
        String envToken = "nmv_4f9a8b7c6d5e4f3a2b1c";
        redactor.hide(envToken);
        LogFile log = LogFile.install(dir, redactor);
        try {
            System.Logger logger = System.getLogger("dev.backbeat.test.cloud");
            logger.log(System.Logger.Level.INFO, "POST https://api.example/v1/chat Authorization: Bearer nmv_live_9d8c7b6a5f4e3d2c");
            logger.log(System.Logger.Level.WARNING, "body {\"token\":\"anon_77aa88bb99cc\",\"client_id\":\"c-1\"} env " + envToken);
            logger.log(System.Logger.Level.ERROR, "refresh failed for https://api.example/auth?access_token=qwertyuiop123&x=1",
                    new IllegalStateException("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N"));
            java.util.logging.Logger.getLogger("dev.backbeat.test.jul").info("header authorization=sk_secret_value_123");
            log.flush();
            String text = Files.readString(log.current(), StandardCharsets.UTF_8);
            for (String secret : List.of("nmv_live_9d8c7b6a5f4e3d2c", "anon_77aa88bb99cc", envToken, "qwertyuiop123",
                    "dozjgNryP4J3jVmNHl0w5N", "eyJzdWIiOiIxMjM0NTY3ODkwIn0", "sk_secret_value_123")) {
                assertFalse(text.contains(secret), "the log holds " + secret + ":\n" + text);
            }
            // the rest of each line is kept, so the log still says what happened
            assertTrue(text.contains("POST https://api.example/v1/chat Authorization: Bearer ****"), text);
            assertTrue(text.contains("\"client_id\":\"c-1\""), text);
            assertTrue(text.contains("IllegalStateException"), text);
            assertTrue(text.contains("SEVERE dev.backbeat.test.cloud"), text);
            assertTrue(text.contains("header authorization=****"), text);
        } finally {
            log.close();
        }
    }

    @Test
    void theLogRotatesOverThreeFilesOfAMegabyte() throws IOException {
        // the console would print all of it: keep only the file for this test
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Handler[] others = root.getHandlers();
        for (java.util.logging.Handler h : others) {
            root.removeHandler(h);
        }
        LogFile log = LogFile.install(dir, new LogRedactor());
        try {
            System.Logger logger = System.getLogger("dev.backbeat.test.rotation");
            String line = "x".repeat(200);
            for (int i = 0; i < 18_000; i++) {   // about 4 MB: more than the three files hold
                logger.log(System.Logger.Level.INFO, i + " " + line);
            }
            log.flush();
        } finally {
            log.close();
            for (java.util.logging.Handler h : others) {
                root.addHandler(h);
            }
        }
        List<Path> logs;
        try (Stream<Path> files = Files.list(dir)) {
            logs = files.filter(p -> p.getFileName().toString().matches("backbeat\\.\\d\\.log")).sorted().toList();
        }
        assertEquals(3, logs.size(), logs.toString());
        for (Path p : logs) {
            assertTrue(Files.size(p) <= LogFile.LIMIT_BYTES + 1_000, p + " is " + Files.size(p) + " bytes");
        }
        assertTrue(Files.readString(logs.get(0)).contains("17999 "), "the newest lines are in backbeat.0.log");
    }
}

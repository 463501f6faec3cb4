package dev.backbeat.cli;

import dev.backbeat.server.BackbeatServer;
import dev.backbeat.server.ServeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code backbeat serve}'s refusals, said plainly, before anything listens. */
class ServeCommandTest {

    private static int run(StringWriter err, String... args) {
        return Cli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    }

    @Test
    void badPortOrAddressIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "serve", "--port", "70000"));
        assertTrue(err.toString().contains("--port must be between 0 and 65535"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(err2, "serve", "--bind", "no-such-host.invalid", "--port", "0"));
        assertTrue(err2.toString().contains("not an address of this computer"), err2.toString());
    }

    @Test
    void aDataFolderInUseOrABusyPortIsSaidPlainly(@TempDir Path dir) throws Exception {
        try (BackbeatServer running = BackbeatServer.start(ServeOptions.defaults(dir).withAddress("127.0.0.1", 0))) {
            StringWriter err = new StringWriter();
            assertEquals(1, run(err, "serve", "--port", "0", "--data", dir.toString()));
            assertTrue(err.toString().contains("Another backbeat serve is using the data folder"), err.toString());
            StringWriter busy = new StringWriter();
            assertEquals(1, run(busy, "serve", "--port", String.valueOf(running.baseUri().getPort()),
                    "--data", dir.resolve("other").toString()));
            assertTrue(busy.toString().contains("Choose another port with --port"), busy.toString());
        }
        java.nio.file.Path videos = java.nio.file.Files.createDirectories(dir.resolve("Videos"));
        java.nio.file.Files.writeString(videos.resolve("holiday.mp4"), "x");
        java.util.Set<java.nio.file.attribute.PosixFilePermission> before = java.nio.file.Files.getPosixFilePermissions(videos);
        StringWriter foreign = new StringWriter();
        assertEquals(1, run(foreign, "serve", "--port", "0", "--data", videos.toString()));
        assertTrue(foreign.toString().contains("already holds other files"), foreign.toString());
        assertEquals(before, java.nio.file.Files.getPosixFilePermissions(videos), "left as it was");
    }
}

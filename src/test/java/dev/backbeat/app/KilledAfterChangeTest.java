package dev.backbeat.app;

import dev.backbeat.engine.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real app (its composition root in a child JVM, headless) killed with SIGKILL right after a
 * change: the next start opens the project again with that change in it.
 */
class KilledAfterChangeTest {

    @Test
    void theNextStartShowsTheChangeMadeJustBeforeTheKill(@TempDir Path dir) throws Exception {
        Path clip = Fixtures.make(dir.resolve("beach.mp4"), "-f", "lavfi", "-i", "color=c=teal:s=160x90:r=25:d=3,format=yuv420p",
                "-f", "lavfi", "-i", "sine=f=330:d=3", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        Path state = dir.resolve("state");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> app = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED", "-Xmx768m", "-Djava.io.tmpdir=" + tmp,
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));

        List<String> first = new ArrayList<>(app);
        first.add(clip.toString()); // the change: a clip added to a new, unsaved project
        Process one = start(first, dir, state, "first.log");
        Path marker = state.resolve("backbeat").resolve("open-project");
        try {
            Path autosave = waitFor(one, dir.resolve("first.log"), 120, () -> {
                try {
                    if (!Files.isRegularFile(marker)) {
                        return Optional.empty();
                    }
                    Path p = Path.of(Files.readString(marker).trim());
                    return Files.isRegularFile(p) && Files.readString(p).contains("beach.mp4") ? Optional.of(p) : Optional.empty();
                } catch (java.io.IOException e) {
                    return Optional.empty();
                }
            });
            one.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
            assertTrue(one.waitFor(10, TimeUnit.SECONDS));
            assertTrue(Files.isRegularFile(marker), "the kill left the project marked as open");

            Process two = start(app, dir, state, "second.log");
            try {
                String line = waitFor(two, dir.resolve("second.log"), 120, () -> read(dir.resolve("second.log")).lines()
                        .filter(l -> l.startsWith("Reopened ")).findFirst());
                assertTrue(line.contains(autosave.toString()) && line.contains("clips: beach.mp4"), line);
            } finally {
                two.descendants().forEach(ProcessHandle::destroyForcibly);
                two.destroyForcibly();
                two.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            one.descendants().forEach(ProcessHandle::destroyForcibly);
            one.destroyForcibly();
        }
    }

    private static Process start(List<String> cmd, Path dir, Path state, String log) throws java.io.IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
        pb.environment().put("XDG_STATE_HOME", state.toString());
        pb.environment().put("XDG_CACHE_HOME", System.getenv().getOrDefault("XDG_CACHE_HOME",
                Path.of(System.getProperty("user.home"), ".cache").toString())); // the unpacked FFmpeg is reused
        pb.environment().put("BACKBEAT_CONFIG_DIR", dir.resolve("config").toString());
        return pb.start();
    }

    private static String read(Path f) {
        try {
            return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static <T> T waitFor(Process p, Path log, int seconds, Supplier<Optional<T>> check) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Optional<T> got = check.get();
            if (got.isPresent()) {
                return got.get();
            }
            if (!p.isAlive()) {
                fail("the app ended (exit " + p.exitValue() + "): " + read(log));
            }
            Thread.sleep(100);
        }
        fail("timed out; the app said: " + read(log));
        return null;
    }
}

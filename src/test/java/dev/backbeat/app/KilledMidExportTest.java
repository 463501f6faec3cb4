package dev.backbeat.app;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.TiedProcesses;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A {@code backbeat score} killed with SIGKILL in the middle of its export: its FFmpeg must not
 * encode on (it ignores SIGPIPE, so it would not notice on its own).
 */
class KilledMidExportTest {

    @Test
    void noFfmpegOutlivesAKilledJobAndTheNextStartSweepsWhatItLeft(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(TiedProcesses.diesWithTheApp(), "setpriv --pdeathsig is not available here");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path state = dir.resolve("state");
        Path out = Files.createDirectories(dir.resolve("out"));
        // files that are not the killed job's: they must survive the sweep
        Path decoy = Files.writeString(tmp.resolve("backbeat-notes.txt"), "mine");
        Path neighbour = Files.writeString(out.resolve("holiday.mp4"), "not ours");
        Path clip = Fixtures.make(dir.resolve("clip.mp4"), "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30:d=20",
                "-f", "lavfi", "-i", "sine=f=330:d=20", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED", "-Xmx512m",
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        List<String> score = new ArrayList<>(cmd);
        score.addAll(List.of("score", clip.toString(), "-o", out.resolve("scored.mp4").toString(), "--aspect", "9:16",
                "--title", "Killed mid-export"));
        ProcessBuilder pb = new ProcessBuilder(score).redirectErrorStream(true).redirectOutput(dir.resolve("job.log").toFile());
        pb.environment().put("XDG_STATE_HOME", state.toString());
        Process job = pb.start();
        try {
            ProcessHandle encoder = waitForEncoder(job, 90);
            job.destroyForcibly(); // SIGKILL: no shutdown hook runs
            job.waitFor(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (encoder.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            boolean alive = encoder.isAlive();
            if (alive) {
                encoder.destroyForcibly();
            }
            assertTrue(!alive, "FFmpeg (pid " + encoder.pid() + ") was still running 2 s after its JVM was killed");

            String owner = "backbeat-" + job.pid() + "-";
            assertTrue(list(tmp).stream().anyMatch(n -> n.startsWith(owner)), "the killed job left no temporary files: " + list(tmp));
            assertTrue(list(out).stream().anyMatch(n -> n.contains(".part-" + job.pid())), "no partial output: " + list(out));
            List<String> again = new ArrayList<>(cmd);
            again.add("version");
            ProcessBuilder next = new ProcessBuilder(again).redirectErrorStream(true).redirectOutput(dir.resolve("next.log").toFile());
            next.environment().put("XDG_STATE_HOME", state.toString());
            Process start = next.start();
            assertTrue(start.waitFor(60, TimeUnit.SECONDS) && start.exitValue() == 0, "the next start failed");
            assertEquals(List.of("backbeat-notes.txt"), list(tmp), "the sweep must remove the job's files and nothing else");
            assertEquals(List.of("holiday.mp4"), list(out), "the partial output must go, the user's file stay");
            assertTrue(Files.exists(decoy) && Files.exists(neighbour));
        } finally {
            job.descendants().forEach(ProcessHandle::destroyForcibly);
            job.destroyForcibly();
        }
    }

    private static List<String> list(Path d) throws java.io.IOException {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The job's FFmpeg writing the video, once it runs. */
    private static ProcessHandle waitForEncoder(Process job, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!job.isAlive()) {
                fail("the job ended before its export began (exit " + job.exitValue() + ")");
            }
            Optional<ProcessHandle> enc = job.descendants()
                    .filter(h -> h.info().commandLine().orElse("").contains("libx264"))
                    .findFirst();
            if (enc.isPresent()) {
                Thread.sleep(500); // well into the encode
                return enc.get();
            }
            Thread.sleep(100);
        }
        fail("no FFmpeg encoding within " + seconds + " s");
        return null;
    }
}

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

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A {@code backbeat score} killed with SIGKILL in the middle of its export: its FFmpeg must not
 * encode on (it ignores SIGPIPE, so it would not notice on its own).
 */
class KilledMidExportTest {

    @Test
    void noFfmpegOutlivesAKilledJob(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(TiedProcesses.diesWithTheApp(), "setpriv --pdeathsig is not available here");
        Path clip = Fixtures.make(dir.resolve("clip.mp4"), "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30:d=20",
                "-f", "lavfi", "-i", "sine=f=330:d=20", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "score", clip.toString(), "-o", dir.resolve("out.mp4").toString(), "--aspect", "9:16",
                "--title", "Killed mid-export"));
        Process job = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("job.log").toFile()).start();
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
        } finally {
            job.descendants().forEach(ProcessHandle::destroyForcibly);
            job.destroyForcibly();
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

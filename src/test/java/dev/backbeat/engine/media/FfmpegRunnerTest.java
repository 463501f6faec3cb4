package dev.backbeat.engine.media;

import dev.backbeat.engine.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class FfmpegRunnerTest {

    @TempDir
    Path dir;

    private final FfmpegRunner runner = Fixtures.runner();

    @Test
    void progressLinesBecomeAFractionAndSpeed() {
        List<double[]> seen = new ArrayList<>();
        ProgressReader reader = new ProgressReader(10, (f, s) -> seen.add(new double[] {f, s}));
        for (String line : List.of("frame=75", "fps=0.0", "out_time_us=2500000", "out_time=00:00:02.500000",
                "speed=2.5x", "progress=continue", "out_time_us=10000000", "speed=N/A", "progress=end")) {
            assertTrue(reader.accept(line), line);
        }
        assertFalse(reader.accept("[h264 @ 0x55] error while decoding MB 3 4"));
        assertEquals(2, seen.size());
        assertEquals(0.25, seen.get(0)[0], 1e-9);
        assertEquals(2.5, seen.get(0)[1], 1e-9);
        assertEquals(1.0, seen.get(1)[0], 1e-9);
    }

    @Test
    void cancelKillsTheProcessAndDeletesThePartialOutput() throws Exception {
        Path out = dir.resolve("long.mkv");
        Cancellation cancel = new Cancellation();
        AtomicLong lastFraction = new AtomicLong();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException ignored) {
                return;
            }
            cancel.cancel();
        });
        canceller.start();
        MediaException e = assertThrows(MediaException.class, () -> runner.run(Ffmpeg.Tool.FFMPEG,
                List.of("-nostdin", "-y", "-progress", "pipe:2", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=600",
                        "-c:v", "libx264", "-preset", "ultrafast", out.toString()),
                null, 600, (f, s) -> lastFraction.set(Double.doubleToLongBits(f)), cancel, 30, List.of(out)));
        assertEquals(MediaException.Kind.CANCELLED, e.kind());
        assertFalse(Files.exists(out), "partial output deleted");
        double fraction = Double.longBitsToDouble(lastFraction.get());
        assertTrue(fraction > 0 && fraction < 1, "progress was reported before the cancel: " + fraction);
    }

    @Test
    void theWatchdogStopsAProcessThatMakesNoProgress() throws Exception {
        // ffmpeg opening a named pipe nobody writes to waits forever without a word
        Path fifo = dir.resolve("never.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        MediaException e = assertThrows(MediaException.class, () -> runner.run(Ffmpeg.Tool.FFMPEG,
                List.of("-nostdin", "-f", "s16le", "-i", fifo.toString(), "-f", "null", "-"),
                null, 0, Progress.none(), Cancellation.none(), 2, List.of()));
        assertEquals(MediaException.Kind.STALLED, e.kind());
        assertTrue(e.getMessage().contains("no progress"), e.getMessage());
    }

    @Test
    void aQuietJobWritingAFileIsNotTakenForStalled() throws Exception {
        // -re paces the source at real time: 3 s with no stdout and no log lines, only progress
        Path out = dir.resolve("paced.mp4");
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, List.of("-nostdin", "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "testsrc2=s=160x90:r=10:d=3", "-c:v", "libx264", "-preset", "ultrafast", out.toString()),
                null, 3, Progress.none(), Cancellation.none(), 1.5, List.of(out));
        assertEquals(0, r.exitCode(), r.stderrText());
        assertTrue(Files.size(out) > 0);
    }

    @Test
    void aFailureKeepsTheLastLinesOfStderr() throws Exception {
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG,
                List.of("-nostdin", "-hide_banner", "-i", dir.resolve("missing.mp4").toString(), "-f", "null", "-"), 30);
        assertTrue(r.exitCode() != 0);
        assertTrue(r.stderrText().contains("No such file"), r.stderrText());
    }
}

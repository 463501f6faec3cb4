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

    @Test
    void stdinFeedsTheEncoderAndAFailingFeedStopsItAndLeavesNothing() throws Exception {
        // a second of a 440 Hz tone fed as raw float PCM becomes a one-second AAC file
        Path out = dir.resolve("fed.m4a");
        List<String> args = List.of("-nostdin", "-y", "-f", "f32le", "-ar", "48000", "-ac", "2", "-i", "pipe:0",
                "-c:a", "aac", out.toString());
        FfmpegRunner.Result ok = runner.run(Ffmpeg.Tool.FFMPEG, args, stdin -> {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(48_000 * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 48_000; i++) {
                float x = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
                b.putFloat(x).putFloat(x);
            }
            stdin.write(b.array());
        }, null, 1, Progress.none(), Cancellation.none(), 30, List.of(out));
        assertEquals(0, ok.exitCode(), ok.stderrText());
        FfmpegRunner.Result probe = runner.run(Ffmpeg.Tool.FFPROBE, List.of("-v", "error", "-show_entries",
                "format=duration", "-of", "csv=p=0", out.toString()), 10);
        assertEquals(1.0, Double.parseDouble(probe.stdout().trim()), 0.05);

        // the feed gives up half way (a cancel, a read error): FFmpeg is stopped and its file removed
        Path broken = dir.resolve("broken.m4a");
        MediaException e = assertThrows(MediaException.class, () -> runner.run(Ffmpeg.Tool.FFMPEG,
                List.of("-nostdin", "-y", "-f", "f32le", "-ar", "48000", "-ac", "2", "-i", "pipe:0", "-c:a", "aac",
                        broken.toString()), stdin -> {
                    stdin.write(new byte[48_000 * 4]);
                    throw new MediaException(MediaException.Kind.CANCELLED, "Cancelled.");
                }, null, 1, Progress.none(), new Cancellation(), 30, List.of(broken)));
        assertEquals(MediaException.Kind.CANCELLED, e.kind());
        assertFalse(Files.exists(broken), "no partial file");
    }

    @Test
    void whenFfmpegRefusesItsOwnErrorIsReportedNotTheBrokenPipe() throws Exception {
        Path out = dir.resolve("never.m4a");
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, List.of("-nostdin", "-y", "-f", "f32le", "-ar", "48000",
                "-ac", "2", "-i", "pipe:0", "-c:a", "no_such_encoder", out.toString()), stdin -> {
                    byte[] silence = new byte[1 << 16];
                    for (int i = 0; i < 200; i++) {
                        stdin.write(silence);
                    }
                }, null, 1, Progress.none(), Cancellation.none(), 30, List.of(out));
        assertTrue(r.exitCode() != 0);
        assertTrue(r.stderrText().toLowerCase(java.util.Locale.ROOT).contains("no_such_encoder"), r.stderrText());
        assertFalse(Files.exists(out));
    }
}

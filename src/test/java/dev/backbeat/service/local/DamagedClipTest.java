package dev.backbeat.service.local;

import dev.backbeat.cli.Cli;
import dev.backbeat.engine.Fixtures;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.MediaInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The case: the first part of an MP4 whose index is at the front (a download cut short). It
 * probes as the whole length; the local back end says so and waits for the user's choice, and the
 * export of what is there lasts as long as its picture: never padded with music over nothing.
 */
class DamagedClipTest {
    @TempDir
    static Path dir;
    static Path cut;

    @BeforeAll
    static void clip() throws Exception {
        Path whole = Fixtures.make(dir.resolve("whole.mp4"), "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30:d=10",
                "-f", "lavfi", "-i", "sine=f=330:d=10", "-c:v", "libx264", "-preset", "ultrafast", "-g", "30",
                "-c:a", "aac", "-movflags", "+faststart");
        byte[] all = Files.readAllBytes(whole);
        cut = dir.resolve("holiday.mp4");
        Files.write(cut, java.util.Arrays.copyOf(all, (int) (all.length * 0.4)));
    }

    @Test
    void theBackEndAsksThenScoresWhatIsThereAndTheExportIsNotPadded() throws Exception {
        try (LocalBackend backend = new LocalBackend(new FfmpegSource(null))) {
            BackendException e = assertThrows(BackendException.class,
                    () -> backend.upload(List.of(cut), (n, f) -> { }, CancelToken.none()));
            assertEquals(BackendException.Kind.DAMAGED, e.kind());
            assertTrue(e.userMessage().contains("holiday.mp4"), e.userMessage());
            assertTrue(backend.state().media().isEmpty(), "nothing was added while the user decides");

            List<MediaInfo> added = backend.uploadAsTheyAre(List.of(cut), (n, f) -> { }, CancelToken.none());
            double seconds = added.get(0).durationMs() / 1000.0;
            assertTrue(seconds > 2 && seconds < 6, "the clip lasts as long as its picture: " + seconds);

            Path out = dir.resolve("scored.mp4");
            backend.exportTo(new ExportRequest(out, null, -14), null, p -> { }, CancelToken.none());
            String probe = Media.probe(out);
            double format = Media.number(probe, "format\\|duration");
            assertEquals(seconds, format, 0.1, "the file is as long as the picture that was there: " + probe);
            assertTrue(probe.contains("codec_type=video") && probe.contains("codec_type=audio"), probe);
            for (String line : probe.split("\n")) {
                if (line.startsWith("stream")) {
                    assertEquals(seconds, Media.number(line, "duration"), 0.1, "no stream runs past the picture: " + line);
                }
            }
        }
    }

    @Test
    void theCommandLineStopsAndSaysHowToGoOn() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path target = dir.resolve("cli.mp4");
        int code = Cli.run(new String[] {"score", cut.toString(), "-o", target.toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(2, code);
        assertTrue(err.toString().contains("looks cut short"), err.toString());
        assertTrue(err.toString().contains("--accept-damaged"), err.toString());
        assertFalse(Files.exists(target), "nothing written");

        code = Cli.run(new String[] {"score", cut.toString(), "-o", target.toString(), "--accept-damaged"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertTrue(Files.size(target) > 0);
    }
}

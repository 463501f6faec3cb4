package dev.backbeat.service.local;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several clips in one session play one after another: one timeline, one piece, one MP4. */
class LocalJoinTest {
    @TempDir
    Path dir;

    @Test
    void twoClipsAreScoredAndExportedAsOne() throws Exception {
        Path a = Fixtures.make(dir.resolve("a.mp4"), "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30:d=3",
                "-f", "lavfi", "-i", "sine=f=330:d=3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest");
        // a portrait clip with no sound at all
        Path b = Fixtures.make(dir.resolve("b.mp4"), "-f", "lavfi", "-i", "smptebars=s=360x640:r=30:d=2.5",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        LocalBackend backend = new LocalBackend(new FfmpegSource(null));
        backend.upload(List.of(a), (n, f) -> { }, CancelToken.none());
        backend.upload(List.of(b), (n, f) -> { }, CancelToken.none());
        String summary = backend.state().draft().summary();
        assertTrue(summary.startsWith("Timeline (2 tracks): 1. Video: a.mp4 (0-3s), b.mp4 (3-5.5s) 2. BGM: "), summary);
        assertTrue(summary.contains("(0-5.5s, "), "the music spans both clips: " + summary);

        Path out = dir.resolve("joined.mp4");
        ExportResult r = backend.exportTo(new ExportRequest(out, "16:9", -14), null, p -> { }, CancelToken.none());
        assertTrue(r.details().startsWith("re-encoded: 2 clips joined"), r.details());
        String probe = Media.probe(out);
        assertEquals(1920, Media.number(probe, "width"));
        assertEquals(1080, Media.number(probe, "height"));
        assertEquals(5.5, Media.number(probe, "format\\|duration"), 1 / 30.0 + 0.025);
        double[] loud = Media.loudness(out);
        assertEquals(-14, loud[0], 1.0);
        assertTrue(loud[1] <= -1.0, "true peak " + loud[1]);
    }
}

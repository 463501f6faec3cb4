package dev.backbeat.service.local;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.service.BatchExport;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One MP4 per clip: each scored on its own, progress per file, one failure does not stop the others. */
class BatchExportTest {
    @TempDir
    Path dir;

    private Path clip(String name, double sec, String colour) {
        return Fixtures.make(dir.resolve(name), "-f", "lavfi", "-i", "color=c=" + colour + ":s=320x240:r=30:d=" + sec,
                "-f", "lavfi", "-i", "sine=f=330:d=" + sec, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest");
    }

    @Test
    void eachClipGetsItsOwnFileAndMusicAndAFailureIsToldNotFatal() throws Exception {
        Path a = clip("harbour.mp4", 4, "navy");
        Path b = clip("market.mp4", 6, "orange");
        Path c = clip("gone.mp4", 3, "green");
        try (LocalBackend backend = new LocalBackend(new FfmpegSource(null))) {
            backend.upload(List.of(a, b, c), (w, f) -> { }, CancelToken.none());
            backend.apply(new RequestParser().parse("upbeat lo-fi").edits());
            Files.delete(c); // gone since it was added: its file fails, the others are written
            Path folder = dir.resolve("out");
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("harbour-scored.mp4"), "the user's own file");
            Map<String, List<Double>> seen = new ConcurrentHashMap<>();
            List<BatchExport.Item> items = backend.exportEach(new ExportRequest(folder, null, -14),
                    (i, n, name, p) -> seen.computeIfAbsent(name, k -> new ArrayList<>()).add(p.fraction()), CancelToken.none());

            assertEquals(List.of("harbour.mp4", "market.mp4", "gone.mp4"), items.stream().map(BatchExport.Item::name).toList());
            assertTrue(items.get(0).written() && items.get(1).written(), items.toString());
            assertFalse(items.get(2).written());
            assertTrue(items.get(2).problem().contains("gone.mp4"), items.get(2).problem());
            assertEquals("the user's own file", Files.readString(folder.resolve("harbour-scored.mp4")), "never written over");
            assertEquals(folder.resolve("harbour-scored (2).mp4"), items.get(0).file());
            assertEquals(folder.resolve("market-scored.mp4"), items.get(1).file());

            // each file lasts as long as its own clip: scored alone, not cut from the timeline's music
            assertEquals(4.0, Media.number(Media.probe(items.get(0).file()), "format\\|duration"), 0.1);
            assertEquals(6.0, Media.number(Media.probe(items.get(1).file()), "format\\|duration"), 0.1);
            assertNotEquals(Files.size(items.get(0).file()), Files.size(items.get(1).file()));
            assertTrue(seen.get("harbour.mp4").contains(1.0) && seen.get("market.mp4").contains(1.0), "progress per file: " + seen);
            assertTrue(seen.containsKey("gone.mp4"), "the failed file is told too");
        }
    }

    @Test
    void theUsersSongIsFittedToEachClip() throws Exception {
        Path song = dev.backbeat.engine.song.SongFiles.mp3(dir, "song", 97, 14);
        Path a = Fixtures.make(dir.resolve("silent-a.mp4"), "-f", "lavfi", "-i", "color=c=navy:s=320x240:r=30:d=9",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        Path b = Fixtures.make(dir.resolve("silent-b.mp4"), "-f", "lavfi", "-i", "color=c=red:s=320x240:r=30:d=12",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        try (LocalBackend backend = new LocalBackend(new FfmpegSource(null))) {
            backend.upload(List.of(song, a, b), (w, f) -> { }, CancelToken.none());
            List<BatchExport.Item> items = backend.exportEach(new ExportRequest(dir.resolve("songs"), null, -14),
                    (i, n, name, p) -> { }, CancelToken.none());
            assertEquals(2, items.size(), "the song is the music, not a clip of the batch: " + items);
            double[] lengths = {9, 12};
            for (int k = 0; k < 2; k++) {
                Path out = items.get(k).file();
                assertEquals(lengths[k], Media.number(Media.probe(out), "format\\|duration"), 0.1);
                dev.backbeat.engine.song.Song heard = new dev.backbeat.engine.song.SongAnalyzer(Fixtures.runner()).analyze(out,
                        dir.resolve("heard-" + k + ".f32"), dev.backbeat.engine.media.Progress.none(),
                        dev.backbeat.engine.media.Cancellation.none());
                assertEquals(97, heard.grid().bpm(), 97 * 0.02, "each file plays the song, fitted to its clip");
            }
        }
    }
}

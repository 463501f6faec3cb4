package dev.backbeat.service.local;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.analysis.VideoAnalyzer;
import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.compose.MusicPlan;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.Progress;
import dev.backbeat.engine.photo.StillPictures;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.MediaInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Twelve photos become a 1080p video whose every change of picture, as our own cut detector and
 * FFmpeg's scene detection see it, falls within a frame of the music's beat grid, and whose length
 * is the plan's to the frame. Bad photos are refused in words; a PNG named .mp4 is the photo it is.
 */
class SlideshowExportTest {
    private static final double FRAME = 1 / 30.0;

    @Test
    void twelvePhotosChangeOnTheBeat(@TempDir Path dir) throws Exception {
        List<Path> photos = StillPictures.distinct(dir, 12);
        LocalBackend backend = new LocalBackend(new FfmpegSource(null));
        try {
            backend.apply(List.of(new MusicEdit.Photos(1.0, 1, null, null)));
            List<MediaInfo> added = backend.upload(photos, (n, f) -> { }, CancelToken.none());
            assertEquals(12, added.size());
            assertTrue(added.stream().allMatch(m -> m.kind().equals("image")));
            MusicPlan plan = backend.plan().orElseThrow();
            String summary = backend.state().draft().summary();
            assertTrue(summary.contains("photo-00.jpg (0-") && summary.contains("photo-11.jpg"), summary);

            Path out = dir.resolve("show.mp4");
            backend.exportTo(new ExportRequest(out, "16:9", -14), null, p -> { }, CancelToken.none());
            String probe = Media.probe(out);
            assertEquals(1920, Media.number(probe, "width"));
            assertEquals(1080, Media.number(probe, "height"));
            double frames = Media.number(probe.lines().filter(l -> l.contains("codec_type=video")).findFirst().orElse(""), "nb_frames");
            assertEquals(Math.round(plan.durationSec() * 30), frames, 1, "length within a frame of the plan");

            List<Double> scenes = sceneChanges(out);
            VideoProfile read = new VideoAnalyzer(Fixtures.runner()).analyze(out, Progress.none(), Cancellation.none());
            List<Double> cuts = read.hardCuts().stream().map(VideoProfile.Cut::timeSec).toList();
            assertEquals(11, scenes.size(), "FFmpeg's scene changes " + scenes);
            assertEquals(11, cuts.size(), "our cut detector's cuts " + cuts);
            // and each where the timeline says the next photo starts
            List<Double> starts = new ArrayList<>();
            double at = 0;
            for (MediaInfo m : backend.state().media().subList(0, 11)) {
                at += m.durationMs() / 1000.0;
                starts.add(at);
            }
            for (int i = 0; i < 11; i++) {
                assertEquals(starts.get(i), scenes.get(i), FRAME + 0.002, "change " + (i + 1) + " " + scenes + " vs " + starts);
            }
            for (double t : scenes) {
                assertTrue(distanceToBeat(plan, t) <= FRAME + 0.002, "scene change at " + t + " is "
                        + distanceToBeat(plan, t) + " s off the beat");
            }
            for (double t : cuts) {
                assertTrue(distanceToBeat(plan, t) <= FRAME + 0.002, "cut at " + t + " is " + distanceToBeat(plan, t)
                        + " s off the beat");
            }
        } finally {
            backend.close();
        }
    }

    @Test
    void aDamagedJpegIsRefusedAndAPngNamedMp4IsAPhoto(@TempDir Path dir) throws Exception {
        LocalBackend backend = new LocalBackend(new FfmpegSource(null));
        try {
            Path bad = StillPictures.damagedJpeg(dir);
            BackendException e = assertThrows(BackendException.class,
                    () -> backend.upload(List.of(bad), (n, f) -> { }, CancelToken.none()));
            assertEquals(BackendException.Kind.BAD_INPUT, e.kind());
            assertTrue(e.userMessage().contains("damaged.jpg") && e.userMessage().contains("damaged"), e.userMessage());

            Path png = StillPictures.distinct(dir, 1).get(0);
            Path renamed = Files.copy(png, dir.resolve("holiday.mp4"));
            List<MediaInfo> added = backend.upload(List.of(renamed), (n, f) -> { }, CancelToken.none());
            assertEquals("image", added.get(0).kind());
            assertTrue(added.get(0).durationMs() >= 2000, "held " + added.get(0).durationMs() + " ms, not a 0.04-s video");
            // the player shows the photo from wherever it starts playing
            var preview = backend.preview().orElseThrow();
            try (var pictures = backend.pictures().orElseThrow().open(preview.clips(), 1.2, 160, 90)) {
                var first = pictures.next();
                assertTrue(first != null && first.timeSec() >= 1.2 - 1e-6, "a picture at the playhead");
            }
        } finally {
            backend.close();
        }
    }

    private static double distanceToBeat(MusicPlan plan, double t) {
        double best = Double.MAX_VALUE;
        for (double b : plan.beatTimes()) {
            best = Math.min(best, Math.abs(b - t));
        }
        return best;
    }

    private static List<Double> sceneChanges(Path video) throws Exception {
        String log = Media.run(Ffmpeg.Tool.FFMPEG, List.of("-hide_banner", "-nostdin", "-i", video.toString(), "-an",
                "-vf", "select='gt(scene,0.3)',showinfo", "-f", "null", "-"));
        List<Double> out = new ArrayList<>();
        Matcher m = Pattern.compile("pts_time:([0-9.]+)").matcher(log);
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out;
    }
}

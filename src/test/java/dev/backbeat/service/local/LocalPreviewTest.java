package dev.backbeat.service.local;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.preview.PreviewPictures;
import dev.backbeat.service.preview.PreviewSound;
import dev.backbeat.service.preview.ScoredPreview;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local back end's preview on two generated clips (one with speech, one without sound): the
 * clips placed in order, the mix readable and silent where a clip has no sound, the revision
 * moving with every change, titles as marks, and the picture decoded from the clips.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPreviewTest {
    @TempDir
    static Path dir;
    static LocalBackend backend;

    @BeforeAll
    static void upload() throws Exception {
        Path speech = Fixtures.speech(dir);
        Path talk = Fixtures.make(dir.resolve("talk.mp4"), "-i", speech.toString(), "-filter_complex",
                "testsrc2=s=320x180:r=25:d=5[v];[0:a]adelay=500:all=1,apad[a]", "-map", "[v]", "-map", "[a]",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-t", "5");
        Path quiet = Fixtures.make(dir.resolve("quiet.mp4"), "-f", "lavfi", "-i", "color=c=red:s=320x180:r=25:d=3",
                "-c:v", "libx264", "-preset", "ultrafast");
        backend = new LocalBackend(new FfmpegSource(null));
        backend.upload(List.of(talk, quiet), (n, f) -> { }, CancelToken.none());
    }

    static ScoredPreview preview() throws Exception {
        return backend.preview().orElseThrow();
    }

    static List<ChatEvent> chat(String message) {
        List<ChatEvent> events = new ArrayList<>();
        backend.chat(message, events::add, CancelToken.none());
        return events;
    }

    static double rmsDb(PreviewSound s, PreviewSound.Layer layer, double from, double to) {
        long a = Math.round(from * PreviewSound.RATE);
        long b = Math.round(to * PreviewSound.RATE);
        float[][] buf = {new float[4096], new float[4096]};
        double sum = 0;
        long n = 0;
        for (long p = a; p < b; ) {
            int k = s.read(layer, p, buf, (int) Math.min(4096, b - p));
            for (int i = 0; i < k; i++) {
                sum += buf[0][i] * buf[0][i];
            }
            n += k;
            p += k;
        }
        return 10 * Math.log10(sum / Math.max(1, n) + 1e-20);
    }

    @Test
    @Order(1)
    void theClipsArePlacedInOrderWithTheirSound() throws Exception {
        ScoredPreview p = preview();
        assertEquals(2, p.clips().size());
        assertEquals("talk.mp4", p.clips().get(0).name());
        assertEquals(0, p.clips().get(0).startSec(), 1e-9);
        assertEquals(p.clips().get(0).endSec(), p.clips().get(1).startSec(), 1e-9, "the second follows the first");
        assertEquals(8, p.durationSec(), 0.1);
        assertEquals(p.durationSec(), p.sound().frames() / (double) PreviewSound.RATE, 0.01);
        assertNotNull(p.music());
        assertTrue(rmsDb(p.sound(), PreviewSound.Layer.CLIP, 1, 3) > -45, "the speech is heard on the clip layer");
        assertTrue(rmsDb(p.sound(), PreviewSound.Layer.CLIP, 5.2, 7.8) < -120, "the clip without sound is silence");
        assertTrue(rmsDb(p.sound(), PreviewSound.Layer.MUSIC, 5.2, 7.8) > -50, "the music plays over it");
        assertSame(p, preview(), "unchanged: the same result, not made again");
    }

    @Test
    @Order(2)
    void everyChangeGivesANewRevisionAndTheVolumeIsHeard() throws Exception {
        ScoredPreview before = preview();
        double musicBefore = rmsDb(before.sound(), PreviewSound.Layer.MUSIC, 5.2, 7.8)
                - rmsDb(before.sound(), PreviewSound.Layer.CLIP, 1, 3);
        chat("music at 10%");
        ScoredPreview quieter = preview();
        assertTrue(quieter.revision() > before.revision());
        double musicAfter = rmsDb(quieter.sound(), PreviewSound.Layer.MUSIC, 5.2, 7.8)
                - rmsDb(quieter.sound(), PreviewSound.Layer.CLIP, 1, 3);
        // (the exact dB are checked on tones in PreviewMixTest; here the loud speech meets the limiter)
        assertTrue(musicAfter < musicBefore - 3, "music against the voice: " + musicBefore + " dB, then " + musicAfter + " dB");

        chat("add the title 'Urban Dreams' for 3 s");
        ScoredPreview titled = preview();
        assertTrue(titled.revision() > quieter.revision());
        assertSame(quieter.sound(), titled.sound(), "a title changes no sound: the mix is not made again");
        assertEquals(1, titled.titles().size());
        assertEquals("Urban Dreams", titled.titles().get(0).text());
        assertEquals(3, titled.titles().get(0).endSec() - titled.titles().get(0).startSec(), 1e-6);

        chat("calmer");
        assertTrue(preview().revision() > titled.revision(), "a recomposed piece is a new revision");
    }

    @Test
    @Order(3)
    void thePictureComesFromTheClipsOneAfterAnother() throws Exception {
        ScoredPreview p = preview();
        PreviewPictures pictures = backend.pictures().orElseThrow();
        try (PreviewPictures.Stream s = pictures.open(p.clips(), 4.9, 640, 360)) {
            PreviewPictures.Picture first = s.next();
            assertEquals(4.9, first.timeSec(), 1e-6);
            assertEquals(320, first.width(), "never scaled up");
            PreviewPictures.Picture last = first;
            for (PreviewPictures.Picture q = s.next(); q != null && q.timeSec() < 5.3; q = s.next()) {
                last = q;
            }
            assertTrue(last.timeSec() >= 5.0, "into the second clip");
            int i = (90 * 320 + 160) * 3;
            assertTrue((last.rgb()[i] & 0xff) > 200 && (last.rgb()[i + 1] & 0xff) < 60, "the second clip is red");
        }
    }
}

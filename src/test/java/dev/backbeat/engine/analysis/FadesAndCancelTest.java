package dev.backbeat.engine.analysis;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(90)
class FadesAndCancelTest {

    @TempDir
    Path dir;

    @Test
    void aFadeToBlackAndBackIsSoftNotACut() throws MediaException {
        // 2 s moving pattern fading out over its last 0.6 s, then bars fading in over 0.6 s
        Path clip = Fixtures.make(dir.resolve("fades.mp4"), "-filter_complex",
                "testsrc2=s=320x180:r=30:d=2,fade=t=out:st=1.4:d=0.6[a];"
                        + "smptebars=s=320x180:r=30:d=2,fade=t=in:st=0:d=0.6[b];[a][b]concat,format=yuv420p",
                "-c:v", "libx264", "-preset", "ultrafast");
        VideoProfile p = new VideoAnalyzer(Fixtures.runner()).analyze(clip, Progress.none(), Cancellation.none());
        assertEquals(List.of(), p.hardCuts(), "no hard cut in a fade: " + p.cuts());
        List<VideoProfile.Cut> soft = p.cuts().stream().filter(VideoProfile.Cut::soft).toList();
        assertTrue(!soft.isEmpty() && soft.size() <= 2, "the fade out and in: " + soft);
        for (VideoProfile.Cut c : soft) {
            assertTrue(c.timeSec() > 1.2 && c.timeSec() < 2.8, "fade placed at " + c);
        }
    }

    @Test
    void cancellingMidwayStopsAndLeavesNoTemporarySound() throws Exception {
        Path clip = Fixtures.make(dir.resolve("long.mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=40",
                "-f", "lavfi", "-i", "sine=f=300:d=40", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
                "-shortest");
        Set<Path> before = soundFiles();
        Cancellation cancel = new Cancellation();
        Progress cancelAtTenPercent = (fraction, speed) -> {
            if (fraction > 0.1) {
                cancel.cancel();
            }
        };
        MediaException e = assertThrows(MediaException.class,
                () -> new VideoAnalyzer(Fixtures.runner()).analyze(clip, cancelAtTenPercent, cancel));
        assertEquals(MediaException.Kind.CANCELLED, e.kind());
        assertEquals(before, soundFiles(), "temporary sound file removed");
    }

    private static Set<Path> soundFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("backbeat-sound-")).collect(Collectors.toSet());
        }
    }
}

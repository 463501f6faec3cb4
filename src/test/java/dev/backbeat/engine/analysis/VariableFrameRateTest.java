package dev.backbeat.engine.analysis;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A clip whose frame rate changes mid-way: cut times must still be right in seconds. */
class VariableFrameRateTest {

    @TempDir
    Path dir;

    @Test
    void aCutAfterTheRateChangesIsPlacedInTime() throws Exception {
        Path clip = Fixtures.make(dir.resolve("vfr.mp4"), "-filter_complex",
                "testsrc2=s=320x180:r=30:d=2[a];color=c=navy:s=320x180:r=15:d=2[b];color=c=yellow:s=320x180:r=15:d=1.4[c];"
                        + "[a][b][c]concat=n=3:v=1:a=0,format=yuv420p[v]",
                "-map", "[v]", "-fps_mode", "vfr", "-c:v", "libx264", "-preset", "ultrafast");
        ClipInfo info = new MediaProbe(Fixtures.runner()).probe(clip);
        assertTrue(info.variableFrameRate(), "probe sees the changing rate: " + info.summary());
        VideoProfile p = new VideoAnalyzer(Fixtures.runner()).analyze(clip, Progress.none(), Cancellation.none());
        assertEquals(2, p.hardCuts().size(), "cuts: " + p.cuts());
        assertEquals(2.0, p.hardCuts().get(0).timeSec(), 1.5 / p.fps());
        assertEquals(4.0, p.hardCuts().get(1).timeSec(), 1.5 / p.fps());
        assertEquals(5.4, p.durationSec(), 0.1);
    }
}

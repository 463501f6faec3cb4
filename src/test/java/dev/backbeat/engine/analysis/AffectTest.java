package dev.backbeat.engine.analysis;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AffectTest {

    @TempDir
    Path dir;

    private VideoProfile analyse(Path clip) throws MediaException {
        return new VideoAnalyzer(Fixtures.runner()).analyze(clip, Progress.none(), Cancellation.none());
    }

    @Test
    void aBrightFastCutClipIsMoreArousingAndPleasantThanADarkSlowOne() throws MediaException {
        String size = "=s=320x180:r=30";
        String colour = ":s=320x180:r=30";
        String[] sources = {"color=c=yellow" + colour, "testsrc2" + size, "color=c=0x00e0ff" + colour, "rgbtestsrc" + size,
                "color=c=0xff40c0" + colour, "testsrc2" + size + ",hue=h=120", "color=c=orange" + colour, "smptebars" + size};
        List<String> chains = new ArrayList<>();
        StringBuilder concat = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            chains.add(sources[i % sources.length] + ",trim=end_frame=15,setpts=PTS-STARTPTS,format=yuv420p[s" + i + "]");
            concat.append("[s").append(i).append(']');
        }
        chains.add(concat + "concat=n=12:v=1:a=0[v]");
        Path bright = Fixtures.make(dir.resolve("bright.mp4"), "-filter_complex", String.join(";", chains),
                "-map", "[v]", "-c:v", "libx264", "-preset", "ultrafast");
        Path dark = Fixtures.make(dir.resolve("dark.mp4"), "-f", "lavfi", "-i",
                "color=c=0x181828:s=320x180:r=30:d=6,noise=alls=4:allf=t", "-c:v", "libx264", "-preset", "ultrafast");

        VideoProfile b = analyse(bright);
        VideoProfile d = analyse(dark);
        assertEquals(11, b.hardCuts().size(), "cuts every half second: " + b.hardCuts());
        assertEquals(0, d.hardCuts().size(), "one long shot: " + d.hardCuts());
        assertTrue(b.mood().arousal() > d.mood().arousal() + 0.2,
                "arousal bright " + b.mood().arousal() + " vs dark " + d.mood().arousal());
        assertTrue(b.mood().valence() > d.mood().valence() + 0.3,
                "valence bright " + b.mood().valence() + " vs dark " + d.mood().valence());
        assertTrue(b.mood().explanation().contains("cuts every 0.5 s"), b.mood().explanation());
        assertTrue(d.mood().explanation().startsWith("dark"), d.mood().explanation());
    }
}

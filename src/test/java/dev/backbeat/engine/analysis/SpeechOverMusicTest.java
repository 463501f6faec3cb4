package dev.backbeat.engine.analysis;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A pulsing major chord (a stand-in for a music bed) under the speech: only the speech is speech. */
class SpeechOverMusicTest {

    private static final String CHORD = "aevalsrc='0.05*(sin(2*PI*261.6*t)+sin(2*PI*329.6*t)+sin(2*PI*392*t))"
            + "*(0.4+0.6*exp(-8*mod(t,0.5)))':s=48000:d=10";

    @TempDir
    Path dir;

    @Test
    void speechIsFoundOverAMusicBedAndTheBedAloneIsNot() throws Exception {
        Path speech = Fixtures.speech(dir);
        Path clip = Fixtures.make(dir.resolve("bed.mp4"), "-f", "lavfi", "-i", "testsrc2=s=160x90:r=15:d=10",
                "-i", speech.toString(), "-filter_complex",
                "[1:a]adelay=3000:all=1[s];" + CHORD + "[m];[m][s]amix=inputs=2:duration=first:normalize=0[au]",
                "-map", "0:v", "-map", "[au]", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac");
        VideoProfile p = new VideoAnalyzer(Fixtures.runner()).analyze(clip, Progress.none(), Cancellation.none());
        assertEquals(1, p.speech().size(), "speech: " + p.speech());
        assertEquals(3.0, p.speech().get(0).startSec(), 0.15);
        assertEquals(3.0 + Fixtures.SPEECH_SEC, p.speech().get(0).endSec(), 0.15);

        Path bedOnly = Fixtures.make(dir.resolve("bed-only.mp4"), "-f", "lavfi", "-i", "testsrc2=s=160x90:r=15:d=10",
                "-f", "lavfi", "-i", CHORD, "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        VideoProfile bed = new VideoAnalyzer(Fixtures.runner()).analyze(bedOnly, Progress.none(), Cancellation.none());
        assertEquals(0, bed.speech().size(), "speech in the bed alone: " + bed.speech());
    }
}

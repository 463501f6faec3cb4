package dev.backbeat.engine.analysis;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One generated clip (30 fps, 320x180) holding what a cut detector gets wrong: a moving scene, a
 * still one, a fast pan, a two-frame white flash inside a shot, and a half-second cross-fade; with
 * the committed speech mixed in twice over quiet pink noise.
 */
class ScenesAnalysisTest {

    /** First frames of the new shots: 43, 43+61, +45, +50. */
    static final int[] CUTS = {43, 104, 149, 199};
    static final int FLASH_FRAME = 149 + 20;
    /** The cross-fade: shot e starts at 199, fades from 199+30 for 15 frames. */
    static final int FADE_FROM = 229;
    static final int FADE_TO = 244;
    static final double SPEECH1_AT = 0.7;
    static final double SPEECH2_AT = 6.6;
    static final double SPEECH2_SEC = 2.0;

    @TempDir
    static Path dir;
    static VideoProfile profile;

    @BeforeAll
    static void analyse() throws Exception {
        Path speech = Fixtures.speech(dir);
        String s = "320x180";
        Path clip = Fixtures.make(dir.resolve("scenes.mp4"), "-i", speech.toString(), "-filter_complex", String.join(";",
                "testsrc2=s=" + s + ":r=30,trim=end_frame=43,setpts=PTS-STARTPTS[a]",
                "smptebars=s=" + s + ":r=30,trim=end_frame=61,setpts=PTS-STARTPTS[b]",
                // a pan across a still pattern at 13 px per frame
                "testsrc=s=960x180:r=30,crop=320:180:x='t*400':y=0,trim=end_frame=45,setpts=PTS-STARTPTS[c]",
                "testsrc2=s=" + s + ":r=30,hue=h=90,drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='between(n,20,21)',"
                        + "trim=end_frame=50,setpts=PTS-STARTPTS[d]",
                "color=c=orange:s=" + s + ":r=30:d=1.5,format=yuv420p[e]",
                "rgbtestsrc=s=" + s + ":r=30:d=2,format=yuv420p[f]",
                "[e][f]xfade=transition=fade:duration=0.5:offset=1.0[ef]",
                "[a][b][c][d][ef]concat=n=5:v=1:a=0,format=yuv420p[v]",
                "[0:a]asplit[s1][s2]",
                "[s1]adelay=" + (int) (SPEECH1_AT * 1000) + ":all=1[d1]",
                "[s2]atrim=0:" + SPEECH2_SEC + ",adelay=" + (int) (SPEECH2_AT * 1000) + ":all=1[d2]",
                "anoisesrc=c=pink:a=0.003:r=48000:d=10[n]",
                "[n][d1][d2]amix=inputs=3:duration=first:normalize=0[au]"),
                "-map", "[v]", "-map", "[au]", "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", "-shortest");
        profile = new VideoAnalyzer(Fixtures.runner()).analyze(clip, Progress.none(), Cancellation.none());
    }

    @Test
    void everyHardCutIsFoundToTheFrameAndNothingElse() {
        List<Long> found = profile.hardCuts().stream().map(VideoProfile.Cut::frame).toList();
        assertEquals(CUTS.length, found.size(), "hard cuts found: " + found);
        for (int i = 0; i < CUTS.length; i++) {
            assertTrue(Math.abs(found.get(i) - CUTS[i]) <= 1, "cut " + CUTS[i] + " found at " + found.get(i));
            assertEquals(CUTS[i] / 30.0, profile.hardCuts().get(i).timeSec(), 1.5 / 30);
        }
    }

    @Test
    void theFlashAndThePanAreNotCuts() {
        for (VideoProfile.Cut c : profile.cuts()) {
            assertFalse(Math.abs(c.frame() - FLASH_FRAME) <= 3 || Math.abs(c.frame() - (FLASH_FRAME + 2)) <= 1,
                    "flash taken for a cut: " + c);
            assertFalse(c.frame() > CUTS[1] + 1 && c.frame() < CUTS[2] - 1, "pan taken for a cut: " + c);
        }
    }

    @Test
    void theCrossFadeIsOneSoftTransition() {
        List<VideoProfile.Cut> soft = profile.cuts().stream().filter(VideoProfile.Cut::soft).toList();
        assertEquals(1, soft.size(), "soft transitions: " + soft);
        VideoProfile.Cut fade = soft.get(0);
        assertTrue(fade.frame() >= FADE_FROM && fade.frame() <= FADE_TO, "fade placed at " + fade);
        assertEquals(0.5, fade.lengthSec(), 0.15, "fade length");
    }

    @Test
    void speechIsFoundWithin150ms() {
        List<double[]> expected = new ArrayList<>();
        expected.add(new double[] {SPEECH1_AT, SPEECH1_AT + Fixtures.SPEECH_SEC});
        expected.add(new double[] {SPEECH2_AT, SPEECH2_AT + SPEECH2_SEC});
        assertEquals(2, profile.speech().size(), "speech: " + profile.speech());
        for (int i = 0; i < 2; i++) {
            VideoProfile.Interval got = profile.speech().get(i);
            assertEquals(expected.get(i)[0], got.startSec(), 0.15, "start of speech " + i + ": " + got);
            assertEquals(expected.get(i)[1], got.endSec(), 0.15, "end of speech " + i + ": " + got);
        }
    }

    @Test
    void curvesCoverTheClipAndLoudnessFollowsTheSpeech() {
        int steps = (int) Math.ceil(profile.durationSec() / profile.stepSec() - 1e-9);
        assertEquals(steps, profile.motion().length);
        assertEquals(steps, profile.arousal().length);
        assertEquals(steps, profile.loudness().length);
        assertEquals(30.0, profile.fps(), 1e-6);
        assertEquals(320, profile.width());
        double during = profile.loudness()[(int) (2.5 / 0.25)];
        double between = profile.loudness()[(int) (5.0 / 0.25)];
        assertTrue(during > between + 10, "loudness in speech " + during + " vs in the pause " + between);
        double panMotion = profile.motion()[(int) (4.2 / 0.25)];
        double stillMotion = profile.motion()[(int) (2.5 / 0.25)];
        assertTrue(panMotion > stillMotion + 0.3, "pan motion " + panMotion + " vs still " + stillMotion);
        assertEquals(CUTS.length + 1, profile.shots().size());
        assertFalse(profile.mood().explanation().isBlank());
    }

    @Test
    void theReadingPassAlsoKeepsTheSoundForTheMixAndAPreviewFrame() throws Exception {
        Path clip = dir.resolve("scenes.mp4");
        Path sound = dir.resolve("sound.f32");
        Path thumb = dir.resolve("thumb.jpg");
        var runner = Fixtures.runner();
        var info = new dev.backbeat.engine.media.MediaProbe(runner).probe(clip);
        VideoProfile again = new VideoAnalyzer(runner).analyze(info, new VideoAnalyzer.Extras(sound, thumb), Progress.none(),
                Cancellation.none());
        assertEquals(profile.hardCuts().size(), again.hardCuts().size(), "the extras change nothing in the analysis");
        // 48 kHz stereo float: 8 bytes a frame, the clip's length within a frame of AAC (1024 samples)
        double soundSec = java.nio.file.Files.size(sound) / 8.0 / 48_000;
        assertEquals(info.durationSec(), soundSec, 0.05, "sound kept for the mix");
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(thumb.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(360, img.getHeight());
    }
}

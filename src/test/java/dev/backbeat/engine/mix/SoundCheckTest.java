package dev.backbeat.engine.mix;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The encoded sound is decoded again and measured; a peak the AAC encoder pushed too high is made again lower. */
class SoundCheckTest {
    @TempDir
    Path dir;

    private static float[][] denseMusic(double seconds) {
        int n = (int) (seconds * AudioMixer.RATE);
        float[][] m = new float[2][n];
        Random r = new Random(3);
        for (int i = 0; i < n; i++) {
            double t = i / (double) AudioMixer.RATE;
            // bright, dense material with sharp attacks: what makes an AAC encoder overshoot
            double beat = Math.exp(-(t % 0.25) / 0.02);
            double x = 0.3 * Math.sin(2 * Math.PI * 110 * t) + 0.2 * Math.sin(2 * Math.PI * 3520 * t)
                    + 0.5 * beat * r.nextGaussian();
            m[0][i] = (float) x;
            m[1][i] = (float) (0.9 * x + 0.1 * r.nextGaussian());
        }
        return m;
    }

    private AudioMixer.Result mix(double ceilingDb, double targetLufs) throws Exception {
        Path clip = Fixtures.make(dir.resolve("clip-" + ceilingDb + ".mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=6",
                "-f", "lavfi", "-i", "sine=f=300:d=6", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        ClipInfo info = new MediaProbe(Fixtures.runner()).probe(clip);
        MixSettings s = new MixSettings(0.8, MixSettings.Original.KEEP, -10, true, 12, targetLufs, ceilingDb);
        AudioMixer.Mixed mixed = new AudioMixer(Fixtures.runner()).mix(List.of(info), AudioMixer.DecodedSound.NONE,
                denseMusic(6), List.of(), s, dir, null, Progress.none(), new Cancellation());
        return mixed.settle();
    }

    @Test
    void aPeakOverTheLimitIsMadeAgainLowerAndTheLoudnessStays() throws Exception {
        // a limiter ceiling at -0.1 dBTP on a loud mix leaves the encoder no room: the check must catch it
        AudioMixer.Result r = mix(-0.1, -12);
        System.out.printf("ceiling -0.1 dBTP: redone %s after %d passes → %.2f LUFS, true peak %.2f dBTP%n",
                r.redone(), r.passes(), r.lufs(), r.truePeakDb());
        assertTrue(r.redone(), "the encoded peak should have been over -1.2 dBTP");
        assertTrue(r.truePeakDb() <= AudioMixer.MAX_TRUE_PEAK + 0.05, "true peak after the second try: " + r.truePeakDb());
        assertEquals(-12, r.lufs(), 1.0, "loudness still close to the target");
    }

    @Test
    void withTheUsualCeilingTheSoundIsEncodedOnce() throws Exception {
        AudioMixer.Result r = mix(MixSettings.defaults().ceilingDb(), -14);
        System.out.printf("ceiling %.1f dBTP: redone %s after %d passes → %.2f LUFS, true peak %.2f dBTP%n",
                MixSettings.defaults().ceilingDb(), r.redone(), r.passes(), r.lufs(), r.truePeakDb());
        assertFalse(r.redone());
        assertEquals(1, r.passes(), "the gain worked out ahead should land within the tolerance");
        assertTrue(r.truePeakDb() <= -1.0);
        assertEquals(-14, r.lufs(), 0.6);
    }
}

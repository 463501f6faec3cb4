package dev.backbeat.engine.mix;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

    /** Why the last export wrote its sound again, as its progress was told, and the progress it showed after. */
    private final java.util.List<String> redos = new java.util.ArrayList<>();
    private int updatesAfterRedo;

    /** Mixes and exports; {@code reframe} makes the picture re-encoded (the sound is then encoded and checked first). */
    private AudioMixer.Result export(double ceilingDb, double targetLufs, boolean reframe) throws Exception {
        return export(Fixtures.runner(), ceilingDb, targetLufs, reframe);
    }

    private AudioMixer.Result export(FfmpegRunner runner, double ceilingDb, double targetLufs, boolean reframe) throws Exception {
        Path clip = Fixtures.make(dir.resolve("clip-" + ceilingDb + ".mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=6",
                "-f", "lavfi", "-i", "sine=f=300:d=6", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        ClipInfo info = new MediaProbe(Fixtures.runner()).probe(clip);
        MixSettings s = new MixSettings(0.8, MixSettings.Original.KEEP, -10, true, 12, targetLufs, ceilingDb);
        Path out = dir.resolve("out-" + ceilingDb + "-" + reframe + ".mp4");
        try (AudioMixer.Mixed mixed = new AudioMixer(runner).mix(List.of(info), AudioMixer.DecodedSound.NONE,
                denseMusic(6), List.of(), s, dir, null, Progress.none(), new Cancellation())) {
            redos.clear();
            Progress watched = new Progress() {
                @Override
                public void update(double fraction, double speed) {
                    if (!redos.isEmpty()) {
                        updatesAfterRedo++;
                    }
                }

                @Override
                public void redo(String why) {
                    if (!why.isEmpty()) {
                        redos.add(why);
                    }
                }
            };
            VideoExporter.Result done = new VideoExporter(runner).export(List.of(info), mixed, out,
                    new VideoExporter.Options(reframe ? "9:16" : "auto", null, List.of(), "ultrafast", 20), watched,
                    new Cancellation());
            assertEquals(!reframe, done.frame().copy());
            AudioMixer.Result r = mixed.result();
            // what was reported is what the file holds
            LoudnessCheck.Reading file = LoudnessCheck.measure(Fixtures.runner(), out, 6, new Cancellation());
            assertEquals(r.truePeakDb(), file.truePeakDb(), 0.05);
            assertEquals(r.lufs(), file.lufs(), 0.05);
            return r;
        }
    }

    @Test
    void aPeakOverTheLimitIsMadeAgainLowerAndTheLoudnessStays() throws Exception {
        // a limiter ceiling at -0.1 dBTP on a loud mix leaves the encoder no room: the check must catch it,
        // whether the sound is encoded with the copied picture or alone before a re-encoded one
        for (boolean reframe : new boolean[] {false, true}) {
            AudioMixer.Result r = export(-0.1, -12, reframe);
            System.out.printf("ceiling -0.1 dBTP, %s: redone %s after %d passes → %.2f LUFS, true peak %.2f dBTP%n",
                    reframe ? "re-encoded picture" : "copied picture", r.redone(), r.passes(), r.lufs(), r.truePeakDb());
            assertTrue(r.redone(), "the encoded peak should have been over -1.2 dBTP");
            assertTrue(r.truePeakDb() <= AudioMixer.MAX_TRUE_PEAK + 0.05, "true peak after the second try: " + r.truePeakDb());
            assertTrue(redos.stream().anyMatch(w -> w.startsWith("a peak was")), "the progress says why: " + redos);
            assertTrue(updatesAfterRedo > 0, "and goes on showing progress while the sound is made again");
            assertEquals(-12, r.lufs(), 1.0, "loudness still close to the target");
        }
    }

    @Test
    void withTheUsualCeilingTheSoundIsEncodedOnce() throws Exception {
        AudioMixer.Result r = export(MixSettings.defaults().ceilingDb(), -14, false);
        System.out.printf("ceiling %.1f dBTP: redone %s after %d passes → %.2f LUFS, true peak %.2f dBTP%n",
                MixSettings.defaults().ceilingDb(), r.redone(), r.passes(), r.lufs(), r.truePeakDb());
        assertFalse(r.redone());
        assertEquals(1, r.passes(), "the gain worked out ahead should land within the tolerance");
        assertTrue(r.truePeakDb() <= -1.0);
        assertEquals(-14, r.lufs(), 0.6);
    }

    @Test
    void anFfmpegWithoutLoopbackDecodersHasItsFileCheckedInstead() throws Exception {
        // FFmpeg before 7.0 (a user may point Backbeat at their own) does not know -dec: a wrapper
        // answers as it does, and the export must still write and check the file
        Ffmpeg real = Fixtures.ffmpeg();
        Path wrapper = dir.resolve("old-ffmpeg");
        Files.writeString(wrapper, "#!/bin/sh\nfor a in \"$@\"; do if [ \"$a\" = \"-dec\" ]; then "
                + "echo \"Unrecognized option 'dec'.\" >&2; echo 'Error splitting the argument list: Option not found' >&2; exit 8; fi; done\n"
                + "exec \"" + real.ffmpeg() + "\" \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        FfmpegRunner old = new FfmpegRunner(new Ffmpeg(wrapper, real.ffprobe(), real.environment()));
        AudioMixer.Result r = export(old, -0.1, -12, false);
        assertTrue(r.redone());
        assertTrue(r.truePeakDb() <= AudioMixer.MAX_TRUE_PEAK + 0.05, "true peak " + r.truePeakDb());
    }
}

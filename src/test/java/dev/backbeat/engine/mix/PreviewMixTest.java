package dev.backbeat.engine.mix;

import dev.backbeat.engine.media.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview's mix on generated tones: its layers add up, its settings (volume, ducking, the
 * clip's sound kept/lowered/replaced) move the levels as the export's would, it lands on the
 * export's loudness, and reading from any position gives the same samples as reading through.
 */
class PreviewMixTest {
    static final int RATE = AudioMixer.RATE;
    static final double SEC = 6;
    @TempDir
    Path dir;

    /** A 220 Hz tone as the music bed, 6 s. */
    static float[][] music() {
        int n = (int) (SEC * RATE);
        float[][] m = new float[2][n];
        for (int i = 0; i < n; i++) {
            m[0][i] = m[1][i] = (float) (0.2 * Math.sin(2 * Math.PI * 220 * i / RATE));
        }
        return m;
    }

    /** The clip's own sound: a 1 kHz tone in the f32 stereo form the reading pass writes. */
    Path clipSound(double seconds, double amplitude) throws IOException {
        return clipSound(seconds, amplitude, 0);
    }

    /** With {@code clicks} > 0: a 3 ms burst at that amplitude every quarter second (peaks for the limiter). */
    Path clipSound(double seconds, double amplitude, double clicks) throws IOException {
        int n = (int) (seconds * RATE);
        ByteBuffer b = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            float v = (float) (amplitude * Math.sin(2 * Math.PI * 1000 * i / RATE));
            if (clicks > 0 && i % (RATE / 4) < RATE * 3 / 1000) {
                v = (float) (clicks * Math.sin(2 * Math.PI * 3000 * i / RATE));
            }
            b.putFloat(v).putFloat(v);
        }
        return Files.write(dir.resolve("clip-" + seconds + "-" + amplitude + "-" + clicks + ".f32"), b.array());
    }

    PreviewMix mix(MixSettings s, List<DuckingEnvelope.Region> speech) throws Exception {
        ClipSounds sounds = new ClipSounds(List.of(new ClipSounds.Clip(clipSound(SEC, 0.1), 0, (long) (SEC * RATE))));
        return PreviewMix.prepare(music(), sounds, speech, s, Cancellation.none());
    }

    static float[][] read(PreviewMix m, PreviewMix.Layer layer, long from, int n) throws IOException {
        float[][] out = {new float[n], new float[n]};
        int done = 0;
        while (done < n) {
            float[][] part = {new float[1024], new float[1024]};
            int k = m.read(layer, from + done, part, Math.min(1024, n - done));
            if (k == 0) {
                break;
            }
            System.arraycopy(part[0], 0, out[0], done, k);
            System.arraycopy(part[1], 0, out[1], done, k);
            done += k;
        }
        return out;
    }

    static double rmsDb(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * x[i];
        }
        return 10 * Math.log10(s / (to - from) + 1e-20);
    }

    static int at(double sec) {
        return (int) (sec * RATE);
    }

    @Test
    void theMixIsTheMusicPlusTheClipsSound() throws Exception {
        PreviewMix m = mix(MixSettings.defaults().withTarget(-23), List.of(new DuckingEnvelope.Region(2, 3)));
        long from = at(1.5);
        int n = at(2);
        float[][] music = read(m, PreviewMix.Layer.MUSIC, from, n);
        float[][] clip = read(m, PreviewMix.Layer.CLIP, from, n);
        float[][] both = read(m, PreviewMix.Layer.MIX, from, n);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(both[0][i] - (music[0][i] + clip[0][i])));
            worst = Math.max(worst, Math.abs(both[1][i] - (music[1][i] + clip[1][i])));
        }
        assertTrue(worst < 1e-5, "the mix differs from music + clip by " + worst);
        assertTrue(rmsDb(music[0], 0, n) > -60 && rmsDb(clip[0], 0, n) > -60, "both layers sound");
    }

    @Test
    void itLandsOnTheExportsLoudnessAndNeverClips() throws Exception {
        PreviewMix m = mix(MixSettings.defaults(), List.of());
        float[][] all = read(m, PreviewMix.Layer.MIX, 0, (int) m.frames());
        LoudnessMeasure lm = new LoudnessMeasure(false);
        lm.accept(all[0], all[1], all[0].length);
        assertEquals(-14, lm.integratedLufs(), 0.5, "integrated loudness of the preview's mix");
        float peak = 0;
        for (float v : all[0]) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertTrue(peak <= Math.pow(10, -2.5 / 20) + 1e-4, "sample peak " + peak + " over the -2.5 dB ceiling");
    }

    @Test
    void volumeMovesTheMusicAgainstTheClipsSound() throws Exception {
        List<DuckingEnvelope.Region> none = List.of();
        double loud = musicOverClipDb(mix(MixSettings.defaults().withVolume(0.5).withTarget(-23), none), 4, 5);
        double soft = musicOverClipDb(mix(MixSettings.defaults().withVolume(0.25).withTarget(-23), none), 4, 5);
        assertEquals(-6.02, soft - loud, 0.1, "half the volume is 6 dB less music against the clip's sound");
    }

    @Test
    void theMusicDipsUnderSpeechOnlyWhenDuckingIsOn() throws Exception {
        List<DuckingEnvelope.Region> speech = List.of(new DuckingEnvelope.Region(2, 3.5));
        PreviewMix ducked = mix(MixSettings.defaults().withTarget(-23), speech);
        float[][] m = read(ducked, PreviewMix.Layer.MUSIC, 0, (int) ducked.frames());
        double dip = rmsDb(m[0], at(2.5), at(3.0)) - rmsDb(m[0], at(4.5), at(5.0));
        assertEquals(-12, dip, 0.5, "the music is 12 dB down while someone speaks");

        PreviewMix flat = mix(MixSettings.defaults().withTarget(-23).withDucking(false), speech);
        float[][] f = read(flat, PreviewMix.Layer.MUSIC, 0, (int) flat.frames());
        assertEquals(0, rmsDb(f[0], at(2.5), at(3.0)) - rmsDb(f[0], at(4.5), at(5.0)), 0.2, "no dip with ducking off");
    }

    @Test
    void theClipsSoundIsKeptLoweredOrReplaced() throws Exception {
        List<DuckingEnvelope.Region> none = List.of();
        MixSettings base = MixSettings.defaults().withTarget(-23);
        double kept = musicOverClipDb(mix(base, none), 4, 5);
        double lowered = musicOverClipDb(mix(base.withOriginal(MixSettings.Original.LOWER), none), 4, 5);
        assertEquals(10, lowered - kept, 0.2, "lowered: the clip's sound 10 dB down against the music");

        PreviewMix replaced = mix(base.withOriginal(MixSettings.Original.REPLACE), none);
        float[][] clip = read(replaced, PreviewMix.Layer.CLIP, 0, (int) replaced.frames());
        assertTrue(rmsDb(clip[0], 0, clip[0].length) < -150, "replaced: no clip sound at all");
    }

    @Test
    void aClipWithoutSoundIsSilenceAndAJumpReadsTheSameSamples() throws Exception {
        long half = (long) (3 * RATE);
        ClipSounds sounds = new ClipSounds(List.of(new ClipSounds.Clip(null, 0, half),
                new ClipSounds.Clip(clipSound(3, 0.1), half, half)));
        PreviewMix m = PreviewMix.prepare(music(), sounds, List.of(), MixSettings.defaults(), Cancellation.none());
        float[][] clip = read(m, PreviewMix.Layer.CLIP, 0, (int) m.frames());
        assertTrue(rmsDb(clip[0], 0, at(2.9)) < -150, "the first clip has no sound");
        assertTrue(rmsDb(clip[0], at(3.1), at(5.5)) > -40, "the second one has");

        float[][] through = read(m, PreviewMix.Layer.MIX, 0, (int) m.frames());
        float[][] jumped = read(m, PreviewMix.Layer.MIX, at(4.2), 4096);
        for (int i = 0; i < 4096; i++) {
            assertEquals(through[0][at(4.2) + i], jumped[0][i], 1e-6, "sample " + i + " after a jump");
        }
    }

    @Test
    void itIsWhatTheExportFeedsItsEncoder() throws Exception {
        // loud enough that the limiter works: the two must agree there too
        Path pcm = clipSound(SEC, 0.1, 0.9);
        dev.backbeat.engine.media.ClipInfo info = new dev.backbeat.engine.media.ClipInfo(dir.resolve("clip.mp4"), "mp4", SEC,
                "h264", 320, 180, 0, 25, 25, false, 150, true, "aac", 48_000, 2, "yuv420p");
        List<DuckingEnvelope.Region> speech = List.of(new DuckingEnvelope.Region(1.0, 2.2));
        MixSettings s = MixSettings.defaults().withVolume(0.6).withOriginal(MixSettings.Original.LOWER);
        java.io.ByteArrayOutputStream fed = new java.io.ByteArrayOutputStream();
        try (AudioMixer.Mixed export = new AudioMixer(null).mix(List.of(info), c -> pcm, music(), speech, s, dir, null,
                dev.backbeat.engine.media.Progress.none(), Cancellation.none())) {
            export.feed(fed);
        }
        java.nio.FloatBuffer exported = ByteBuffer.wrap(fed.toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();

        PreviewMix preview = PreviewMix.prepare(music(), new ClipSounds(List.of(new ClipSounds.Clip(pcm, 0, (long) (SEC * RATE)))),
                speech, s, Cancellation.none());
        float[][] mine = read(preview, PreviewMix.Layer.MIX, 0, (int) preview.frames());
        assertEquals(exported.remaining() / 2, mine[0].length, "as many frames");
        double worst = 0;
        float peak = 0;
        for (int i = 0; i < mine[0].length; i++) {
            worst = Math.max(worst, Math.abs(exported.get(2 * i) - mine[0][i]));
            worst = Math.max(worst, Math.abs(exported.get(2 * i + 1) - mine[1][i]));
            peak = Math.max(peak, Math.abs(mine[0][i]));
        }
        assertTrue(peak > 0.7, "the limiter was at work (peak " + peak + ")");
        assertTrue(worst < 1e-4, "the preview's mix differs from the export's by " + worst);
    }

    private static double musicOverClipDb(PreviewMix m, double from, double to) throws IOException {
        float[][] music = read(m, PreviewMix.Layer.MUSIC, at(from), at(to - from));
        float[][] clip = read(m, PreviewMix.Layer.CLIP, at(from), at(to - from));
        return rmsDb(music[0], 0, music[0].length) - rmsDb(clip[0], 0, clip[0].length);
    }
}

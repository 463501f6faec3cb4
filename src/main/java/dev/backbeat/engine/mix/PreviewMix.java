package dev.backbeat.engine.mix;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.MediaException;

import java.io.IOException;
import java.util.List;

/**
 * The export's mix, made on the fly for the player: readable from any position, a block at a
 * time, with nothing held but the music (already in memory) and open handles on the clips' decoded
 * sound. The sample formula is the export's (music × volume × ducking, the clip's sound × its
 * gain, short fades at both ends and at joins) and so is the loudness gain, worked out once by the
 * export's own limiter model; a light limiter on each layer keeps the played sound from clipping.
 */
public final class PreviewMix {
    private static final int RATE = AudioMixer.RATE;

    /** What {@link #read} gives: the music as mixed, the clip's own sound as mixed, or both through the limiter. */
    public enum Layer { MUSIC, CLIP, MIX }

    private final float[][] music;
    private final ClipSounds sounds;
    private final long frames;
    private final float musicGain;
    private final float originalGain;
    private final boolean useOriginal;
    private final DuckingEnvelope duck;
    private final long[] joins;
    private final double ceilingDb;
    private double gainDb;
    private float gain;
    private final LayerCursor[] cursors = new LayerCursor[Layer.values().length];
    private float[][] scratch = new float[4][0];

    private PreviewMix(float[][] music, ClipSounds sounds, long frames, double musicGainDb, double originalGainDb,
                       boolean useOriginal, DuckingEnvelope duck, long[] joins, double ceilingDb) {
        this.music = music;
        this.sounds = sounds;
        this.frames = frames;
        this.musicGain = (float) Math.pow(10, musicGainDb / 20);
        this.originalGain = (float) Math.pow(10, originalGainDb / 20);
        this.useOriginal = useOriginal;
        this.duck = duck;
        this.joins = joins;
        this.ceilingDb = ceilingDb;
    }

    /**
     * Prepares the mix of {@code music} under the clips' own sound (shared, not closed here) and
     * works out the export's loudness gain in one pass.
     */
    public static PreviewMix prepare(float[][] music, ClipSounds sounds, List<DuckingEnvelope.Region> speech,
                                     MixSettings s, Cancellation cancel) throws IOException, MediaException {
        long frames = sounds.frames();
        double duration = frames / (double) RATE;
        boolean useOriginal = sounds.anySound() && s.original() != MixSettings.Original.REPLACE;
        PreviewMix mix = new PreviewMix(music, sounds, frames, AudioMixer.musicGainDb(music, s),
                s.original() == MixSettings.Original.LOWER ? s.originalGainDb() : 0, useOriginal,
                AudioMixer.duck(speech, duration, s, useOriginal), sounds.joins(), s.ceilingDb());
        mix.measure(s.targetLufs(), cancel);
        return mix;
    }

    /** The export's way to the loudness target: one pass over the unscaled mix through the limiter model. */
    private void measure(double targetLufs, Cancellation cancel) throws IOException, MediaException {
        LimiterModel model = new LimiterModel();
        int block = 16_384;
        float[][] buf = {new float[block], new float[block], new float[block], new float[block]};
        float[] l = new float[block];
        float[] r = new float[block];
        for (long pos = 0; pos < frames; pos += block) {
            cancel.throwIfCancelled();
            int n = (int) Math.min(block, frames - pos);
            unscaled(pos, n, buf);
            for (int i = 0; i < n; i++) {
                l[i] = buf[0][i] + buf[2][i];
                r[i] = buf[1][i] + buf[3][i];
            }
            model.accept(l, r, n);
        }
        gainDb = model.gainFor(targetLufs, ceilingDb, AudioMixer.RELEASE_SEC, AudioMixer.MAX_BOOST_DB);
        gain = (float) Math.pow(10, gainDb / 20);
    }

    /** The length in frames (48 kHz). */
    public long frames() {
        return frames;
    }

    /** The loudness gain the export would apply, in dB. */
    public double gainDb() {
        return gainDb;
    }

    /**
     * Fills {@code out[0]} and {@code out[1]} with up to {@code n} frames of {@code layer} from
     * {@code from}; returns how many (0 at the end). Reading on from where the last read of the
     * same layer ended continues its limiter; a jump starts it afresh.
     */
    public synchronized int read(Layer layer, long from, float[][] out, int n) throws IOException {
        if (from < 0 || from >= frames || n <= 0) {
            return 0;
        }
        int count = (int) Math.min(n, frames - from);
        LayerCursor c = cursors[layer.ordinal()];
        if (c == null || c.next != from) {
            c = new LayerCursor(new PeakLimiter(ceilingDb, RATE, AudioMixer.RELEASE_SEC));
            cursors[layer.ordinal()] = c;
            // the limiter looks ahead: prime it so its first output is the frame asked for
            int lat = c.limiter.latency();
            float[] pl = new float[lat];
            float[] pr = new float[lat];
            layer(layer, from, lat, pl, pr);
            c.limiter.process(pl, pr, lat);
        }
        int lat = c.limiter.latency();
        layer(layer, from + lat, count, out[0], out[1]);
        c.limiter.process(out[0], out[1], count);
        c.next = from + count;
        return count;
    }

    /** One layer, scaled to the export's loudness, before the limiter; silence past the end. */
    private void layer(Layer layer, long from, int n, float[] l, float[] r) throws IOException {
        int k = (int) Math.max(0, Math.min(n, frames - from));
        if (scratch[0].length < n) {
            scratch = new float[][] {new float[n], new float[n], new float[n], new float[n]};
        }
        if (k > 0) {
            unscaled(from, k, scratch);
        }
        for (int i = 0; i < n; i++) {
            if (i >= k) {
                l[i] = 0;
                r[i] = 0;
                continue;
            }
            float a = layer == Layer.CLIP ? 0 : scratch[0][i];
            float b = layer == Layer.CLIP ? 0 : scratch[1][i];
            if (layer != Layer.MUSIC) {
                a += scratch[2][i];
                b += scratch[3][i];
            }
            l[i] = a * gain;
            r[i] = b * gain;
        }
    }

    /** The unscaled music and clip sound (as the export's mixer makes them) into out[0..1] and out[2..3]. */
    private void unscaled(long pos, int n, float[][] out) throws IOException {
        if (useOriginal) {
            sounds.read(pos, n, out[2], out[3]);
        } else {
            java.util.Arrays.fill(out[2], 0, n, 0f);
            java.util.Arrays.fill(out[3], 0, n, 0f);
        }
        long fadeIn = RATE / 50;
        long fadeOut = RATE / 20;
        int mLen = Math.min(music[0].length, music[1].length);
        for (int i = 0; i < n; i++) {
            long t = pos + i;
            float g = musicGain * duck.gainAt(t / (double) RATE);
            float ml = t < mLen ? music[0][(int) t] * g : 0;
            float mr = t < mLen ? music[1][(int) t] * g : 0;
            float j = joins.length == 0 ? originalGain : originalGain * joinFade(t);
            float ol = out[2][i] * j;
            float or = out[3][i] * j;
            if (t < fadeIn || frames - t < fadeOut) {
                float edge = t < fadeIn ? t / (float) fadeIn : (frames - t) / (float) fadeOut;
                ml *= edge;
                mr *= edge;
                ol *= edge;
                or *= edge;
            }
            out[0][i] = ml;
            out[1][i] = mr;
            out[2][i] = ol;
            out[3][i] = or;
        }
    }

    /** The clips' own sound fades out and in over 10 ms where one clip meets the next, as in the export. */
    private float joinFade(long t) {
        long nearest = Long.MAX_VALUE;
        for (long j : joins) {
            nearest = Math.min(nearest, Math.abs(t - j));
        }
        long len = RATE / 100;
        return nearest >= len ? 1f : nearest / (float) len;
    }

    private static final class LayerCursor {
        final PeakLimiter limiter;
        long next = -1;

        LayerCursor(PeakLimiter limiter) {
            this.limiter = limiter;
        }
    }
}

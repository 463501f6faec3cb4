package dev.backbeat.service.local;

import dev.backbeat.engine.mix.PreviewMix;
import dev.backbeat.service.preview.PreviewSound;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The local engine's preview mix behind the service's {@link PreviewSound}. */
final class LocalPreviewSound implements PreviewSound {
    private final PreviewMix mix;
    /** What it was made from, so an unchanged mix is not made again. */
    private final Object music;
    private final dev.backbeat.engine.mix.MixSettings settings;
    private final Object clips;

    LocalPreviewSound(PreviewMix mix, Object music, dev.backbeat.engine.mix.MixSettings settings, Object clips) {
        this.mix = mix;
        this.music = music;
        this.settings = settings;
        this.clips = clips;
    }

    /** Whether this is the mix of that very piece, with those settings, over those clips' sound. */
    boolean madeFrom(Object piece, dev.backbeat.engine.mix.MixSettings s, Object clipSounds) {
        return music == piece && clips == clipSounds && settings.equals(s);
    }

    @Override
    public long frames() {
        return mix.frames();
    }

    @Override
    public int read(Layer layer, long from, float[][] out, int n) {
        try {
            return mix.read(PreviewMix.Layer.valueOf(layer.name()), from, out, n);
        } catch (IOException e) {
            // the clip's decoded sound went missing under us (a cleaned temporary folder): say so where it is read
            throw new UncheckedIOException("The clip's sound could not be read for the preview: " + e.getMessage(), e);
        }
    }

    /** The loudness gain the export would apply, in dB (for the benchmark and tests). */
    double gainDb() {
        return mix.gainDb();
    }
}

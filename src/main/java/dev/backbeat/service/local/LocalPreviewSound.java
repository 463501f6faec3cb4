package dev.backbeat.service.local;

import dev.backbeat.engine.mix.PreviewMix;
import dev.backbeat.service.preview.PreviewSound;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The local engine's preview mix behind the service's {@link PreviewSound}. */
final class LocalPreviewSound implements PreviewSound {
    private final PreviewMix mix;

    LocalPreviewSound(PreviewMix mix) {
        this.mix = mix;
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

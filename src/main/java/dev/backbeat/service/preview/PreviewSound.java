package dev.backbeat.service.preview;

/**
 * The preview's sound, 48 kHz stereo float, read from any position without holding the whole mix:
 * the music as it is mixed (at the chosen volume, ducked under speech) and the clip's own sound as
 * it is mixed (kept, lowered or replaced as set), both at the export's loudness gain. Reading
 * {@link Layer#MIX} gives what the export would hold, up to its encoder. Safe to read from one
 * thread at a time per instance.
 */
public interface PreviewSound {
    int RATE = 48_000;

    enum Layer { MUSIC, CLIP, MIX }

    /** The length in frames. */
    long frames();

    /**
     * Fills {@code out[0]} (left) and {@code out[1]} (right) from index 0 with up to {@code n}
     * frames starting at frame {@code from}; returns how many were written (0 at or past the end).
     */
    int read(Layer layer, long from, float[][] out, int n);
}

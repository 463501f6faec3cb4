package dev.backbeat.engine.song;

/**
 * A decoded and analysed song: its samples on disk, its grid, and for each bar of the grid a
 * feature vector (chroma, loudness, onset strength) the fitter compares when it picks joins, and the
 * loudness of every analysis frame (RMS, one per {@link OnsetEnvelope#HOP} samples) for songs
 * without a beat, which are joined where they are quietest.
 */
public record Song(SongDecoder.Decoded decoded, SongGrid grid, double[][] barFeatures, float[] frameRms) {

    public String name() {
        return decoded.name();
    }
}

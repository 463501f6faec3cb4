package dev.backbeat.engine.song;

/**
 * A decoded and analysed song: its samples on disk, its grid, and for each bar of the grid a
 * feature vector (chroma, loudness, onset strength) the fitter compares when it picks joins.
 */
public record Song(SongDecoder.Decoded decoded, SongGrid grid, double[][] barFeatures) {

    public String name() {
        return decoded.name();
    }
}

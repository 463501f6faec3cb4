package dev.backbeat.engine.mix;

/**
 * How the music and the clip's own sound are mixed.
 *
 * @param musicVolume    the music's level, 0-1, relative to a music bed at the target loudness
 * @param original       what to do with the clip's own sound
 * @param originalGainDb the gain on the clip's own sound when {@code original} is LOWER
 * @param ducking        whether the music dips under speech
 * @param duckDb         how far it dips (at least 8 dB)
 * @param targetLufs     integrated loudness of the mix (-14, -16 or -23)
 * @param ceilingDb      the highest true peak after limiting, in dBTP, with room for the AAC encoder
 */
public record MixSettings(double musicVolume, Original original, double originalGainDb, boolean ducking,
                          double duckDb, double targetLufs, double ceilingDb) {

    public enum Original { KEEP, LOWER, REPLACE }

    public MixSettings {
        if (musicVolume < 0 || musicVolume > 1) {
            throw new IllegalArgumentException("music volume must be 0-100%");
        }
        duckDb = Math.max(8, Math.abs(duckDb));
    }

    public static MixSettings defaults() {
        return new MixSettings(0.35, Original.KEEP, -10, true, 12, -14, -2.5);
    }

    public MixSettings withVolume(double v) {
        return new MixSettings(v, original, originalGainDb, ducking, duckDb, targetLufs, ceilingDb);
    }

    public MixSettings withOriginal(Original o) {
        return new MixSettings(musicVolume, o, originalGainDb, ducking, duckDb, targetLufs, ceilingDb);
    }

    public MixSettings withDucking(boolean on) {
        return new MixSettings(musicVolume, original, originalGainDb, on, duckDb, targetLufs, ceilingDb);
    }

    public MixSettings withTarget(double lufs) {
        return new MixSettings(musicVolume, original, originalGainDb, ducking, duckDb, lufs, ceilingDb);
    }
}

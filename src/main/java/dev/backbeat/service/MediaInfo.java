package dev.backbeat.service;

/**
 * A clip the back end holds. {@code source} is a local path or a URL; numbers are 0 where unknown.
 * {@code thumbnail} is a local image of a frame (or empty), {@code mood} one line on what the
 * footage reads as ("bright, cuts every 1.8 s → energetic, happy"), empty where unknown.
 */
public record MediaInfo(String name, String source, String kind, long durationMs,
                        int width, int height, double fps, boolean hasAudio, String thumbnail, String mood) {

    public MediaInfo {
        thumbnail = thumbnail == null ? "" : thumbnail;
        mood = mood == null ? "" : mood;
    }

    public MediaInfo(String name, String source, String kind, long durationMs, int width, int height, double fps,
                     boolean hasAudio) {
        this(name, source, kind, durationMs, width, height, fps, hasAudio, "", "");
    }
}

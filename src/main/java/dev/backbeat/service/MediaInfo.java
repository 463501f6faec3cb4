package dev.backbeat.service;

/**
 * A clip the back end holds. {@code source} is a local path or a URL; numbers are 0 where unknown.
 */
public record MediaInfo(String name, String source, String kind, long durationMs,
                        int width, int height, double fps, boolean hasAudio) {
}

package dev.backbeat.service.preview;

import java.nio.file.Path;

/**
 * A clip placed on the timeline: its file, where it starts on the timeline, its length, its
 * picture size (rotation applied) and frame rate, and a preview frame (a local image, or empty).
 */
public record PreviewClip(String name, Path path, double startSec, double durationSec, int width, int height,
                          double fps, boolean hasAudio, String thumbnail) {

    public double endSec() {
        return startSec + durationSec;
    }
}

package dev.backbeat.engine.photo;

import java.nio.file.Path;

/**
 * A photo as probed: its stored size, its EXIF orientation, and for an animated GIF its frames
 * and the length of one loop.
 *
 * @param orientation EXIF orientation 1-8 (1: stored upright)
 * @param frames      pictures in the file (more than 1: animated)
 * @param loopSec     one loop of an animation, 0 for a still picture
 */
public record Still(Path path, String codec, int width, int height, int orientation, long frames, double loopSec) {

    public boolean animated() {
        return frames > 1;
    }

    /** Width as the viewer sees it (EXIF turns applied). */
    public int uprightWidth() {
        return ExifOrientation.swapsSides(orientation) ? height : width;
    }

    public int uprightHeight() {
        return ExifOrientation.swapsSides(orientation) ? width : height;
    }

    public String name() {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }
}

package dev.backbeat.engine.media;

import dev.backbeat.engine.Fixtures;

import java.nio.file.Path;

/** A generated clip whose frame number can be read from its pixels: frame N has luma 16 + 2N. */
public final class NumberedClip {
    private NumberedClip() {
    }

    /** 25 fps, 4 s, 320×180, lossless, a key frame every 2 s (so a seek must decode forward to land). */
    public static Path make(Path dir) {
        return Fixtures.make(dir.resolve("numbered.mp4"), "-f", "lavfi", "-i",
                "nullsrc=s=320x180:r=25:d=4,geq=lum='16+2*N':cb=128:cr=128",
                "-c:v", "libx264", "-qp", "0", "-g", "50", "-pix_fmt", "yuv420p");
    }

    /** The frame number a picture shows, read from its middle pixel (packed RGB). */
    public static int frameNumber(byte[] rgb, int width, int height) {
        int i = ((height / 2) * width + width / 2) * 3;
        double g = ((rgb[i] & 0xff) + (rgb[i + 1] & 0xff) + (rgb[i + 2] & 0xff)) / 3.0;
        double luma = 16 + g * 219 / 255;
        return (int) Math.round((luma - 16) / 2);
    }
}

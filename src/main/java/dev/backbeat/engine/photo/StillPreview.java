package dev.backbeat.engine.photo;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.TempFiles;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A photo as the export shows it, for the player: drawn once onto its canvas at preview size
 * (upright, fitted by blurred fill or crop, with the zoom's margin), then each frame the Ken Burns
 * window of that moment cut out of the canvas and scaled to the frame, as FFmpeg's zoompan does in
 * the export. Cheap enough for 30 frames a second at preview size.
 */
public final class StillPreview {
    private final FfmpegRunner runner;

    public StillPreview(FfmpegRunner runner) {
        this.runner = runner;
    }

    /**
     * One photo on the timeline as the export will draw it.
     *
     * @param index  its place in its run of photos (the motion changes photo by photo)
     * @param frames how many frames it is held for at {@link #FPS}
     */
    public record Look(Still still, int index, int frames, boolean zoom, StillFit fit) {
        public double margin() {
            return zoom ? SlideshowRenderer.MARGIN : 1.0;
        }
    }

    /** The frame rate photos are drawn at, in the export and here. */
    public static final int FPS = 30;

    /** The photo drawn on its canvas for frames of {@code width}×{@code height}: packed RGB, {@code w}×{@code h}. */
    public record Canvas(int w, int h, int[] rgb) {
    }

    public Canvas canvas(Look look, int width, int height, Cancellation cancel) throws MediaException {
        Path png = null;
        try {
            png = TempFiles.file("preview-canvas", ".png");
            new StillCanvas(runner).draw(look.still(), width, height, look.fit(), look.margin(), png, cancel);
            BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
            if (img == null) {
                throw StillProbe.damaged(look.still().name());
            }
            int w = img.getWidth();
            int h = img.getHeight();
            return new Canvas(w, h, img.getRGB(0, 0, w, h, null, 0, w));
        } catch (IOException e) {
            throw new MediaException(MediaException.Kind.FAILED, "The photo could not be drawn for the preview: " + e.getMessage(), e);
        } finally {
            if (png != null) {
                try {
                    Files.deleteIfExists(png);
                } catch (IOException ignored) {
                    // a stray temporary picture is swept at the next start
                }
            }
        }
    }

    /** Frame {@code on} of the photo's hold: the window of that moment, scaled to {@code width}×{@code height}, as RGB24. */
    public static byte[] frame(Canvas c, Look look, int on, int width, int height) {
        KenBurns.Window win = KenBurns.window(look.index(), look.frames(), Math.max(0, Math.min(on, look.frames() - 1)),
                look.margin());
        double ww = c.w() / win.zoom();
        double wh = c.h() / win.zoom();
        double x0 = (c.w() - ww) * win.fx();
        double y0 = (c.h() - wh) * win.fy();
        double sx = ww / width;
        double sy = wh / height;
        byte[] out = new byte[width * height * 3];
        int[] px = c.rgb();
        int cw = c.w();
        int ch = c.h();
        int o = 0;
        for (int y = 0; y < height; y++) {
            double fy = y0 + (y + 0.5) * sy - 0.5;
            int yi = (int) Math.floor(fy);
            double ty = fy - yi;
            int ya = Math.max(0, Math.min(ch - 1, yi));
            int yb = Math.max(0, Math.min(ch - 1, yi + 1));
            for (int x = 0; x < width; x++) {
                double fx = x0 + (x + 0.5) * sx - 0.5;
                int xi = (int) Math.floor(fx);
                double tx = fx - xi;
                int xa = Math.max(0, Math.min(cw - 1, xi));
                int xb = Math.max(0, Math.min(cw - 1, xi + 1));
                int p00 = px[ya * cw + xa];
                int p01 = px[ya * cw + xb];
                int p10 = px[yb * cw + xa];
                int p11 = px[yb * cw + xb];
                for (int shift = 16; shift >= 0; shift -= 8) {
                    double top = ((p00 >> shift) & 255) * (1 - tx) + ((p01 >> shift) & 255) * tx;
                    double bottom = ((p10 >> shift) & 255) * (1 - tx) + ((p11 >> shift) & 255) * tx;
                    out[o++] = (byte) (int) Math.round(top * (1 - ty) + bottom * ty);
                }
            }
        }
        return out;
    }
}

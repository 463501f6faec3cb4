package dev.backbeat.engine.photo;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Draws a photo once into the picture the slideshow moves over: turned upright by its EXIF
 * orientation, fitted to the frame's shape (over a blurred copy of itself, or cropped), a little
 * larger than the frame so the pan and zoom never run out of picture. FFmpeg decodes and scales:
 * a 100-megapixel photo never becomes a Java image, and what comes out is frame-sized.
 */
public final class StillCanvas {
    private final FfmpegRunner runner;

    public StillCanvas(FfmpegRunner runner) {
        this.runner = runner;
    }

    /** The canvas's size for a frame and a zoom margin (1 = no room to move), even numbers. */
    public static int[] size(int width, int height, double margin) {
        return new int[] {even(width * margin), even(height * margin)};
    }

    public void draw(Still still, int width, int height, StillFit fit, double margin, Path out, Cancellation cancel)
            throws MediaException {
        int[] wh = size(width, height, margin);
        List<String> args = List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error", "-noautorotate",
                "-i", MediaProbe.ffmpegInput(still.path()), "-frames:v", "1", "-filter_complex",
                graph("[0:v]", still.orientation(), wh[0], wh[1], fit, "[out]", ""), "-map", "[out]", "-update", "1", "-f", "image2",
                "-c:v", "png", "-compression_level", "1", "-y", out.toString());
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, args, null, 0, Progress.none(), cancel, 60, List.of(out));
        if (r.exitCode() != 0) {
            throw StillProbe.damaged(still.name());
        }
    }

    /**
     * The filter graph from {@code in} to {@code out}: upright, then fitted to {@code w}×{@code h};
     * {@code tag} keeps its inner labels apart from another copy in the same graph.
     */
    static String graph(String in, int orientation, int w, int h, StillFit fit, String out, String tag) {
        String upright = ExifOrientation.uprightFilter(orientation);
        String head = in + (upright.isEmpty() ? "" : upright + ",") + "format=rgb24";
        if (fit == StillFit.CROP) {
            return head + String.format(Locale.ROOT,
                    ",scale=%d:%d:force_original_aspect_ratio=increase:flags=bicubic,crop=%d:%d,setsar=1", w, h, w, h) + out;
        }
        // the blur is made small and stretched: as soft as a large blur, for a fraction of its work
        int bw = even(w / 8.0);
        int bh = even(h / 8.0);
        String a = "[a" + tag + "]";
        String b = "[b" + tag + "]";
        String bg = "[bg" + tag + "]";
        String fg = "[fg" + tag + "]";
        return head + ",split" + a + b + ";"
                + a + String.format(Locale.ROOT, "scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,gblur=sigma=6,"
                        + "eq=brightness=-0.06,scale=%d:%d,setsar=1", bw, bh, bw, bh, w, h) + bg + ";"
                + b + String.format(Locale.ROOT, "scale=%d:%d:force_original_aspect_ratio=decrease:flags=bicubic,setsar=1", w, h)
                + fg + ";" + bg + fg + "overlay=(W-w)/2:(H-h)/2,format=rgb24" + out;
    }

    static int even(double v) {
        return Math.max(2, 2 * (int) Math.round(v / 2));
    }
}

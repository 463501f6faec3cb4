package dev.backbeat.engine.mix;

import dev.backbeat.engine.media.ClipInfo;

import java.util.Locale;

/**
 * The output picture: its size for the chosen aspect (16:9 → 1920×1080, 9:16 → 1080×1920,
 * 1:1 → 1080×1080), and whether the source's video stream can be copied untouched.
 */
public record FramePlan(int width, int height, boolean copy, String reason) {

    public enum Fit { PAD, CROP }

    /** "auto" picks the aspect nearest to the clip's own. */
    public static String resolveAspect(String aspect, ClipInfo clip) {
        if (aspect != null && !aspect.isBlank() && !aspect.equalsIgnoreCase("auto")) {
            return aspect;
        }
        double r = clip.displayWidth() / (double) Math.max(1, clip.displayHeight());
        return r > 1.2 ? "16:9" : r < 0.83 ? "9:16" : "1:1";
    }

    /** The output frame for an aspect: {width, height}. */
    public static int[] size(String aspect) {
        return switch (aspect) {
            case "9:16" -> new int[] {1080, 1920};
            case "1:1" -> new int[] {1080, 1080};
            case "16:9" -> new int[] {1920, 1080};
            default -> throw new IllegalArgumentException("Choose the aspect 16:9, 9:16 or 1:1 (not " + aspect + ").");
        };
    }

    /** Several clips joined: always drawn anew into one frame. */
    public static FramePlan joined(int clips, String aspect) {
        int[] wh = size(aspect);
        return new FramePlan(wh[0], wh[1], false, "re-encoded: " + clips + " clips joined into " + aspect);
    }

    public static FramePlan of(ClipInfo clip, String aspect, boolean titles) {
        int[] wh = size(aspect);
        int w = wh[0];
        int h = wh[1];
        String codec = clip.videoCodec() == null ? "" : clip.videoCodec().toLowerCase(Locale.ROOT);
        double sourceRatio = clip.displayWidth() / (double) Math.max(1, clip.displayHeight());
        double targetRatio = w / (double) h;
        String why;
        if (!codec.equals("h264")) {
            why = "re-encoded: the clip is " + (codec.isEmpty() ? "not H.264" : codec.toUpperCase(Locale.ROOT)) + ", MP4 players want H.264";
        } else if (clip.pixelFormat() != null && !clip.pixelFormat().matches("yuvj?420p")) {
            why = "re-encoded: the clip's " + clip.pixelFormat() + " pictures do not play everywhere; MP4 wants 8-bit 4:2:0";
        } else if (titles) {
            why = "re-encoded: titles are drawn onto the picture";
        } else if (clip.rotation() != 0) {
            why = "re-encoded: the clip is stored rotated " + clip.rotation() + "°";
        } else if (Math.abs(sourceRatio / targetRatio - 1) > 0.01) {
            why = "re-encoded: " + clip.displayWidth() + "×" + clip.displayHeight() + " reframed to " + aspect;
        } else if (clip.displayHeight() > h || clip.displayWidth() > w) {
            why = "re-encoded: " + clip.displayWidth() + "×" + clip.displayHeight() + " scaled down to " + w + "×" + h;
        } else {
            return new FramePlan(clip.displayWidth(), clip.displayHeight(), true,
                    "video copied untouched (already H.264 " + clip.displayWidth() + "×" + clip.displayHeight() + ")");
        }
        return new FramePlan(w, h, false, why);
    }

    /** The scale-and-pad (or crop) filter that fits the picture into the frame. */
    public String fitFilter(Fit fit) {
        if (fit == Fit.CROP) {
            return "scale=" + width + ":" + height + ":force_original_aspect_ratio=increase,crop=" + width + ":" + height
                    + ",setsar=1,format=yuv420p";
        }
        return "scale=" + width + ":" + height + ":force_original_aspect_ratio=decrease,pad=" + width + ":" + height
                + ":(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,format=yuv420p";
    }
}

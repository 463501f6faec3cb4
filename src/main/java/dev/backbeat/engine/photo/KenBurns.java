package dev.backbeat.engine.photo;

import java.util.Locale;

/**
 * The slow move over a photo, as FFmpeg's zoompan: photo by photo it zooms in, zooms out, or zooms
 * in while drifting across, so a run of stills does not repeat one motion. The zoom never passes
 * the canvas's margin, where one canvas pixel meets one frame pixel, so nothing is blown up soft.
 */
final class KenBurns {
    private KenBurns() {
    }

    /** zoompan over a canvas {@code margin} times the frame, for {@code frames} frames of photo number {@code index}. */
    static String zoompan(int index, int frames, int width, int height, int fps, double margin) {
        String size = width + "x" + height;
        if (margin <= 1.0001) {
            return String.format(Locale.ROOT, "zoompan=z=1:x=0:y=0:d=%d:s=%s:fps=%d", frames, size, fps);
        }
        double reach = margin - 1;
        String progress = String.format(Locale.ROOT, "(on/%d)", Math.max(1, frames - 1));
        int kind = Math.floorMod(index, 4);
        String zoom = kind == 1
                ? String.format(Locale.ROOT, "%.4f-%.4f*%s", 1 + reach, reach, progress)
                : String.format(Locale.ROOT, "1+%.4f*%s", reach, progress);
        // where the window sits in the room the zoom leaves: centred, or drifting one way
        String fx = kind == 2 ? "(0.2+0.6*" + progress + ")" : kind == 3 ? "(0.8-0.6*" + progress + ")" : "0.5";
        return String.format(Locale.ROOT, "zoompan=z='%s':x='(iw-iw/zoom)*%s':y='(ih-ih/zoom)*0.5':d=%d:s=%s:fps=%d",
                zoom, fx, frames, size, fps);
    }

    /** Where the window over the canvas is at one frame: its zoom (1 = the whole canvas) and its place in the room left (0-1). */
    record Window(double zoom, double fx, double fy) {
    }

    /**
     * The window of {@link #zoompan} at output frame {@code on}: the same motion, worked out in Java
     * for the preview (the two are checked against each other in a test).
     */
    static Window window(int index, int frames, int on, double margin) {
        if (margin <= 1.0001) {
            return new Window(1, 0, 0);
        }
        double reach = margin - 1;
        double progress = on / (double) Math.max(1, frames - 1);
        int kind = Math.floorMod(index, 4);
        double zoom = kind == 1 ? 1 + reach - reach * progress : 1 + reach * progress;
        double fx = kind == 2 ? 0.2 + 0.6 * progress : kind == 3 ? 0.8 - 0.6 * progress : 0.5;
        return new Window(zoom, fx, 0.5);
    }
}

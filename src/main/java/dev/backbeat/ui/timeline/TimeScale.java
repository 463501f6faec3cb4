package dev.backbeat.ui.timeline;

/**
 * Which part of the timeline is in view and how wide a second is: time to x and back, zoom about
 * a point, scroll, fit, and following the playhead. Plain maths, so it is tested without a screen.
 * A timeline shorter than {@link #MIN_SPAN_SEC} is drawn over that span so a short clip stays readable.
 */
public final class TimeScale {
    static final double MIN_SPAN_SEC = 10;
    /** The closest zoom: a beat at 120 BPM is 250 px wide. */
    static final double MAX_PX_PER_SEC = 500;

    private double durationSec;
    private double widthPx = 800;
    private double pxPerSec;
    private double startSec;
    private boolean fitted = true;

    public TimeScale() {
        fit();
    }

    /** The length drawn: the timeline's, at least {@link #MIN_SPAN_SEC}. */
    public double spanSec() {
        return Math.max(MIN_SPAN_SEC, durationSec);
    }

    public double durationSec() {
        return durationSec;
    }

    /** A new timeline length; a fitted view stays fitted, a zoomed one keeps its zoom. */
    public void setDuration(double sec) {
        durationSec = Math.max(0, sec);
        if (fitted) {
            fit();
        } else {
            pxPerSec = clampZoom(pxPerSec);
            startSec = clampStart(startSec);
        }
    }

    public void setWidth(double px) {
        widthPx = Math.max(1, px);
        if (fitted) {
            fit();
        } else {
            pxPerSec = clampZoom(pxPerSec);
            startSec = clampStart(startSec);
        }
    }

    public double widthPx() {
        return widthPx;
    }

    public double pxPerSec() {
        return pxPerSec;
    }

    /** The time at the left edge. */
    public double startSec() {
        return startSec;
    }

    /** The time at the right edge. */
    public double endSec() {
        return startSec + visibleSec();
    }

    public double visibleSec() {
        return widthPx / pxPerSec;
    }

    public boolean isFitted() {
        return fitted;
    }

    public double x(double sec) {
        return (sec - startSec) * pxPerSec;
    }

    public double sec(double x) {
        return startSec + x / pxPerSec;
    }

    /** The whole timeline in view. */
    public void fit() {
        pxPerSec = widthPx / spanSec();
        startSec = 0;
        fitted = true;
    }

    /** Zooms by {@code factor} (above 1 is closer) keeping the time under {@code anchorX} where it is. */
    public void zoom(double factor, double anchorX) {
        double anchor = sec(anchorX);
        double next = clampZoom(pxPerSec * factor);
        if (next <= fitPxPerSec() * 1.0001) {
            fit();
            return;
        }
        pxPerSec = next;
        fitted = false;
        startSec = clampStart(anchor - anchorX / pxPerSec);
    }

    /** Scrolls so that {@code sec} is at the left edge (as far as the timeline allows). */
    public void scrollTo(double sec) {
        startSec = clampStart(sec);
    }

    public void scrollByPx(double px) {
        scrollTo(startSec + px / pxPerSec);
    }

    /** The most the left edge can be scrolled to. */
    public double maxStartSec() {
        return Math.max(0, spanSec() - visibleSec());
    }

    /**
     * Keeps a playing playhead in view: when it leaves, the view turns a page so that the playhead
     * is a tenth of the way in. Returns whether the view moved.
     */
    public boolean follow(double sec) {
        if (sec >= startSec && sec <= endSec() - visibleSec() * 0.02) {
            return false;
        }
        double before = startSec;
        startSec = clampStart(sec - visibleSec() * 0.1);
        return startSec != before;
    }

    private double fitPxPerSec() {
        return widthPx / spanSec();
    }

    private double clampZoom(double px) {
        return Math.max(fitPxPerSec(), Math.min(MAX_PX_PER_SEC, px));
    }

    private double clampStart(double sec) {
        return Math.max(0, Math.min(maxStartSec(), sec));
    }
}

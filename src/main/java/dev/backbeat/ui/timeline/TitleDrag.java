package dev.backbeat.ui.timeline;

/**
 * A title grabbed on its lane: by its body it moves (keeping its length), by an edge it is
 * resized; it stays within the video and at least {@code minSec} long. Times land on hundredths.
 */
record TitleDrag(TimelineContent.TitleBlock grabbed, TimelineLayout.Grip grip, double fromSec) {

    TimelineContent.TitleBlock to(double sec, double durationSec, double minSec) {
        double d = sec - fromSec;
        double start = grabbed.startSec();
        double end = grabbed.endSec();
        double length = end - start;
        switch (grip) {
            case BODY -> {
                start = clamp(start + d, 0, Math.max(0, durationSec - length));
                end = start + length;
            }
            case START -> start = clamp(start + d, 0, end - minSec);
            case END -> end = clamp(end + d, start + minSec, durationSec);
        }
        return new TimelineContent.TitleBlock(grabbed.index(), grabbed.text(), round(start), round(end));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round(double sec) {
        return Math.round(sec * 100) / 100.0;
    }
}

package dev.backbeat.ui.timeline;

import dev.backbeat.ui.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where things are drawn: the lanes from top to bottom and, for what is in view, the x of each
 * block and mark. The canvas paints from it and the mouse is read back through it, so a click
 * lands on what was drawn under it.
 */
public final class TimelineLayout {

    /** The lanes, top to bottom, with their heights in px and the names in their headers. */
    public enum Lane {
        RULER(22, ""), VIDEO(46, "lane.video"), MUSIC(72, "lane.music"), CLIP_SOUND(38, "lane.clipSound"), TITLES(30, "lane.titles");

        final double height;
        final String header;

        Lane(double height, String header) {
            this.height = height;
            this.header = header;
        }

        /** The header in the user's language (the ruler has none). */
        public String header() {
            return header.isEmpty() ? "" : Texts.get(header);
        }
    }

    static final double GAP = 4;
    /** How near (px) a title's edge the mouse must be to resize it rather than move it. */
    static final double EDGE_PX = 6;
    /** How near (px) a cut mark the mouse must be for its tooltip. */
    static final double CUT_PX = 5;

    /** A block in view: its x and width in px. */
    public record Span(double x, double width) {
        boolean contains(double px) {
            return px >= x && px <= x + width;
        }
    }

    /** What a press on a title grabs: its body (to move it) or one edge (to resize it). */
    public enum Grip { BODY, START, END }

    public record TitleHit(int index, Grip grip) {
    }

    private TimelineLayout() {
    }

    public static double top(Lane lane) {
        double y = 0;
        for (Lane l : Lane.values()) {
            if (l == lane) {
                return y;
            }
            y += l.height + GAP;
        }
        return y;
    }

    public static double height(Lane lane) {
        return lane.height;
    }

    public static double totalHeight() {
        return top(Lane.TITLES) + Lane.TITLES.height;
    }

    public static Optional<Lane> laneAt(double y) {
        for (Lane l : Lane.values()) {
            if (y >= top(l) && y < top(l) + l.height) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    static Span span(TimeScale s, double startSec, double endSec) {
        double x = s.x(startSec);
        return new Span(x, Math.max(2, s.x(endSec) - x));
    }

    /** The titles as drawn, in the order of the content's list. */
    public static List<Span> titleSpans(TimelineContent c, TimeScale s) {
        List<Span> out = new ArrayList<>();
        for (TimelineContent.TitleBlock t : c.titles()) out.add(span(s, t.startSec(), t.endSec()));
        return out;
    }

    /** The x of every time in {@code times} that is in view. */
    public static List<Double> visibleXs(double[] times, TimeScale s) {
        List<Double> out = new ArrayList<>();
        for (double t : times) {
            if (t >= s.startSec() && t <= s.endSec()) out.add(s.x(t));
        }
        return out;
    }

    public static Optional<TitleHit> titleAt(TimelineContent c, TimeScale s, double x, double y) {
        if (laneAt(y).orElse(null) != Lane.TITLES) {
            return Optional.empty();
        }
        // the last drawn is on top: look from the end
        List<Span> spans = titleSpans(c, s);
        for (int i = spans.size() - 1; i >= 0; i--) {
            Span sp = spans.get(i);
            if (x >= sp.x() - 2 && x <= sp.x() + sp.width() + 2) {
                Grip g = sp.width() >= 3 * EDGE_PX && x <= sp.x() + EDGE_PX ? Grip.START
                        : sp.width() >= 3 * EDGE_PX && x >= sp.x() + sp.width() - EDGE_PX ? Grip.END
                        : x < sp.x() ? Grip.START : x > sp.x() + sp.width() ? Grip.END : Grip.BODY;
                return Optional.of(new TitleHit(c.titles().get(i).index(), g));
            }
        }
        return Optional.empty();
    }

    public static Optional<TimelineContent.Cut> cutNear(TimelineContent c, TimeScale s, double x, double y) {
        if (laneAt(y).orElse(null) != Lane.VIDEO) {
            return Optional.empty();
        }
        TimelineContent.Cut best = null;
        double bestDx = CUT_PX;
        for (TimelineContent.Cut cut : c.cuts()) {
            double dx = Math.abs(s.x(cut.sec()) - x);
            if (dx <= bestDx) {
                best = cut;
                bestDx = dx;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether a press at y is on the music lane (selects the BGM). */
    public static boolean onMusic(TimelineContent c, TimeScale s, double x, double y) {
        if (c.music() == null || laneAt(y).orElse(null) != Lane.MUSIC) {
            return false;
        }
        return span(s, c.music().startSec(), c.music().endSec()).contains(x);
    }
}

package dev.backbeat.service.local;

import dev.backbeat.engine.photo.SlideshowTimer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How long the photos stay and whether they move, as the user asked (chat or options); unset parts follow the mood. */
final class PhotoPace {
    private Double seconds;
    private double factor = 1;
    private SlideshowTimer.Pace pace = SlideshowTimer.Pace.BY_SECTION;
    private boolean zoom = true;

    String apply(MusicEdit.Photos p) {
        List<String> said = new ArrayList<>();
        if (p.seconds() != null) {
            seconds = Math.max(0.3, Math.min(30, p.seconds()));
            factor = 1;
            pace = SlideshowTimer.Pace.BY_SECTION;
            said.add(String.format(Locale.ROOT, "about %s s per photo", number(seconds)));
        }
        if (p.factor() != 1) {
            factor = Math.max(0.1, Math.min(10, factor * p.factor()));
            pace = SlideshowTimer.Pace.BY_SECTION;
            said.add(p.factor() > 1 ? "photos held longer" : "photos changed sooner");
        }
        if (Boolean.TRUE.equals(p.everyBeat())) {
            pace = SlideshowTimer.Pace.EVERY_BEAT;
            said.add("a new photo on every beat");
        }
        if (p.zoom() != null) {
            zoom = p.zoom();
            said.add(zoom ? "a slow pan and zoom over the photos" : "no zoom on the photos");
        }
        return String.join(", ", said);
    }

    /** Seconds per photo for a mood's default hold, with the user's own length or factor applied. */
    double hold(double moodDefault) {
        double h = (seconds != null ? seconds : moodDefault) * factor;
        return Math.max(0.3, Math.min(30, h));
    }

    SlideshowTimer.Pace pace() {
        return pace;
    }

    boolean zoom() {
        return zoom;
    }

    List<String> facts() {
        List<String> f = new ArrayList<>();
        if (seconds != null) f.add("photo-seconds=" + number(seconds));
        if (factor > 1) f.add("photos=slower");
        if (factor < 1) f.add("photos=faster");
        if (pace == SlideshowTimer.Pace.EVERY_BEAT) f.add("photos=every beat");
        if (!zoom) f.add("zoom=off");
        return f;
    }

    private static String number(double x) {
        return Math.abs(x - Math.rint(x)) < 1e-6 ? Long.toString(Math.round(x)) : String.format(Locale.ROOT, "%.1f", x);
    }
}

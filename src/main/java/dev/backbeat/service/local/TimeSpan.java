package dev.backbeat.service.local;

/**
 * A stretch of the video a request talks about: in seconds, or, when {@code relative}, as
 * fractions 0-1 of its length ("in the middle" is 1/3-2/3). {@code end} is
 * {@link Double#POSITIVE_INFINITY} for "until the end". A point ("drop at 1:05") has start == end.
 */
public record TimeSpan(double start, double end, boolean relative) {
    public static final TimeSpan WHOLE = new TimeSpan(0, 1, true);

    public static TimeSpan seconds(double start, double end) {
        return new TimeSpan(start, end, false);
    }

    public static TimeSpan at(double second) {
        return new TimeSpan(second, second, false);
    }

    public boolean isPoint() {
        return start == end;
    }

    /** In seconds, for a video of the given length. */
    public TimeSpan resolve(double videoSeconds) {
        if (relative) {
            return new TimeSpan(start * videoSeconds, Math.min(end, 1) * videoSeconds, false);
        }
        return new TimeSpan(Math.min(start, videoSeconds), Math.min(end, videoSeconds), false);
    }

    /** "0:30", "1:05-end", "middle third". */
    public String describe() {
        if (relative) {
            if (start == 0 && end == 1) {
                return "throughout";
            }
            String named = start == 0 && end == 0.25 ? "at the start" : start == 0.75 && end == 1 ? "at the end"
                    : start == 0.5 && end == 1 ? "in the second half" : start == 0 && end == 0.5 ? "in the first half"
                    : Math.abs(start - 1 / 3.0) < 1e-9 && Math.abs(end - 2 / 3.0) < 1e-9 ? "in the middle" : null;
            if (named != null) {
                return named;
            }
            return percent(start) + "-" + percent(end) + " of the piece";
        }
        if (isPoint()) {
            return "at " + clock(start);
        }
        if (start < 0) {
            return "in the last " + Math.round(-start) + " s";
        }
        return Double.isInfinite(end) ? "from " + clock(start) : clock(start) + "-" + clock(end);
    }

    private static String percent(double f) {
        return Math.round(f * 100) + "%";
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", s % 60);
    }
}

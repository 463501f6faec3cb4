package dev.backbeat.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The ruler's ticks for what is in view: labelled ones far enough apart to read, fainter ones between. */
final class RulerTicks {
    private static final double[] STEPS = {0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 3600};
    /** The unlabelled ticks between, for each step: a division a person counts in (5 s in 15 s, 30 s in 2 min). */
    private static final double[] MINORS = {0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 5, 10, 30, 60, 120, 300, 600};
    /** Labels at least this far apart. */
    static final double MIN_LABEL_PX = 70;

    record Tick(double sec, boolean major, String label) {
    }

    private RulerTicks() {
    }

    /** The labelled step: the smallest of 0.1 s … 1 h that leaves {@link #MIN_LABEL_PX} between labels. */
    static double majorStep(double pxPerSec) {
        return STEPS[stepIndex(pxPerSec)];
    }

    private static int stepIndex(double pxPerSec) {
        for (int i = 0; i < STEPS.length; i++) {
            if (STEPS[i] * pxPerSec >= MIN_LABEL_PX) {
                return i;
            }
        }
        return STEPS.length - 1;
    }

    static List<Tick> ticks(TimeScale scale) {
        int step = stepIndex(scale.pxPerSec());
        double major = STEPS[step];
        double minor = MINORS[step];
        List<Tick> out = new ArrayList<>();
        long first = (long) Math.floor(scale.startSec() / minor);
        long last = (long) Math.ceil(Math.min(scale.endSec(), scale.spanSec()) / minor);
        long perMajor = Math.round(major / minor);
        for (long i = Math.max(0, first); i <= last; i++) {
            double t = i * minor;
            boolean isMajor = i % perMajor == 0;
            out.add(new Tick(t, isMajor, isMajor ? label(t, major) : ""));
        }
        return out;
    }

    /** "0:05", "1:30", and tenths when the step is under a second ("0:02.5"). */
    static String label(double sec, double step) {
        long tenths = Math.round(sec * 10);
        long whole = tenths / 10;
        String base = String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
        return step < 1 ? base + "." + (tenths % 10) : base;
    }
}

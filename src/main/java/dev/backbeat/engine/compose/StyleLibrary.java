package dev.backbeat.engine.compose;

import dev.backbeat.engine.compose.StyleSpec.Comp;
import dev.backbeat.engine.compose.StyleSpec.Groove;

import java.util.EnumMap;
import java.util.Map;

/** The arrangement of every style: instruments are General MIDI programs (0-based). */
public final class StyleLibrary {

    private static final Map<Style, StyleSpec> SPECS = new EnumMap<>(Style.class);

    static {
        put(new StyleSpec(Style.LOFI, 68, 92, 0.1, Groove.LOFI, 0, 33, 89, 4, 11, Comp.BLOCK,
                true, false, p(p(1, 4, 0, 5), p(3, 2, 1, 4), p(0, 5, 1, 4)),
                p(p(0, 3, 6, 2), p(0, 5, 3, 4), p(3, 6, 0, 0)), 72));
        put(new StyleSpec(Style.CINEMATIC, 60, 120, 0, Groove.CINEMATIC, 0, 43, 48, 46, 60, Comp.ARPEGGIO,
                false, false, p(p(0, 3, 5, 4), p(5, 3, 0, 4), p(0, 2, 3, 4)),
                p(p(0, 5, 2, 6), p(0, 3, 5, 6), p(5, 3, 0, 6)), 60));
        put(new StyleSpec(Style.POP, 100, 128, 0, Groove.POP, 0, 33, 50, 0, 80, Comp.PULSE,
                false, false, p(p(0, 4, 5, 3), p(5, 3, 0, 4), p(3, 0, 4, 5)),
                p(p(0, 5, 2, 6), p(5, 3, 0, 6), p(0, 6, 5, 6)), 72));
        put(new StyleSpec(Style.FOLK, 80, 124, 0.04, Groove.FOLK, 0, 32, 48, 25, 73, Comp.STRUM,
                false, false, p(p(0, 3, 0, 4), p(0, 5, 3, 4), p(3, 0, 3, 4)),
                p(p(0, 6, 5, 6), p(0, 3, 6, 0), p(5, 6, 0, 4)), 72));
        put(new StyleSpec(Style.HOUSE, 112, 128, 0, Groove.HOUSE, 25, 38, 89, 90, 81, Comp.STAB,
                true, false, p(p(5, 3, 0, 4), p(0, 4, 5, 3), p(3, 4, 5, 5)),
                p(p(0, 5, 2, 6), p(0, 3, 5, 4), p(5, 6, 0, 0)), 72));
        put(new StyleSpec(Style.CORPORATE, 92, 124, 0, Groove.CORPORATE, 0, 33, 48, 0, 8, Comp.PULSE,
                false, false, p(p(0, 4, 5, 3), p(3, 0, 4, 5), p(5, 3, 0, 4)),
                p(p(5, 3, 0, 4), p(0, 5, 2, 6), p(3, 5, 6, 6)), 72));
        put(new StyleSpec(Style.PIANO, 60, 112, 0.02, Groove.NONE, 0, 0, -1, 0, 0, Comp.ARPEGGIO,
                true, false, p(p(0, 5, 3, 4), p(0, 2, 3, 4), p(3, 4, 2, 5)),
                p(p(0, 5, 3, 4), p(0, 3, 6, 2), p(5, 6, 0, 4)), 72));
        put(new StyleSpec(Style.TENSE, 64, 130, 0, Groove.TENSE, 0, 43, 49, 45, 8, Comp.OSTINATO,
                false, true, p(p(0, 0, 5, 4), p(0, 1, 0, 4)),
                p(p(0, 0, 5, 4), p(0, 1, 0, 4), p(0, 5, 1, 4)), 72));
    }

    private StyleLibrary() {
    }

    public static StyleSpec spec(Style style) {
        return SPECS.get(style);
    }

    /**
     * The style a mood and the footage's pace suggest when the user named none: fast cutting gets a
     * driving style (a dark trailer montage the tense ostinato, a neutral one electronic, a bright one
     * pop), never a slow bed.
     */
    public static Style forAffect(Affect a, Pacing pacing) {
        if (pacing.fast()) {
            if (a.valence() < -0.3) return Style.TENSE;
            return a.valence() < 0.2 ? Style.HOUSE : Style.POP;
        }
        return forAffect(a);
    }

    /** The style a mood suggests when the user named none. */
    public static Style forAffect(Affect a) {
        if (a.valence() < -0.4 && a.arousal() >= 0.45) return Style.TENSE;
        if (a.arousal() < 0.3) return a.valence() < 0 ? Style.PIANO : Style.LOFI;
        if (a.arousal() > 0.7) return a.valence() >= 0 ? Style.POP : Style.HOUSE;
        return a.valence() >= 0.3 ? Style.CORPORATE : Style.CINEMATIC;
    }

    /** Every General MIDI melodic program the styles play. */
    public static java.util.SortedSet<Integer> melodicPrograms() {
        java.util.SortedSet<Integer> out = new java.util.TreeSet<>();
        for (StyleSpec s : SPECS.values()) {
            for (int p : new int[] {s.bass(), s.pad(), s.comp(), s.lead()}) if (p >= 0) out.add(p);
        }
        return out;
    }

    /** Every drum kit (bank 128 program) the styles use. */
    public static java.util.SortedSet<Integer> drumKits() {
        java.util.SortedSet<Integer> out = new java.util.TreeSet<>();
        for (StyleSpec s : SPECS.values()) if (s.hasDrums()) out.add(s.drumKit());
        return out;
    }

    private static void put(StyleSpec s) {
        SPECS.put(s.style(), s);
    }

    private static int[] p(int... degrees) {
        return degrees;
    }

    private static int[][] p(int[]... progs) {
        return progs;
    }
}

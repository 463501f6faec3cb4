package dev.backbeat.engine.compose;

import dev.backbeat.engine.compose.StyleSpec.Groove;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar of drums for a groove at a density level (1 sparse, 2 normal, 3 full), sixteen steps per
 * bar, with a fill in the last beat before a section change.
 */
public final class DrumPattern {

    static final int KICK = 36, SIDE = 37, SNARE = 38, CLAP = 39, LOW_TOM = 41, CLOSED = 42, MID_TOM = 45,
            OPEN = 46, HIGH_TOM = 48, CRASH = 49, RIDE = 51, TAMBOURINE = 54, SHAKER = 70, FLOOR_TOM = 43;

    /** Every drum key the patterns, fills and accents play. */
    public static int[] keysUsed() {
        return new int[] {KICK, SIDE, SNARE, CLAP, LOW_TOM, FLOOR_TOM, CLOSED, MID_TOM, OPEN, HIGH_TOM, CRASH, RIDE,
            TAMBOURINE, SHAKER};
    }

    /** Hats, shakers and tambourines: the bright, busy layer. */
    public static boolean isMetal(int drum) {
        return drum == CLOSED || drum == OPEN || drum == SHAKER || drum == TAMBOURINE || drum == RIDE;
    }

    /** A drum hit: step 0-15, GM drum key, velocity. */
    public record Hit(int step, int drum, int velocity) {
    }

    /** What ends a bar: nothing, a short fill in its last half-beat (phrase ends), or a fill through its last beat or two. */
    public enum Fill { NONE, SHORT, FULL }

    public List<Hit> bar(Groove g, int level, boolean fill) {
        return bar(g, level, level >= 3 ? 0.7 : level == 2 ? 0.5 : 0.2, 0, 0, fill ? Fill.FULL : Fill.NONE);
    }

    /**
     * A bar of the groove. {@code energy} 0-1 adds ghost notes and percussion layers where it is
     * high; {@code barInPhrase} (0-7) varies the fourth and eighth bar of a phrase (a kick push, an
     * open hat), and {@code variant} (0/1) alternates the kick figure between eight-bar phrases, so
     * the groove stays while the bars do not repeat.
     */
    public List<Hit> bar(Groove g, int level, double energy, int barInPhrase, int variant, Fill fill) {
        List<Hit> h = new ArrayList<>();
        boolean turn = barInPhrase % 4 == 3;
        boolean b = variant % 2 == 1;
        boolean ghosts = level >= 2 && energy >= 0.45;
        boolean layers = level >= 3 && energy >= 0.72;
        switch (g) {
            case POP -> {
                line(h, KICK, level >= 3 ? (b ? "x.....x...x..x.." : "x.....x.x.x.....")
                        : b && level == 2 ? "x.......x.x....." : "x.......x.......", 100);
                if (level >= 2) line(h, SNARE, "....x.......x...", 95);
                if (ghosts) line(h, SNARE, turn ? ".......x.......x" : ".......x........", 40);
                line(h, CLOSED, level >= 3 ? "xxxxxxxxxxxxxx.x" : level == 2 ? "x.x.x.x.x.x.x.x." : "x...x...x...x...", 70);
                if (level >= 3 || (level == 2 && turn)) line(h, OPEN, "..............x.", 70);
                if (layers) line(h, TAMBOURINE, "....x.......x...", 62);
                if (turn && level >= 2) line(h, KICK, "..............x.", 80);
            }
            case LOFI -> {
                line(h, KICK, level >= 2 ? (b ? "x.....x...x..x.." : "x......x..x.....") : "x.........x.....", 90);
                line(h, level >= 2 ? SNARE : SIDE, "....x.......x...", level >= 2 ? 80 : 60);
                if (ghosts) line(h, SNARE, turn ? "......x....x...x" : "......x....x....", 34);
                line(h, CLOSED, level >= 2 ? "x.x.x.x.x.x.x.x." : "x...x...x...x...", 55);
                if (layers) line(h, CLOSED, ".......x.......x", 38);
                if (turn && level >= 2) line(h, OPEN, "..............x.", 50);
            }
            case FOLK -> {
                line(h, KICK, level >= 3 ? (b ? "x.....x...x....." : "x.....x.x.......") : "x.......x.......", 85);
                line(h, level >= 3 ? SNARE : SIDE, "....x.......x...", 70);
                if (ghosts) line(h, SIDE, turn ? "..........x...x." : "..........x.....", 40);
                if (level >= 2) line(h, SHAKER, layers ? "xxxxxxxxxxxxxxxx" : "x.x.x.x.x.x.x.x.", 55);
                if (level >= 3) line(h, TAMBOURINE, "....x.......x...", 60);
            }
            case HOUSE -> {
                line(h, KICK, turn && barInPhrase == 7 && level >= 2 ? "x...x...x......." : "x...x...x...x...", 110);
                if (level >= 2) line(h, CLAP, turn ? "....x.......x..x" : "....x.......x...", 90);
                line(h, OPEN, "..x...x...x...x.", level >= 2 ? 70 : 55);
                if (level >= 3) line(h, CLOSED, "x.xxx.xxx.xxx.xx", 50);
                if (layers) line(h, SHAKER, "xxxxxxxxxxxxxxxx", 42);
            }
            case CORPORATE -> {
                line(h, KICK, level >= 2 ? (b ? "x.......x..x...." : "x.......x.x.....") : "x.......x.......", 90);
                if (level >= 2) line(h, CLAP, "....x.......x...", 80);
                if (ghosts) line(h, SNARE, turn ? "...........x..x." : "...........x....", 36);
                line(h, CLOSED, level >= 3 ? "x.xxx.xxx.xxx.xx" : level == 2 ? "x.x.x.x.x.x.x.x." : "x...x...x...x...", 60);
                if (layers) line(h, SHAKER, "xxxxxxxxxxxxxxxx", 45);
            }
            case CINEMATIC -> {
                line(h, FLOOR_TOM, level >= 3 ? "x..x..x.x..x..x." : level == 2 ? "x.......x..x...." : "x...............", 85);
                if (level >= 2) line(h, KICK, "x.......x.......", 80);
                if (level >= 3) line(h, SNARE, "............x...", 75);
                // Taiko-like toms drive the high-energy bars; the figure answers itself every other phrase.
                if (ghosts) line(h, b ? MID_TOM : HIGH_TOM, level >= 3 ? "..x...x...x.x.x." : "......x.......x.", 60);
                if (layers) line(h, SHAKER, "x.x.x.x.x.x.x.x.", 45);
            }
            case TENSE -> {
                line(h, KICK, level >= 2 ? "x.......x.......": "x...............", 85);
                line(h, CLOSED, level >= 3 ? "xxxxxxxxxxxxxxxx" : level == 2 ? "x.x.x.x.x.x.x.x." : "....x.......x...", 50);
                if (level >= 2) line(h, LOW_TOM, turn ? "...........x.xx." : "...........x..x.", 70);
                if (ghosts) line(h, SIDE, b ? "..x.....x.x....." : "..x.....x.......", 45);
            }
            case NONE -> {
                return h;
            }
        }
        if (fill == Fill.FULL) {
            boolean longFill = level >= 3;
            h.removeIf(x -> x.step() >= (longFill ? 8 : 12) && x.drum() != KICK);
            if (longFill) {
                for (int i = 8; i < 12; i += 2) h.add(new Hit(i, SNARE, 62 + 4 * i));
            }
            int[] toms = g == Groove.HOUSE || g == Groove.LOFI
                    ? new int[] {SNARE, SNARE, SNARE, SNARE} : new int[] {HIGH_TOM, MID_TOM, FLOOR_TOM, SNARE};
            for (int i = 0; i < 4; i++) h.add(new Hit(12 + i, toms[i], 70 + 8 * i));
        } else if (fill == Fill.SHORT && level >= 2) {
            h.removeIf(x -> x.step() >= 14 && x.drum() != KICK);
            int drum = g == Groove.CINEMATIC ? MID_TOM : g == Groove.HOUSE ? CLAP : SNARE;
            h.add(new Hit(14, drum, 72));
            h.add(new Hit(15, drum, 84));
        }
        return h;
    }

    /** Drums that mark a cut: a crash over a kick, or a low tom for the quiet grooves. */
    public List<Hit> accent(Groove g) {
        if (g == Groove.NONE) return List.of();
        if (g == Groove.LOFI) return List.of(new Hit(0, KICK, 115), new Hit(0, CRASH, 85));
        return List.of(new Hit(0, KICK, 122), new Hit(0, CRASH, 105));
    }

    private static void line(List<Hit> h, int drum, String steps, int velocity) {
        for (int i = 0; i < steps.length(); i++) {
            if (steps.charAt(i) == 'x') {
                int v = velocity - (i % 4 == 0 ? 0 : i % 2 == 0 ? 10 : 18);
                h.add(new Hit(i, drum, v));
            }
        }
    }
}

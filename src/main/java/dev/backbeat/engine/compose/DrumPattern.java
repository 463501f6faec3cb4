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

    public List<Hit> bar(Groove g, int level, boolean fill) {
        List<Hit> h = new ArrayList<>();
        switch (g) {
            case POP -> {
                line(h, KICK, level >= 3 ? "x.....x.x.x....." : "x.......x.......", 100);
                if (level >= 2) line(h, SNARE, "....x.......x...", 95);
                line(h, CLOSED, level >= 3 ? "xxxxxxxxxxxxxx.x" : level == 2 ? "x.x.x.x.x.x.x.x." : "x...x...x...x...", 70);
                if (level >= 3) line(h, OPEN, "..............x.", 70);
            }
            case LOFI -> {
                line(h, KICK, level >= 2 ? "x......x..x....." : "x.........x.....", 90);
                line(h, level >= 2 ? SNARE : SIDE, "....x.......x...", level >= 2 ? 80 : 60);
                line(h, CLOSED, level >= 2 ? "x.x.x.x.x.x.x.x." : "x...x...x...x...", 55);
            }
            case FOLK -> {
                line(h, KICK, level >= 3 ? "x.....x.x......." : "x.......x.......", 85);
                line(h, level >= 3 ? SNARE : SIDE, "....x.......x...", 70);
                if (level >= 2) line(h, SHAKER, "x.x.x.x.x.x.x.x.", 55);
                if (level >= 3) line(h, TAMBOURINE, "....x.......x...", 60);
            }
            case HOUSE -> {
                line(h, KICK, "x...x...x...x...", 110);
                if (level >= 2) line(h, CLAP, "....x.......x...", 90);
                line(h, OPEN, "..x...x...x...x.", level >= 2 ? 70 : 55);
                if (level >= 3) line(h, CLOSED, "x.xxx.xxx.xxx.xx", 50);
            }
            case CORPORATE -> {
                line(h, KICK, level >= 2 ? "x.......x.x....." : "x.......x.......", 90);
                if (level >= 2) line(h, CLAP, "....x.......x...", 80);
                line(h, CLOSED, level >= 3 ? "x.xxx.xxx.xxx.xx" : "x.x.x.x.x.x.x.x.", 60);
            }
            case CINEMATIC -> {
                line(h, FLOOR_TOM, level >= 3 ? "x..x..x.x..x..x." : level == 2 ? "x.......x..x...." : "x...............", 85);
                if (level >= 2) line(h, KICK, "x.......x.......", 80);
                if (level >= 3) line(h, SNARE, "............x...", 75);
            }
            case TENSE -> {
                line(h, KICK, level >= 2 ? "x.......x.......": "x...............", 85);
                line(h, CLOSED, level >= 3 ? "xxxxxxxxxxxxxxxx" : level == 2 ? "x.x.x.x.x.x.x.x." : "....x.......x...", 50);
                if (level >= 2) line(h, LOW_TOM, "...........x..x.", 70);
            }
            case NONE -> {
                return h;
            }
        }
        if (fill) {
            h.removeIf(x -> x.step() >= 12 && x.drum() != KICK);
            int[] toms = g == Groove.HOUSE || g == Groove.LOFI
                    ? new int[] {SNARE, SNARE, SNARE, SNARE} : new int[] {HIGH_TOM, MID_TOM, FLOOR_TOM, SNARE};
            for (int i = 0; i < 4; i++) h.add(new Hit(12 + i, toms[i], 70 + 8 * i));
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

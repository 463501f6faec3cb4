package dev.backbeat.engine.compose;

import dev.backbeat.engine.compose.StyleSpec.Groove;

import java.util.ArrayList;
import java.util.List;

/** A bar of bass under a chord, in the groove's manner; busier at higher density levels. */
public final class BassLine {

    private static final int LOW = 33;

    public List<Note> bar(Groove g, Key key, Chord chord, Chord next, double start, int level, int velocity) {
        return bar(g, key, chord, next, start, level, velocity, false);
    }

    /** {@code turn}: the last bar of a four-bar group, where the bass walks into the next chord. */
    public List<Note> bar(Groove g, Key key, Chord chord, Chord next, double start, int level, int velocity, boolean turn) {
        List<Note> out = bar0(g, key, chord, next, start, level, velocity);
        if (turn && level >= 2 && next != null && g != Groove.LOFI) {
            out.removeIf(n -> n.beat() >= start + 3.5 - 1e-9);
            out.replaceAll(n -> n.beat() + n.length() > start + 3.5
                    ? new Note(n.stem(), n.channel(), n.beat(), start + 3.45 - n.beat(), n.pitch(), n.velocity(), false) : n);
            add(out, start + 3.5, 0.45, approach(key, next.rootAtOrAbove(LOW)), velocity - 6);
        }
        return out;
    }

    private List<Note> bar0(Groove g, Key key, Chord chord, Chord next, double start, int level, int velocity) {
        List<Note> out = new ArrayList<>();
        int root = chord.rootAtOrAbove(LOW);
        int fifth = root + 7 <= LOW + 19 ? root + 7 : root - 5;
        switch (g) {
            case HOUSE -> {
                for (int i = 0; i < 4; i++) {
                    add(out, start + i + 0.5, 0.4, root + (level >= 3 && i % 2 == 1 ? 12 : 0), velocity);
                }
            }
            case POP, CORPORATE -> {
                if (level <= 1) {
                    add(out, start, 3.9, root, velocity);
                } else {
                    for (int i = 0; i < 8; i++) {
                        if (level == 2 && i % 2 == 1) continue;
                        add(out, start + i * 0.5, level == 2 ? 0.9 : 0.45, i == 6 && level >= 3 ? fifth : root, velocity - (i % 2) * 8);
                    }
                }
            }
            case LOFI -> {
                add(out, start, 1.4, root, velocity);
                if (level >= 2) add(out, start + 1.75, 0.7, fifth, velocity - 10);
                add(out, start + 2.5, 1.2, root, velocity - 5);
                if (level >= 2 && next != null) add(out, start + 3.5, 0.45, approach(key, next.rootAtOrAbove(LOW)), velocity - 12);
            }
            case FOLK -> {
                add(out, start, 1.9, root, velocity);
                add(out, start + 2, 1.9, fifth, velocity - 8);
            }
            case TENSE -> {
                int steps = level >= 2 ? 8 : 2;
                for (int i = 0; i < steps; i++) add(out, start + i * 4.0 / steps, 4.0 / steps * 0.9, root, velocity - (i % 2) * 10);
            }
            case CINEMATIC, NONE -> {
                add(out, start, 3.95, root, velocity);
                if (level >= 3) add(out, start + 2, 1.95, root, velocity - 10);
            }
        }
        return out;
    }

    /** A scale tone a step above the next root, leading into it. */
    private static int approach(Key key, int target) {
        for (int p = target + 1; p <= target + 2; p++) if (key.inScale(p)) return p;
        return target + 7;
    }

    private static void add(List<Note> out, double beat, double len, int pitch, int velocity) {
        out.add(new Note(Note.Stem.BASS, 3, beat, len, pitch, velocity, false));
    }
}

package dev.backbeat.engine.compose;

import dev.backbeat.engine.compose.StyleSpec.Comp;

import java.util.ArrayList;
import java.util.List;

/** The rhythm part that plays the chords: block chords, arpeggios, strums, stabs, pulses, ostinati. */
public final class Comping {

    static final int CHANNEL = 2;

    public List<Note> bar(Comp pattern, int[] voicing, double start, int level, int velocity) {
        return bar(pattern, voicing, start, level, velocity, false);
    }

    /** {@code busy}: the bar is at the piece's highest energy, and the part adds syncopated sixteenths. */
    public List<Note> bar(Comp pattern, int[] voicing, double start, int level, int velocity, boolean busy) {
        List<Note> out = new ArrayList<>();
        switch (pattern) {
            case BLOCK -> {
                chord(out, voicing, start, level >= 2 ? 1.4 : 3.8, velocity, 0);
                if (level >= 2) chord(out, voicing, start + 1.5, busy ? 0.9 : 2.3, velocity - 12, 0);
                if (busy) {
                    // Keys that push: a short chord on the "and" of three, an upper-voice arpeggio to the bar line.
                    chord(out, voicing, start + 2.5, 0.45, velocity - 16, 0);
                    for (int i = 0; i < 3; i++) {
                        add(out, start + 3 + i * 0.25, 0.3, voicing[Math.min(voicing.length - 1, i + 1)] + (i == 2 ? 12 : 0), velocity - 20);
                    }
                }
            }
            case ARPEGGIO -> {
                int steps = level >= 3 ? 16 : level == 2 ? 8 : 4;
                double len = 4.0 / steps;
                int[] order = arpeggioOrder(voicing.length + 1);
                for (int i = 0; i < steps; i++) {
                    int idx = order[i % order.length];
                    int pitch = idx < voicing.length ? voicing[idx] : voicing[0] + 12;
                    add(out, start + i * len, len * 1.8, pitch, velocity - (i % 2) * 10);
                }
            }
            case STRUM -> {
                double[] at = busy ? new double[] {0, 1, 1.5, 1.75, 2.5, 3, 3.5, 3.75}
                        : level >= 2 ? new double[] {0, 1, 1.5, 2.5, 3, 3.5} : new double[] {0, 2};
                for (double a : at) {
                    boolean down = a == Math.floor(a);
                    chord(out, voicing, start + a, 0.9, velocity - (down ? 0 : 15), down ? 0.02 : -0.015);
                }
            }
            case STAB -> {
                for (int i = 0; i < 4; i++) {
                    if (level <= 1 && i % 2 == 1) continue;
                    chord(out, voicing, start + i + 0.5, 0.3, velocity, 0);
                    if (busy && i % 2 == 1) chord(out, voicing, start + i + 0.75, 0.2, velocity - 14, 0);
                }
            }
            case PULSE -> {
                int steps = level >= 2 ? 8 : 2;
                for (int i = 0; i < steps; i++) {
                    chord(out, voicing, start + i * 4.0 / steps, 4.0 / steps * 0.8, velocity - (i % 2) * 10, 0);
                }
                if (busy) {
                    // Sixteenth pickups into beats three and one, on the top voice only.
                    add(out, start + 1.75, 0.2, voicing[voicing.length - 1], velocity - 16);
                    add(out, start + 3.75, 0.2, voicing[voicing.length - 1], velocity - 12);
                }
            }
            case OSTINATO -> {
                int steps = level >= 3 ? 16 : level == 2 ? 8 : 4;
                for (int i = 0; i < steps; i++) {
                    int pitch = i % 4 == 3 ? voicing[Math.min(2, voicing.length - 1)] : voicing[0] + (i % 2) * 12;
                    add(out, start + i * 4.0 / steps, 4.0 / steps * 0.7, pitch, velocity - (i % 4 == 0 ? 0 : 12));
                }
            }
        }
        return out;
    }

    private static int[] arpeggioOrder(int n) {
        int[] up = new int[2 * n - 2];
        for (int i = 0; i < n; i++) up[i] = i;
        for (int i = n; i < 2 * n - 2; i++) up[i] = 2 * n - 2 - i;
        return up;
    }

    /** A chord; {@code spread} &gt; 0 rolls it upwards like a downstroke, &lt; 0 downwards. */
    private static void chord(List<Note> out, int[] voicing, double beat, double len, int velocity, double spread) {
        for (int i = 0; i < voicing.length; i++) {
            int k = spread >= 0 ? i : voicing.length - 1 - i;
            add(out, beat + Math.abs(spread) * k, len, voicing[i], velocity - i * 2);
        }
    }

    private static void add(List<Note> out, double beat, double len, int pitch, int velocity) {
        out.add(new Note(Note.Stem.HARMONY, CHANNEL, beat, len, pitch, velocity, false));
    }
}

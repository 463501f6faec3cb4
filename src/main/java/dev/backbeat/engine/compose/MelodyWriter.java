package dev.backbeat.engine.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the lead from one motif (a bar of rhythm and contour) stated, answered, sequenced and
 * closed in four-bar phrases: call and response. Each phrase varies the motif a little, so the
 * piece develops rather than loops. Strong beats sit on chord tones, the rest on the scale.
 */
public final class MelodyWriter {

    static final int CHANNEL = 0;
    private static final int[][] RHYTHMS = {
        {0, 6, 8, 12}, {0, 4, 8, 10, 12}, {0, 3, 6, 8, 12}, {2, 4, 8, 12, 14}, {0, 8, 10, 12}, {0, 2, 4, 8, 12}
    };

    private final int[] rhythm;
    private final int[] contour;
    private final int base;
    private int degree = 4;

    public MelodyWriter(Random rng, int base) {
        this.rhythm = RHYTHMS[rng.nextInt(RHYTHMS.length)];
        this.contour = new int[rhythm.length];
        for (int i = 1; i < contour.length; i++) {
            int[] moves = {-2, -1, -1, 1, 1, 2, 3, 0};
            contour[i] = moves[rng.nextInt(moves.length)];
        }
        this.base = base;
    }

    /** A four-bar phrase starting at a bar's first beat; {@code variation} counts phrases so far. */
    public List<Note> phrase(Key key, List<Chord> chords, double start, int bars, int variation, int level,
                             int velocity) {
        List<Note> out = new ArrayList<>();
        for (int b = 0; b < bars; b++) {
            int role = b % 4;
            int[] steps = rhythm;
            int[] moves = contour.clone();
            if (role == 1 || (variation % 4 == 3 && role == 0)) {
                for (int i = 0; i < moves.length; i++) moves[i] = -moves[i];
            }
            if (variation % 4 == 1 && role != 3) moves[0] = 2;
            if (variation % 4 == 2 && role == 2) steps = thin(steps);
            if (role == 3) steps = new int[] {steps[0], steps[1 % steps.length], 8};
            if (level <= 1) steps = thin(steps);
            double barStart = start + b * 4;
            Chord first = ChordProgression.at(chords, barStart);
            if (role == 2) degree = nearestChordDegree(key, first, degree + (variation % 3) - 1);
            for (int i = 0; i < steps.length; i++) {
                int step = steps[i];
                Chord chord = ChordProgression.at(chords, barStart + step / 4.0);
                degree += i == 0 && role != 2 ? 0 : moves[Math.min(i, moves.length - 1)];
                degree = fold(degree);
                boolean strong = step % 8 == 0;
                if (strong || (role == 3 && i == steps.length - 1)) degree = nearestChordDegree(key, chord, degree);
                int next = i + 1 < steps.length ? steps[i + 1] : 16;
                double len = (next - step) / 4.0 * (role == 3 && i == steps.length - 1 ? 0.95 : 0.85);
                int v = velocity + (strong ? 6 : 0) - (role == 1 ? 6 : 0);
                out.add(new Note(Note.Stem.MELODY, CHANNEL, barStart + step / 4.0, len, key.pitch(degree, base), v, false));
            }
        }
        return out;
    }

    /** The final long note, on the tonic. */
    public Note ending(Key key, double beat, double length, int velocity) {
        int d = Math.round(degree / 7f) * 7;
        return new Note(Note.Stem.MELODY, CHANNEL, beat, length, key.pitch(fold(d), base), velocity, false);
    }

    private static int[] thin(int[] steps) {
        List<Integer> kept = new ArrayList<>();
        for (int s : steps) if (s % 4 == 0) kept.add(s);
        if (kept.isEmpty()) kept.add(steps[0]);
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int fold(int d) {
        while (d > 9) d -= 3;
        while (d < -2) d += 3;
        return d;
    }

    private int nearestChordDegree(Key key, Chord chord, int d) {
        for (int k = 0; k < 4; k++) {
            if (chord.contains(key.pitch(d - k, base))) return fold(d - k);
            if (chord.contains(key.pitch(d + k, base))) return fold(d + k);
        }
        return d;
    }
}

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
        return phrase(key, chords, start, bars, variation, level, velocity, Section.Role.VERSE);
    }

    /**
     * A four-bar phrase developed for its section: each phrase restates the motif from a tone of
     * its first chord (transposed to the harmony) with its rhythm varied (an anticipation, a split
     * note); a build sequences it a step higher each bar; a peak inverts it, lifts it a third and
     * extends it with passing notes; a break augments it into fewer, longer notes.
     */
    public List<Note> phrase(Key key, List<Chord> chords, double start, int bars, int variation, int level,
                             int velocity, Section.Role section) {
        List<Note> out = new ArrayList<>();
        boolean peak = section == Section.Role.PEAK;
        boolean build = section == Section.Role.BUILD;
        boolean calm = section == Section.Role.BREAK || section == Section.Role.OUTRO;
        // Transposed to the chord: the phrase opens on its root, third or fifth, in turn.
        Chord opening = ChordProgression.at(chords, start);
        degree = nearestChordDegree(key, opening, chordDegree(key, opening) + 2 * (variation % 3) + (peak ? 2 : 0));
        for (int b = 0; b < bars; b++) {
            int role = b % 4;
            int[] steps = varied(rhythm, variation, role);
            int[] moves = contour.clone();
            boolean invert = peak ? role != 1 : role == 1 || (variation % 4 == 3 && role == 0);
            if (invert) {
                for (int i = 0; i < moves.length; i++) moves[i] = -moves[i];
            }
            if (variation % 4 == 1 && role != 3) moves[0] = 2;
            if (variation % 4 == 2 && role == 2) steps = thin(steps);
            if (role == 3) steps = new int[] {steps[0], steps[1 % steps.length], 8};
            if (level <= 1 || calm) steps = thin(steps);
            if (peak && level >= 3 && role != 3) steps = extended(steps);
            double barStart = start + b * 4;
            Chord first = ChordProgression.at(chords, barStart);
            if (build && b > 0) degree = nearestChordDegree(key, first, degree + 1);
            else if (role == 2) degree = nearestChordDegree(key, first, degree + (variation % 3) - 1);
            for (int i = 0; i < steps.length; i++) {
                int step = steps[i];
                Chord chord = ChordProgression.at(chords, barStart + step / 4.0);
                degree += i == 0 && role != 2 ? 0 : moves[Math.min(i, moves.length - 1)];
                // At the peak the line sits higher: the bottom of its range is lifted, its top stays.
                degree = peak ? foldHigh(degree) : fold(degree);
                boolean strong = step % 8 == 0;
                if (strong || (role == 3 && i == steps.length - 1)) {
                    degree = nearestChordDegree(key, chord, degree);
                    if (peak && degree < 3) degree += 7;
                }
                int next = i + 1 < steps.length ? steps[i + 1] : 16;
                double len = (next - step) / 4.0 * (role == 3 && i == steps.length - 1 ? 0.95 : calm ? 0.95 : 0.85);
                int v = velocity + (strong ? 6 : 0) - (role == 1 ? 6 : 0);
                // A lead written low (a film score's horn or strings) soars an octave higher at the peak.
                int lift = peak && base < 66 ? 12 : 0;
                out.add(new Note(Note.Stem.MELODY, CHANNEL, barStart + step / 4.0, len, key.pitch(degree, octave(key)) + lift, v, false));
            }
        }
        return out;
    }

    /** The motif's rhythm, varied from phrase to phrase: as stated, with an anticipation, or with its longest note split. */
    private static int[] varied(int[] steps, int variation, int role) {
        if (role == 3 || steps.length < 2) return steps;
        int[] out = steps.clone();
        switch (variation % 3) {
            case 1 -> {
                // The last onset comes a sixteenth early: a push.
                int last = out.length - 1;
                if (out[last] - 1 > out[last - 1]) out[last] -= 1;
            }
            case 2 -> {
                int longest = 0;
                for (int i = 0; i < out.length; i++) {
                    int len = (i + 1 < out.length ? out[i + 1] : 16) - out[i];
                    int best = (longest + 1 < out.length ? out[longest + 1] : 16) - out[longest];
                    if (len > best) longest = i;
                }
                int len = (longest + 1 < out.length ? out[longest + 1] : 16) - out[longest];
                if (len >= 4) {
                    int[] split = new int[out.length + 1];
                    for (int i = 0, j = 0; i < out.length; i++) {
                        split[j++] = out[i];
                        if (i == longest) split[j++] = out[i] + len / 2;
                    }
                    return split;
                }
            }
            default -> { }
        }
        return out;
    }

    /** Passing notes between onsets a beat or more apart: the motif extended, busier at the peak. */
    private static int[] extended(int[] steps) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            out.add(steps[i]);
            int next = i + 1 < steps.length ? steps[i + 1] : 16;
            if (next - steps[i] >= 4) out.add(steps[i] + 2);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private int chordDegree(Key key, Chord chord) {
        for (int d = 0; d < 7; d++) {
            if (key.pitchClass(d) == chord.root()) return d;
        }
        return degree;
    }

    /** The final long note, on the tonic. */
    public Note ending(Key key, double beat, double length, int velocity) {
        int d = Math.round(degree / 7f) * 7;
        return new Note(Note.Stem.MELODY, CHANNEL, beat, length, key.pitch(fold(d), octave(key)), velocity, false);
    }

    /** The octave the line is written in: keys from G up sit an octave lower, so every key has the same register. */
    private int octave(Key key) {
        return key.tonic() > 6 ? base - 12 : base;
    }

    private static int[] thin(int[] steps) {
        List<Integer> kept = new ArrayList<>();
        for (int s : steps) if (s % 4 == 0) kept.add(s);
        if (kept.isEmpty()) kept.add(steps[0]);
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int foldHigh(int d) {
        while (d > 10) d -= 3;
        while (d < 3) d += 3;
        return d;
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

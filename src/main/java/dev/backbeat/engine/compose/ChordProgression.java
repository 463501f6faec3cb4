package dev.backbeat.engine.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One chord per bar from the style's vocabulary. Each section restarts a progression, which
 * changes every eight bars so long sections do not loop; the piece closes with a cadence
 * (dominant or subdominant, then the tonic held to the end).
 */
public final class ChordProgression {

    public List<Chord> write(Key key, StyleSpec style, List<Section> sections, BeatGrid grid, Random rng) {
        int[][] progs = style.progressions(key.mode());
        int offset = rng.nextInt(progs.length);
        List<Chord> chords = new ArrayList<>();
        if (grid.firstDownbeat() > 0) {
            chords.add(Chord.of(key, 0, style.sevenths(), 0, grid.firstDownbeat()));
        }
        for (int s = 0; s < sections.size(); s++) {
            Section sec = sections.get(s);
            for (int bar = sec.startBar(); bar < sec.endBar(); bar++) {
                int pos = bar - sec.startBar();
                int[] prog = progs[(offset + s + pos / 8) % progs.length];
                int degree = prog[pos % prog.length];
                if (sec.role() == Section.Role.ENDING) {
                    degree = 0;
                } else if (s + 1 < sections.size() && sections.get(s + 1).role() == Section.Role.ENDING
                        && bar == sec.endBar() - 1) {
                    degree = prog[prog.length - 1] == 3 ? 3 : 4;
                }
                boolean seventh = style.sevenths() && sec.role() != Section.Role.ENDING;
                chords.add(Chord.of(key, degree, seventh, grid.barStart(bar), grid.barStart(bar + 1)));
            }
        }
        return chords;
    }

    /** The chord sounding at a beat position. */
    public static Chord at(List<Chord> chords, double beat) {
        Chord found = chords.get(0);
        for (Chord c : chords) {
            if (c.startBeat() <= beat + 1e-9) found = c;
            else break;
        }
        return found;
    }
}

package dev.backbeat.engine.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One chord per bar from the style's vocabulary. Each section restarts a progression, which
 * changes every eight bars so long sections do not loop; the piece closes with a cadence
 * (dominant or subdominant, then the tonic held to the end). A strong cut in the middle of a bar
 * brings the next chord in early, on the cut: harmony that moves with the picture reads as meant.
 */
public final class ChordProgression {

    public List<Chord> write(Key key, StyleSpec style, SectionPlanner.Plan plan, BeatGrid grid, Random rng,
                             java.util.Set<Integer> strongCutBeats) {
        List<Section> sections = plan.sections();
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
                if (sec.role() == Section.Role.ENDING && plan.finalBeat() > grid.barStart(bar)) {
                    // The dominant of the bar before carries on until the tonic's half-bar entry.
                    Chord before = chords.get(chords.size() - 1);
                    chords.add(Chord.of(key, before.degree(), before.pitchClasses().length == 4, grid.barStart(bar),
                            plan.finalBeat()));
                    chords.add(Chord.of(key, 0, false, plan.finalBeat(), grid.barStart(bar + 1)));
                    continue;
                }
                chords.add(Chord.of(key, degree, seventh, grid.barStart(bar), grid.barStart(bar + 1)));
            }
        }
        return splitOnCuts(key, style, sections, grid, chords, strongCutBeats);
    }

    private static List<Chord> splitOnCuts(Key key, StyleSpec style, List<Section> sections, BeatGrid grid,
                                           List<Chord> chords, java.util.Set<Integer> cutBeats) {
        int cadenceStart = grid.barStart(sections.get(sections.size() - 1).startBar() - 1);
        List<Chord> out = new ArrayList<>();
        for (int i = 0; i < chords.size(); i++) {
            Chord c = chords.get(i);
            int mid = (int) c.startBeat() + grid.beatsPerBar() / 2;
            boolean split = c.endBeat() - c.startBeat() == grid.beatsPerBar() && c.startBeat() >= grid.firstDownbeat()
                    && c.startBeat() < cadenceStart && cutBeats.contains(mid) && i + 1 < chords.size();
            if (!split) {
                out.add(c);
                continue;
            }
            int next = chords.get(i + 1).degree();
            int degree = next != c.degree() ? next : Math.floorMod(c.degree() + 3, 7);
            out.add(Chord.of(key, c.degree(), c.pitchClasses().length == 4, c.startBeat(), mid));
            out.add(Chord.of(key, degree, c.pitchClasses().length == 4, mid, c.endBeat()));
        }
        return out;
    }

    /**
     * The harmony moves on cuts that fall between the grid's eighths: the chord sounding there is
     * split at the cut and the next chord of the progression (or another one) comes in on it.
     */
    public static List<Chord> splitAt(Key key, List<Chord> chords, List<Double> beats) {
        List<Chord> out = new ArrayList<>(chords);
        for (double b : beats) {
            for (int i = 0; i < out.size(); i++) {
                Chord c = out.get(i);
                if (b < c.startBeat() + 0.5 - 1e-9 || b > c.endBeat() - 0.5 + 1e-9) continue;
                int next = i + 1 < out.size() ? out.get(i + 1).degree() : c.degree();
                int degree = next != c.degree() ? next : Math.floorMod(c.degree() + 3, 7);
                boolean seventh = c.pitchClasses().length == 4;
                out.set(i, Chord.of(key, c.degree(), seventh, c.startBeat(), b));
                out.add(i + 1, Chord.of(key, degree, seventh, b, c.endBeat()));
                break;
            }
        }
        return out;
    }

    /** The chords sounding within [from, to). */
    public static List<Chord> within(List<Chord> chords, double from, double to) {
        List<Chord> out = new ArrayList<>();
        for (Chord c : chords) {
            if (c.endBeat() > from + 1e-9 && c.startBeat() < to - 1e-9) out.add(c);
        }
        if (out.isEmpty()) out.add(at(chords, from));
        return out;
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

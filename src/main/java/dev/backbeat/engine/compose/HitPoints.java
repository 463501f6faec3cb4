package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.analysis.VideoProfile.Cut;
import dev.backbeat.engine.analysis.VideoProfile.Interval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides how the music catches every hard cut, as film composers catch hit points. A cut on a
 * beat or an off-beat eighth gets its hit there; one near a sixteenth gets a syncopated accent
 * on it. A strong cut that cannot sit on the grid is still marked where it falls: by an impact
 * (film-like styles and big cuts), by a stop (a beat of silence, then the hit: songs, the biggest
 * cuts), or by the harmony moving on the cut. Weak cuts off the grid are let go in songs, where
 * a hit out of time would sound like a mistake.
 */
final class HitPoints {

    /** How close a cut must be to a beat or an eighth (or a sixteenth) to be caught there. */
    static final double ON_GRID_SEC = 0.05;
    static final double SIXTEENTH_SEC = 0.04;

    /** A cut, how it is caught and the beat position where the music marks it (as written, before swing). */
    record Hit(Cut cut, CutCatch.How how, double beat) {
    }

    private HitPoints() {
    }

    static List<Hit> plan(VideoProfile profile, BeatGrid grid, StyleSpec spec, SectionPlanner.Plan plan, boolean drums) {
        boolean filmLike = spec.style() == Style.CINEMATIC || spec.style() == Style.TENSE || spec.style() == Style.PIANO;
        List<Cut> cuts = new ArrayList<>(profile.hardCuts());
        cuts.sort(Comparator.comparingDouble(Cut::timeSec));
        double lastBeat = grid.beatAt(profile.durationSec() - 0.3);
        double lastStop = -1e9;
        List<Hit> out = new ArrayList<>();
        for (Cut c : cuts) {
            double t = c.timeSec();
            double pos;
            CutCatch.How how;
            if (grid.distanceToBeat(t) <= ON_GRID_SEC) {
                pos = grid.nearestBeat(t);
                how = CutCatch.How.BEAT;
            } else if (grid.distanceToEighth(t) <= ON_GRID_SEC) {
                // Written on the straight off-beat: the humanizer adds the swing, as for every off-beat.
                pos = Math.floor(grid.nearestEighth(t)) + 0.5;
                how = CutCatch.How.OFF_BEAT;
            } else {
                double at = grid.beatAt(t);
                double sixteenth = Math.round(at * 4) / 4.0;
                boolean speech = speechIn(profile, t - 0.5, t + 0.2);
                if (Math.abs(grid.timeOf(sixteenth) - t) <= SIXTEENTH_SEC && sixteenth >= grid.firstDownbeat()) {
                    pos = sixteenth;
                    how = CutCatch.How.ACCENT;
                } else if (!filmLike && drums && c.strength() >= 0.8 && !speech && at - lastStop >= 16
                        && at - 1 >= grid.firstDownbeat() && at < plan.finalBeat() - 2) {
                    pos = at;
                    how = CutCatch.How.STOP;
                    lastStop = at;
                } else if (c.strength() >= 0.55 || (filmLike && c.strength() >= 0.35)) {
                    pos = at;
                    how = CutCatch.How.IMPACT;
                } else if (c.strength() >= 0.35 && at >= grid.firstDownbeat() + 1
                        && at < grid.barStart(plan.finalBar() - 1) - 1) {
                    pos = at;
                    how = CutCatch.How.CHORD_CHANGE;
                } else {
                    pos = at;
                    how = CutCatch.How.MISSED;
                }
            }
            // No room to sound before the last frame, or inside the held final chord off the grid.
            if (lastBeat - pos < 0.25 || (pos >= plan.finalBeat() && how != CutCatch.How.BEAT && how != CutCatch.How.OFF_BEAT)) {
                how = CutCatch.How.MISSED;
                pos = grid.beatAt(t);
            }
            out.add(new Hit(c, how, pos));
        }
        return out;
    }

    /** The beats where the harmony should move on a cut that falls between the grid's eighths. */
    static List<Double> chordChanges(List<Hit> hits) {
        return hits.stream().filter(h -> h.how() == CutCatch.How.CHORD_CHANGE).map(Hit::beat).toList();
    }

    /** A chord change the harmony could not make (no chord long enough around the cut) is let go. */
    static List<Hit> confirm(List<Hit> hits, List<Chord> chords) {
        List<Hit> out = new ArrayList<>();
        for (Hit h : hits) {
            boolean made = h.how() != CutCatch.How.CHORD_CHANGE
                    || chords.stream().anyMatch(c -> Math.abs(c.startBeat() - h.beat()) < 1e-9);
            out.add(made ? h : new Hit(h.cut(), CutCatch.How.MISSED, h.beat()));
        }
        return out;
    }

    /** What the plan reports: the cut, how it is caught and when the music marks it (swing included). */
    static List<CutCatch> catches(List<Hit> hits, BeatGrid grid) {
        List<CutCatch> out = new ArrayList<>();
        for (Hit h : hits) {
            double played = h.how() == CutCatch.How.OFF_BEAT ? h.beat() + grid.swing() : h.beat();
            double at = h.how() == CutCatch.How.MISSED ? h.cut().timeSec() : grid.timeOf(played);
            out.add(new CutCatch(h.cut().timeSec(), h.cut().strength(), h.how(), at));
        }
        return out;
    }

    /**
     * The notes that mark the cuts, and the silences stops ask for. A hit on the grid is a kick and
     * a crash over the bass (a low chord without drums); an accent on a sixteenth is lighter; an
     * impact adds a floor tom; a chord change is stabbed on the cut.
     */
    static void realise(List<Hit> hits, VideoProfile profile, BeatGrid grid, List<Chord> chords, StyleSpec spec,
                        int finalBeat, boolean drums, List<Note> notes, List<double[]> silences) {
        DrumPattern kit = new DrumPattern();
        double lastBeat = grid.beatAt(profile.durationSec() - 0.3);
        for (Hit h : hits) {
            if (h.how() == CutCatch.How.MISSED) continue;
            double pos = h.beat();
            double room = lastBeat - pos;
            Cut c = h.cut();
            Chord chord = ChordProgression.at(chords, pos + 1e-6);
            int v = (int) Math.round(95 + 25 * c.strength()) - (speechIn(profile, c.timeSec() - 0.2, c.timeSec() + 0.2) ? 25 : 0);
            if (h.how() == CutCatch.How.ACCENT || h.how() == CutCatch.How.CHORD_CHANGE) v -= 12;
            v = Math.min(127, v);
            if (h.how() == CutCatch.How.STOP) silences.add(new double[] {pos - 1, pos});
            // Inside the final chord a cut still gets its hit, but the held tonic is left ringing.
            if (pos < finalBeat) {
                notes.add(new Note(Note.Stem.BASS, 3, pos, h.how() == CutCatch.How.ACCENT ? 0.5 : 1.5, chord.rootAtOrAbove(33), v, true));
            }
            if (h.how() == CutCatch.How.CHORD_CHANGE) {
                PadVoicer stab = new PadVoicer(spec.comp() == 0 ? 55 : 52, 79);
                for (int p : stab.voice(chord)) {
                    notes.add(new Note(Note.Stem.HARMONY, Comping.CHANNEL, pos, Math.min(1, room), p, v, true));
                }
                continue;
            }
            if (drums) {
                List<DrumPattern.Hit> set = h.how() == CutCatch.How.ACCENT && c.strength() < 0.6
                        ? List.of(new DrumPattern.Hit(0, DrumPattern.KICK, 110), new DrumPattern.Hit(0, DrumPattern.OPEN, 90))
                        : kit.accent(spec.groove());
                for (DrumPattern.Hit d : set) {
                    notes.add(new Note(Note.Stem.DRUMS, Note.DRUM_CHANNEL, pos, Math.min(0.5, room), d.drum(),
                            d.velocity() - (120 - v), true));
                }
                if (h.how() == CutCatch.How.IMPACT || h.how() == CutCatch.How.STOP) {
                    notes.add(new Note(Note.Stem.DRUMS, Note.DRUM_CHANNEL, pos, Math.min(0.5, room), DrumPattern.FLOOR_TOM, v - 10, true));
                }
            } else {
                for (int p : new int[] {chord.rootAtOrAbove(36) + 12, chord.rootAtOrAbove(48)}) {
                    notes.add(new Note(Note.Stem.HARMONY, Comping.CHANNEL, pos, Math.min(1, room), p, v, true));
                }
            }
        }
    }

    static boolean speechIn(VideoProfile p, double t0, double t1) {
        if (p.speech() == null) return false;
        for (Interval i : p.speech()) {
            if (i.startSec() < t1 && i.endSec() > t0) return true;
        }
        return false;
    }
}

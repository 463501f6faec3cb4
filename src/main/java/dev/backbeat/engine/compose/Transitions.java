package dev.backbeat.engine.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * What announces a new section: a cymbal swell into its downbeat (a crash rolled louder and
 * louder, as a reverse cymbal sounds), a snare roll or a rising run that speeds up through the bar
 * before a drop, and the hit on the drop's downbeat. These notes are marked as accents: they stay
 * exactly in time and sound through the breath of silence before a drop.
 */
final class Transitions {

    private Transitions() {
    }

    /** A crash rolled in sixteenths over {@code beats} beats up to {@code end}, swelling from soft to loud. */
    static List<Note> cymbalSwell(double end, double beats, int peakVelocity) {
        List<Note> out = new ArrayList<>();
        int n = (int) Math.round(beats * 4);
        for (int i = 0; i < n; i++) {
            double x = (i + 1) / (double) n;
            int v = (int) Math.round(18 + (peakVelocity - 18) * x * x);
            out.add(new Note(Note.Stem.DRUMS, Note.DRUM_CHANNEL, end - beats + i * 0.25, 0.25, DrumPattern.CRASH, v, true));
        }
        return out;
    }

    /**
     * A snare roll through the bar before a drop: eighths, then sixteenths from the third beat,
     * growing louder, ending half a beat before the downbeat (the breath).
     */
    static List<Note> snareRoll(double barStart, int velocity) {
        List<Note> out = new ArrayList<>();
        for (double b = 0; b < 3.5 - 1e-9; b += b < 2 ? 0.5 : 0.25) {
            int v = (int) Math.round(velocity - 45 + 45 * b / 3.5);
            out.add(new Note(Note.Stem.DRUMS, Note.DRUM_CHANNEL, barStart + b, 0.25, DrumPattern.SNARE, v, true));
        }
        return out;
    }

    /** Without drums: the chord's tones run upwards through the bar, speeding up and growing louder. */
    static List<Note> risingRun(int[] voicing, double barStart, int channel, int velocity) {
        List<Note> out = new ArrayList<>();
        int i = 0;
        for (double b = 0; b < 3.5 - 1e-9; b += b < 2 ? 0.5 : 0.25, i++) {
            int octave = i / voicing.length;
            int pitch = Math.min(96, voicing[i % voicing.length] + 12 * Math.min(2, octave));
            int v = (int) Math.round(velocity - 30 + 30 * b / 3.5);
            out.add(new Note(Note.Stem.HARMONY, channel, barStart + b, b < 2 ? 0.45 : 0.22, pitch, v, true));
        }
        return out;
    }

    /** The drop's downbeat: kick, floor tom and crash, or a low octave and the chord without drums. */
    static List<Note> dropHit(double beat, Chord chord, int[] voicing, boolean drums, int compChannel) {
        List<Note> out = new ArrayList<>();
        out.add(new Note(Note.Stem.BASS, 3, beat, 2, chord.rootAtOrAbove(28), 118, true));
        if (drums) {
            out.add(new Note(Note.Stem.DRUMS, Note.DRUM_CHANNEL, beat, 1, DrumPattern.KICK, 124, true));
            out.add(new Note(Note.Stem.DRUMS, Note.DRUM_CHANNEL, beat, 1, DrumPattern.FLOOR_TOM, 110, true));
            out.add(new Note(Note.Stem.DRUMS, Note.DRUM_CHANNEL, beat, 2, DrumPattern.CRASH, 118, true));
        } else {
            int root = chord.rootAtOrAbove(36);
            out.add(new Note(Note.Stem.HARMONY, compChannel, beat, 2, root, 118, true));
            out.add(new Note(Note.Stem.HARMONY, compChannel, beat, 2, root + 12, 112, true));
        }
        for (int p : voicing) out.add(new Note(Note.Stem.HARMONY, compChannel, beat, 1.5, p, 104, true));
        return out;
    }
}

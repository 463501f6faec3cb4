package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HarmonyAndFormTest {

    @Test
    void pitchedNotesAreInTheKeyOrTheChordAndTwoMinutesNeverLoop() {
        for (Style style : Style.values()) {
            VideoProfile p = TestProfiles.irregular(120, 3, 0.55, 0.1, style.ordinal() + 1);
            Composition c = new Composer().compose(p, Brief.of(style, 9));
            int outside = 0;
            int pitched = 0;
            for (Note n : c.score().notes()) {
                if (!n.pitched()) continue;
                pitched++;
                // Humanised timing may start a note a hair before its chord: judge it on the grid.
                Chord chord = ChordProgression.at(c.chords(), Math.round(n.beat() * 8) / 8.0 + 1e-6);
                if (!c.key().inScale(n.pitch()) && !chord.allows(n.pitch())) outside++;
            }
            int bars = c.plan().sections().get(c.plan().sections().size() - 1).startBar();
            int same = MusicMetrics.identicalConsecutiveBlocks(c.score(), bars, 8);
            System.out.printf("CMT metrics %-20s %s: pitch-class entropy %.2f bits, groove consistency %.3f, "
                            + "%d pitched notes, %d outside key/chord, %d bars, %d identical consecutive 8-bar blocks%n",
                    style.label(), c.plan().key(), MusicMetrics.pitchClassEntropy(c.score()),
                    MusicMetrics.grooveConsistency(c.score(), bars), pitched, outside, bars, same);
            assertEquals(0, outside, style + ": every pitched note in the key or the chord");
            assertEquals(0, same, style + ": no two consecutive 8-bar blocks identical");
            assertTrue(bars >= 40, "a two-minute piece has many bars");
        }
    }

    @Test
    void harmonyChangesOnStrongCuts() {
        int strong = 0;
        int changed = 0;
        for (Style style : Style.values()) {
            VideoProfile p = TestProfiles.editedTo(40, 100, 0.02, 0.6, 0.3, java.util.List.of(), style.ordinal() + 3);
            Composition c = new Composer().compose(p, Brief.of(style, 1));
            BeatGrid g = c.score().grid();
            int lastBody = g.barStart(c.plan().sections().get(c.plan().sections().size() - 1).startBar() - 1);
            for (VideoProfile.Cut cut : p.hardCuts()) {
                int beat = g.nearestBeat(cut.timeSec());
                boolean onBarHalf = (beat - g.firstDownbeat()) % 2 == 0;
                if (cut.strength() < 0.5 || g.distanceToBeat(cut.timeSec()) > 0.05 || !onBarHalf
                        || beat < g.firstDownbeat() || beat >= lastBody) continue;
                strong++;
                if (c.chords().stream().anyMatch(ch -> Math.abs(ch.startBeat() - beat) < 1e-9)) changed++;
            }
        }
        System.out.printf("chords on cuts: %d of %d strong cuts on a downbeat or mid-bar start a chord%n", changed, strong);
        assertTrue(strong > 20);
        assertEquals(strong, changed, "every strong cut on a bar or half-bar starts a chord");
    }

    @Test
    void metricsAreSensible() {
        Composition c = new Composer().compose(TestProfiles.irregular(40, 3, 0.5, 0.3, 2), Brief.of(Style.POP, 1));
        double h = MusicMetrics.pitchClassEntropy(c.score());
        assertTrue(h > 2 && h < Math.log(12) / Math.log(2) + 1e-9, "diatonic music: entropy between 2 and 3.58 bits, got " + h);
        double gs = MusicMetrics.grooveConsistency(c.score(), 10);
        assertTrue(gs > 0.5 && gs <= 1, "a steady groove, got " + gs);
    }
}

package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the user asked for wins over what the footage suggests. */
class BriefTest {

    private final VideoProfile clip = TestProfiles.editedTo(30, 110, 0.02, 0.5, 0.3, List.of(), 4);

    @Test
    void unwantedPartsAreLeftOutAndWantedInstrumentsLead() {
        Brief brief = new Brief(Style.POP, null, null, null, null, Set.of("flute"), Set.of("drums"), null, "D minor", 0, 1);
        Composition c = new Composer().compose(clip, brief);
        assertTrue(c.score().notes(Note.Stem.DRUMS).isEmpty(), "no drums");
        assertEquals(73, c.score().instruments().stream().filter(i -> i.part().equals("lead")).findFirst().orElseThrow().program());
        assertEquals("D minor", c.plan().key());
    }

    @Test
    void anIntensityChangeMakesThatStretchBusierAndLouder() {
        Brief plain = Brief.of(Style.CORPORATE, 1);
        Brief pushed = new Brief(Style.CORPORATE, null, null, null, null, null, null,
                List.of(new Brief.IntensityChange(12, 24, 0.5)), null, 0, 1);
        double[] a = busyness(new Composer().compose(clip, plain), 12, 24);
        double[] b = busyness(new Composer().compose(clip, pushed), 12, 24);
        System.out.printf("intensity +0.5 over 12-24 s: notes/s %.1f → %.1f, mean velocity %.0f → %.0f%n", a[0], b[0], a[1], b[1]);
        assertTrue(b[0] > a[0] && b[1] > a[1]);
    }

    @Test
    void aTempoRangeIsHonoured() {
        Brief brief = new Brief(Style.FOLK, null, null, 84.0, 90.0, null, null, null, null, 0, 1);
        MusicPlan plan = new Composer().compose(clip, brief).plan();
        assertTrue(plan.bpm() >= 84 && plan.bpm() <= 90, "tempo " + plan.bpm());
    }

    private static double[] busyness(Composition c, double from, double to) {
        int n = 0;
        double vel = 0;
        for (Note note : c.score().notes()) {
            double t = c.score().grid().timeOf(note.beat());
            if (t >= from && t < to) {
                n++;
                vel += note.velocity();
            }
        }
        return new double[] {n / (to - from), vel / n};
    }

    @Test
    void momentsAreKeptInTimeOrderAndLookedUpByKind() {
        Brief b = Brief.of(Style.HOUSE, 1).withMoments(List.of(new Brief.Moment(Brief.Moment.Kind.DROP, 14),
                new Brief.Moment(Brief.Moment.Kind.BUILD, 6)));
        assertEquals(List.of(6.0, 14.0), b.moments().stream().map(Brief.Moment::sec).toList());
        assertEquals(14.0, b.moments(Brief.Moment.Kind.DROP).get(0).sec());
        assertTrue(Brief.of(Style.HOUSE, 1).moments().isEmpty(), "none unless asked");
    }
}

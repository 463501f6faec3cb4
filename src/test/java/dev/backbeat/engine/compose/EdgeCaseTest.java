package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.analysis.VideoProfile.Cut;
import dev.backbeat.engine.analysis.VideoProfile.Interval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short clips, no cuts, speech throughout, a profile with little in it. */
class EdgeCaseTest {

    @Test
    void shortAndBareClipsStillGetAPiece() {
        for (double d : new double[] {2, 3.5, 6, 9}) {
            for (Style style : Style.values()) {
                VideoProfile bare = new VideoProfile("bare", d, 0, 0, 0, false, List.of(), 0, null, null, null, null,
                        null, null, null, null);
                Composition c = new Composer().compose(bare, Brief.of(style, 1));
                assertTrue(c.score().notes().size() > 0, style + " " + d);
                double lastEnd = 0;
                for (Note n : c.score().notes()) lastEnd = Math.max(lastEnd, c.score().grid().timeOf(n.beat() + n.length()));
                assertTrue(lastEnd <= d + 1e-6, style + " " + d + " s: nothing sounds past the end (" + lastEnd + ")");
            }
        }
        Pieces.Rendered r = Pieces.render(TestProfiles.irregular(2, 1, 0.5, 0, 1), Brief.of(Style.POP, 1));
        assertEquals(2 * 48000, r.music().mix()[0].length);
    }

    @Test
    void cutsAtTheVeryStartAndEndAndSpeechThroughout() {
        VideoProfile p = TestProfiles.profile(12, List.of(0.05, 6.0, 11.97), 0.6, 0.2, List.of(new Interval(0, 12)), 1);
        for (Style style : Style.values()) {
            Composition c = new Composer().compose(p, Brief.of(style, 2));
            assertTrue(c.score().notes(Note.Stem.MELODY).isEmpty(), style + ": no lead under speech");
        }
    }

    @Test
    void badRequestsAreWordedForTheUser() {
        VideoProfile tiny = TestProfiles.irregular(1.5, 1, 0.5, 0, 1);
        ComposeException e = assertThrows(ComposeException.class, () -> new Composer().compose(tiny, Brief.of(Style.POP, 1)));
        assertTrue(e.getMessage().contains("at least 2 seconds"));
        assertThrows(ComposeException.class, () -> Brief.of(Style.POP, 1).withBpm(400.0));
        assertThrows(ComposeException.class, () -> Style.parse("polka"));
        assertEquals(new Key(2, Key.Mode.MINOR), Key.parse("D minor"));
        assertEquals(new Key(10, Key.Mode.MAJOR), Key.parse("Bb major"));
        assertEquals(new Key(9, Key.Mode.MINOR), Key.parse("Am"));
        List<Cut> none = List.of();
        assertEquals(1.0, TempoFitter.hitRate(none, new TempoFitter(0).fit(none, 10, 100, 100, 100).grid(), 0.05));
    }
}

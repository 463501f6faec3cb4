package dev.backbeat.engine.photo;

import dev.backbeat.engine.compose.MusicPlan;
import dev.backbeat.engine.compose.Section;
import dev.backbeat.engine.compose.Style;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the photos change on a known grid: 100 BPM, 4/4, a calm first half and an energetic second. */
class SlideshowTimerTest {
    private static final double BEAT = 0.6;

    private static MusicPlan plan(double duration) {
        int n = (int) Math.ceil(duration / BEAT) + 4;
        double[] beats = new double[n];
        for (int i = 0; i < n; i++) {
            beats[i] = i * BEAT;
        }
        int bars = (int) Math.ceil(duration / (4 * BEAT));
        List<Section> sections = List.of(new Section(Section.Role.VERSE, 0, bars / 2, 0.2),
                new Section(Section.Role.PEAK, bars / 2, bars, 0.9));
        return new MusicPlan(Style.values()[0], 100, 100, 100, 4, "C major", sections, List.of(), List.of(), beats, 0, 0, 1, 1,
                1, 1, duration, duration - 2, -18, 1);
    }

    @Test
    void everyChangeIsOnABeatAndCalmHoldsLonger() {
        List<SlideshowTimer.Item> items = new ArrayList<>(Collections.nCopies(16, new SlideshowTimer.Item(true, 3.1)));
        double total = 16 * 3.1;
        double[] holds = new SlideshowTimer(plan(total)).holds(items, SlideshowTimer.Pace.BY_SECTION);
        double t = 0;
        double calm = 0;
        double lively = 0;
        for (int i = 0; i < holds.length; i++) {
            assertTrue(holds[i] >= 0.5, "hold " + i + " " + holds[i]);
            if (i > 0) {
                double off = Math.abs(t / BEAT - Math.rint(t / BEAT));
                assertTrue(off < 1e-6, "change " + i + " at " + t + " is off the beat");
            }
            if (i < 6) calm += holds[i];
            if (i >= 10) lively += holds[i];
            t += holds[i];
        }
        assertEquals(total, t, 1e-9, "the photos fill the music exactly");
        System.out.printf("holds: calm half %.2f s, energetic half %.2f s (%.2f×)%n", calm / 6, lively / 6, calm / lively);
        assertTrue(calm / 6 > lively / 6 * 1.8, "calm holds " + calm / 6 + " vs energetic " + lively / 6);
    }

    @Test
    void inTheCalmHalfChangesFallOnBarLinesOrHalfBars() {
        List<SlideshowTimer.Item> items = new ArrayList<>(Collections.nCopies(10, new SlideshowTimer.Item(true, 3)));
        double[] holds = new SlideshowTimer(plan(30)).holds(items, SlideshowTimer.Pace.BY_SECTION);
        double t = holds[0];
        for (int i = 1; i < 4; i++) {
            double beats = t / BEAT;
            assertEquals(0, Math.floorMod(Math.round(beats), 2), "change at beat " + beats);
            t += holds[i];
        }
    }

    @Test
    void everyBeatChangesOnConsecutiveBeatsAndAClipKeepsItsLength() {
        List<SlideshowTimer.Item> items = List.of(new SlideshowTimer.Item(true, BEAT), new SlideshowTimer.Item(true, BEAT),
                new SlideshowTimer.Item(true, BEAT), new SlideshowTimer.Item(false, 4.0), new SlideshowTimer.Item(true, 3),
                new SlideshowTimer.Item(true, 3));
        double[] holds = new SlideshowTimer(plan(4 * BEAT + 4 + 6)).holds(items, SlideshowTimer.Pace.EVERY_BEAT);
        assertEquals(BEAT, holds[0], 1e-9);
        assertEquals(BEAT, holds[1], 1e-9);
        assertEquals(4.0, holds[3], 1e-9, "the video clip keeps its length");
        double sum = 0;
        for (double h : holds) sum += h;
        assertEquals(3 * BEAT + 4 + 6, sum, 1e-9);
    }
}

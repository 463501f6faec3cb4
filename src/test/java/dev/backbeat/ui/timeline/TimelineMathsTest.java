package dev.backbeat.ui.timeline;

import dev.backbeat.service.preview.PreviewSound;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Time to x and back, zoom, scroll, follow, ruler ticks and the waveform's columns. */
class TimelineMathsTest {

    private static TimeScale scale(double duration, double width) {
        TimeScale s = new TimeScale();
        s.setWidth(width);
        s.setDuration(duration);
        return s;
    }

    @Test
    void fittedTheWholeTimelineIsInView() {
        TimeScale s = scale(40, 800);
        assertEquals(20, s.pxPerSec(), 1e-9);
        assertEquals(0, s.x(0), 1e-9);
        assertEquals(800, s.x(40), 1e-9);
        assertEquals(10, s.sec(200), 1e-9);
        assertEquals(0, s.maxStartSec(), 1e-9);
        // a short clip is drawn over 10 s so it stays readable
        assertEquals(80, scale(3, 800).pxPerSec(), 1e-9);
    }

    @Test
    void zoomKeepsTheTimeUnderTheMouseAndScrollStaysInside() {
        TimeScale s = scale(40, 800);
        double under = s.sec(600);
        s.zoom(4, 600);
        assertFalse(s.isFitted());
        assertEquals(80, s.pxPerSec(), 1e-9);
        assertEquals(under, s.sec(600), 1e-9);
        assertEquals(10, s.visibleSec(), 1e-9);
        s.scrollTo(100);
        assertEquals(30, s.startSec(), 1e-9, "no scrolling past the end");
        s.scrollByPx(-80 * 50);
        assertEquals(0, s.startSec(), 1e-9, "nor before the start");
        s.zoom(1000, 0);
        assertEquals(TimeScale.MAX_PX_PER_SEC, s.pxPerSec(), 1e-9);
        s.zoom(1e-6, 0);
        assertTrue(s.isFitted(), "zooming out all the way is the fit");
        assertEquals(20, s.pxPerSec(), 1e-9);
    }

    @Test
    void aZoomedViewKeepsItsZoomWhenTheWindowGrowsAndAFittedOneRefits() {
        TimeScale s = scale(40, 800);
        s.setWidth(1000);
        assertEquals(25, s.pxPerSec(), 1e-9);
        s.zoom(2, 0);
        s.setWidth(500);
        assertEquals(50, s.pxPerSec(), 1e-9);
    }

    @Test
    void thePlayheadTurnsThePageWhenItLeavesTheView() {
        TimeScale s = scale(60, 600);
        s.zoom(6, 0);
        assertEquals(10, s.visibleSec(), 1e-9);
        assertFalse(s.follow(5));
        assertTrue(s.follow(10.5));
        assertEquals(9.5, s.startSec(), 1e-9);
        assertTrue(s.follow(2));
        assertEquals(1, s.startSec(), 1e-9);
        assertTrue(s.follow(59.9));
        assertEquals(50, s.startSec(), 1e-9);
    }

    @Test
    void rulerLabelsAreFarEnoughApartAndReadAsClockTimes() {
        TimeScale s = scale(42, 840);
        assertEquals(5, RulerTicks.majorStep(s.pxPerSec()));
        List<RulerTicks.Tick> ticks = RulerTicks.ticks(s);
        List<String> labels = ticks.stream().filter(RulerTicks.Tick::major).map(RulerTicks.Tick::label).toList();
        assertEquals(List.of("0:00", "0:05", "0:10", "0:15", "0:20", "0:25", "0:30", "0:35", "0:40"), labels);
        assertTrue(ticks.size() > labels.size() * 3, "minor ticks between");
        assertEquals(0.2, RulerTicks.majorStep(400));
        assertEquals("1:02.5", RulerTicks.label(62.5, 0.5));
        assertEquals("10:00", RulerTicks.label(600, 60));
    }

    @Test
    void waveformColumnsHoldTheRangeOfTheSoundUnderThem() {
        PreviewSound sound = new TimelineFixture.ToneSound(120);
        WaveformPeaks w = WaveformPeaks.read(sound, PreviewSound.Layer.CLIP, () -> false);
        assertEquals((int) Math.ceil(20 / WaveformPeaks.BUCKET_SEC), w.buckets());
        assertEquals(0.3, w.peak(), 0.01);
        float[] lo = new float[20];
        float[] hi = new float[20];
        w.columns(0, 1, lo, hi, 20);
        for (int i = 0; i < 20; i++) {
            boolean speech = i >= 6 && i < 9;
            assertEquals(speech ? 0.3 : 0, hi[i], 0.01, "column " + i);
            assertEquals(speech ? -0.3 : 0, lo[i], 0.01, "column " + i);
        }
        assertEquals(null, WaveformPeaks.read(sound, PreviewSound.Layer.MUSIC, () -> true), "a cancelled read gives nothing");
    }
}

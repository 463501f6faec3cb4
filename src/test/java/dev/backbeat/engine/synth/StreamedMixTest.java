package dev.backbeat.engine.synth;

import dev.backbeat.engine.compose.Brief;
import dev.backbeat.engine.compose.Composer;
import dev.backbeat.engine.compose.Composition;
import dev.backbeat.engine.compose.MidiWriter;
import dev.backbeat.engine.compose.Style;
import dev.backbeat.engine.compose.TestProfiles;
import org.junit.jupiter.api.Test;

import javax.sound.midi.Sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mix rendered a second at a time, without stems, is the same mix the stems add up to. */
class StreamedMixTest {

    @Test
    void streamedMixEqualsTheMixOfTheStems() {
        Composition c = new Composer().compose(TestProfiles.brightFast(12, 3), Brief.of(Style.POP, 5));
        Sequence seq = new MidiWriter().write(c.score(), c.key());
        MusicRenderer renderer = new MusicRenderer(SoundFontLoader.load(), 2);
        float[][] whole = renderer.render(seq, c.plan().durationSec(), c.plan().levelDb()).mix();
        float[][] streamed = renderer.renderMix(seq, c.plan().durationSec(), c.plan().levelDb());
        assertArrayEquals(whole[0], streamed[0]);
        assertArrayEquals(whole[1], streamed[1]);
        double peak = 0;
        for (float v : streamed[0]) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertTrue(peak > 0.05 && peak <= Math.pow(10, Mastering.CEILING_DB / 20) + 1e-6, "peak " + peak);
    }

    @Test
    void aStopAskedForEndsTheRenderingEarly() {
        Composition c = new Composer().compose(TestProfiles.brightFast(30, 3), Brief.of(Style.POP, 5));
        Sequence seq = new MidiWriter().write(c.score(), c.key());
        MusicRenderer renderer = new MusicRenderer(SoundFontLoader.load(), 2);
        java.util.concurrent.atomic.AtomicInteger looks = new java.util.concurrent.atomic.AtomicInteger();
        // asked to stop at the third look: well before the 300 looks a 30-s piece's parts make
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> renderer.renderMix(seq, c.plan().durationSec(), c.plan().levelDb(), () -> looks.incrementAndGet() > 2));
        assertTrue(looks.get() < 20, "looks after the stop: " + looks.get());
    }
}

package dev.backbeat.engine.synth;

import dev.backbeat.engine.compose.Brief;
import dev.backbeat.engine.compose.Composer;
import dev.backbeat.engine.compose.Composition;
import dev.backbeat.engine.compose.MidiWriter;
import dev.backbeat.engine.compose.Note;
import dev.backbeat.engine.compose.Style;
import dev.backbeat.engine.compose.TestProfiles;
import dev.backbeat.engine.produce.Production;
import org.junit.jupiter.api.Test;

import javax.sound.midi.Sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production chain on whole pieces: the streamed mix is the stems' mix, the picture is wider, house pumps, lo-fi has its record. */
class ProducedMixTest {
    private static final MusicRenderer RENDERER = new MusicRenderer(SoundFontLoader.load(), 2);

    private static Composition compose(Style style, double seconds) {
        return new Composer().compose(TestProfiles.brightFast(seconds, 3), Brief.of(style, 5));
    }

    @Test
    void theStreamedMixIsTheStemsMixAndWiderThanTheDrySound() {
        Composition c = compose(Style.POP, 12);
        Sequence seq = new MidiWriter().write(c.score(), c.key());
        RenderedMusic whole = RENDERER.render(seq, c.plan().durationSec(), c.plan().levelDb(), Production.of(c.plan()));
        float[][] streamed = RENDERER.renderMix(seq, c.plan().durationSec(), c.plan().levelDb(), () -> false, Production.of(c.plan()));
        assertArrayEquals(whole.mix()[0], streamed[0]);
        assertArrayEquals(whole.mix()[1], streamed[1]);
        float[][] dry = RENDERER.renderMix(seq, c.plan().durationSec(), c.plan().levelDb());
        double produced = width(streamed);
        double before = width(dry);
        // the SoundFont's stereo samples already give the dry sound some width (0.19); the chain must add to it and
        // land in the middle half of real recordings (0.09-0.21 side/mid)
        assertTrue(produced > 0.09 && produced > 1.1 * before, "side/mid energy " + produced + " (dry " + before + ")");
        double ceiling = Math.pow(10, Mastering.CEILING_DB / 20);
        for (float[] ch : streamed) for (float x : ch) assertTrue(Math.abs(x) <= ceiling + 1e-6, "under the ceiling");
    }

    @Test
    void houseBreathesWithTheKick() {
        Composition c = compose(Style.HOUSE, 12);
        Sequence seq = new MidiWriter().write(c.score(), c.key());
        RenderedMusic m = RENDERER.render(seq, c.plan().durationSec(), c.plan().levelDb(), Production.of(c.plan()));
        float[] pad = m.stems().get("harmony")[0];
        double before = 0;
        double after = 0;
        int kicks = 0;
        for (Note n : c.score().notes(Note.Stem.DRUMS)) {
            if (n.pitch() != 36 && n.pitch() != 35) continue;
            int at = (int) Math.round(c.score().grid().timeOf(n.beat()) * GervillRenderer.RATE);
            if (at < 4800 || at + 4800 > pad.length) continue;
            before += energy(pad, at - 2400, at - 200);
            after += energy(pad, at + 600, at + 2800);
            kicks++;
        }
        assertTrue(kicks > 8, "kicks " + kicks);
        assertTrue(after < 0.7 * before, "the pads dip after the kicks: " + after / before);
    }

    @Test
    void loFiHasAQuietRecordUnderIt() {
        Composition c = compose(Style.LOFI, 10);
        Sequence seq = new MidiWriter().write(c.score(), c.key());
        RenderedMusic m = RENDERER.render(seq, c.plan().durationSec(), c.plan().levelDb(), Production.of(c.plan()));
        float[][] vinyl = m.stems().get("vinyl");
        assertTrue(vinyl != null, "a vinyl stem: " + m.stems().keySet());
        double noise = energy(vinyl[0], 0, vinyl[0].length);
        double all = energy(m.mix()[0], 0, vinyl[0].length);
        double db = 10 * Math.log10(noise / all);
        assertTrue(db < -30 && db > -60, "the record sits " + db + " dB under the music");
    }

    private static double energy(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i] * (double) x[i];
        return s;
    }

    private static double width(float[][] x) {
        double side = 0;
        double mid = 0;
        for (int i = 0; i < x[0].length; i++) {
            side += Math.pow((x[0][i] - x[1][i]) / 2.0, 2);
            mid += Math.pow((x[0][i] + x[1][i]) / 2.0, 2);
        }
        return side / mid;
    }
}

package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.analysis.VideoProfile.Interval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Under a voice-over the lead rests and the arrangement thins. */
class SpeechTest {

    @Test
    void theArrangementThinsUnderSpeech() {
        Interval talk = new Interval(8, 18);
        VideoProfile p = TestProfiles.editedTo(30, 110, 0.02, 0.7, 0.4, List.of(talk), 3);
        for (Style style : new Style[] {Style.POP, Style.CORPORATE, Style.LOFI}) {
            Composition c = new Composer().compose(p, Brief.of(style, 2));
            BeatGrid g = c.score().grid();
            int leadInSpeech = 0;
            int inSpeech = 0;
            int outside = 0;
            double velIn = 0, velOut = 0;
            for (Note n : c.score().notes()) {
                double t = g.timeOf(n.beat());
                boolean speech = t >= talk.startSec() && t < talk.endSec();
                if (speech && n.stem() == Note.Stem.MELODY) leadInSpeech++;
                if (t < 2 || t > 28) continue;
                if (speech) {
                    inSpeech++;
                    velIn += n.velocity();
                } else {
                    outside++;
                    velOut += n.velocity();
                }
            }
            double rateIn = inSpeech / talk.length();
            double rateOut = outside / (26 - talk.length());
            double loudIn = velIn / talk.length();
            double loudOut = velOut / (26 - talk.length());
            System.out.printf("speech %-20s notes/s under speech %.1f, elsewhere %.1f; velocity·notes/s %.0f vs %.0f "
                            + "(mean velocity %.0f vs %.0f); lead notes under speech %d%n", style.label(), rateIn, rateOut,
                    loudIn, loudOut, velIn / inSpeech, velOut / outside, leadInSpeech);
            assertEquals(0, leadInSpeech, "no lead melody under speech");
            assertTrue(rateIn < 0.8 * rateOut, "fewer notes under speech");
            // Mean velocity alone would rise when the soft hats drop out; what is played per second is what a voice competes with.
            assertTrue(loudIn < 0.75 * loudOut, "much less played per second under speech");
        }
    }
}

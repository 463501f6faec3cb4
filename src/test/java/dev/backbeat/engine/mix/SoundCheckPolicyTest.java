package dev.backbeat.engine.mix;

import dev.backbeat.engine.media.MediaException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check-and-retry rules alone, on made-up readings: no FFmpeg. */
class SoundCheckPolicyTest {

    private static LoudnessCheck.Reading heard(double lufs, double peak) {
        return new LoudnessCheck.Reading(lufs, peak);
    }

    @Test
    void aPassOnTargetIsTakenAtOnce() throws Exception {
        SoundCheck c = new SoundCheck(-20, 6, -1.5, -14);
        assertTrue(c.judge(heard(-14.2, -2.0)).accepted());
        assertEquals(1, c.judged());
        assertEquals(6, c.gainDb(), 0);
        assertFalse(c.redone());
        assertEquals(-14.2, c.accepted().lufs(), 0);
    }

    @Test
    void aQuietPassIsMadeLouderBySecantAtMostTwice() throws Exception {
        SoundCheck c = new SoundCheck(-20, 6, -1.5, -14);
        SoundCheck.Verdict first = c.judge(heard(-16, -3));
        assertFalse(first.accepted());
        assertEquals("it was 2.0 LU too quiet", first.why());
        assertEquals(8, c.gainDb(), 1e-9, "first try: the whole miss");
        // the 2 dB more gave only 1 LU (the limiter works harder): the secant doubles the step
        SoundCheck.Verdict second = c.judge(heard(-15, -2));
        assertFalse(second.accepted());
        assertEquals(10, c.gainDb(), 1e-9);
        // a third miss is taken: the loudness is corrected twice at most
        assertTrue(c.judge(heard(-14.8, -2)).accepted());
    }

    @Test
    void aPeakOverTheLimitLowersTheCeilingNotTheGain() throws Exception {
        SoundCheck c = new SoundCheck(-20, 6, -1.5, -14);
        SoundCheck.Verdict v = c.judge(heard(-14, -0.7));
        assertFalse(v.accepted());
        assertEquals("a peak was 0.5 dB over the limit", v.why());
        assertEquals(-2.3, c.ceiling(), 1e-9, "lowered by the overshoot and 0.3 dB more");
        assertEquals(6, c.gainDb(), 0);
        assertTrue(c.redone());
        // once a ceiling was lowered, a loudness a little off is accepted
        assertTrue(c.judge(heard(-14.9, -1.4)).accepted());
    }

    @Test
    void aPeakThatWillNotComeDownIsSaidInWords() throws Exception {
        SoundCheck c = new SoundCheck(-20, 6, -1.5, -14);
        for (int i = 0; i < 4; i++) {
            assertFalse(c.judge(heard(-14, -0.5)).accepted());
        }
        MediaException e = assertThrows(MediaException.class, () -> c.judge(heard(-14, -0.5)));
        assertTrue(e.getMessage().contains("could not be brought under -1.2 dBTP"), e.getMessage());
    }

    @Test
    void silenceIsNeverMadeLouder() throws Exception {
        SoundCheck c = new SoundCheck(-80, 0, -1.5, -14);
        assertTrue(c.judge(heard(-70, -70)).accepted());
    }

    @Test
    void nothingDecodedIsAFailureNotAPass() {
        SoundCheck c = new SoundCheck(-20, 6, -1.5, -14);
        assertThrows(MediaException.class, () -> c.judge(null));
        assertEquals(0, c.judged());
    }
}

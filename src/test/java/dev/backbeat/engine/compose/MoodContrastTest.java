package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A calm, dark, slow clip gets slower, sparser, softer music than a bright, fast-cut one. */
class MoodContrastTest {

    @Test
    void calmDarkClipsGetSlowerSparserSofterMusicInEveryStyle() {
        int compared = 0;
        for (Style style : Style.values()) {
            if (!StyleLibrary.spec(style).allowsCalmAndEnergetic()) continue;
            VideoProfile calm = TestProfiles.calmDark(30, 3);
            VideoProfile bright = TestProfiles.brightFast(30, 3);
            Composition a = new Composer().compose(calm, Brief.of(style, 4));
            Composition b = new Composer().compose(bright, Brief.of(style, 4));
            System.out.printf("mood contrast %-20s calm/dark: %5.1f BPM %4.1f onsets/s vel %3.0f level %5.1f dB %s | "
                            + "bright/fast: %5.1f BPM %4.1f onsets/s vel %3.0f level %5.1f dB %s%n",
                    style.label(), a.plan().bpm(), a.score().onsetsPerSecond(), a.score().meanVelocity(),
                    a.plan().levelDb(), a.plan().key(), b.plan().bpm(), b.score().onsetsPerSecond(),
                    b.score().meanVelocity(), b.plan().levelDb(), b.plan().key());
            assertTrue(a.plan().bpm() < b.plan().bpm(), style + ": slower");
            assertTrue(a.score().onsetsPerSecond() < b.score().onsetsPerSecond(), style + ": sparser");
            assertTrue(a.score().meanVelocity() < b.score().meanVelocity(), style + ": softer notes");
            assertTrue(a.plan().levelDb() < b.plan().levelDb(), style + ": mastered softer");
            compared++;
        }
        assertTrue(compared >= 6, "most styles allow both a calm and an energetic reading");
    }

    @Test
    void calmMusicRendersQuieter() {
        Pieces.Rendered a = Pieces.render(TestProfiles.calmDark(15, 5), Brief.of(Style.CORPORATE, 2));
        Pieces.Rendered b = Pieces.render(TestProfiles.brightFast(15, 5), Brief.of(Style.CORPORATE, 2));
        System.out.printf("rendered RMS: calm %.1f dBFS, bright %.1f dBFS%n", a.music().rmsDb(), b.music().rmsDb());
        assertTrue(a.music().rmsDb() < b.music().rmsDb() - 3, "the calm piece is at least 3 dB softer");
    }

    @Test
    void moodWordsOverrideTheFootage() {
        VideoProfile bright = TestProfiles.brightFast(20, 1);
        Composition asked = new Composer().compose(bright, Brief.of(Style.CINEMATIC, 1).withMood("calm, dark"));
        Composition plain = new Composer().compose(bright, Brief.of(Style.CINEMATIC, 1));
        assertTrue(asked.plan().bpm() < plain.plan().bpm());
        assertTrue(asked.plan().key().endsWith("minor"));
    }
}

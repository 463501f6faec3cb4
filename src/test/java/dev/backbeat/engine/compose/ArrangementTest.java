package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arrangement's shape, read from the notes: an intro that sets the groove, varied bars, transitions, a developed motif. */
class ArrangementTest {

    @Test
    void theIntroBringsThePartsInOneByOne() {
        for (Style style : Style.values()) {
            if (!StyleLibrary.spec(style).hasDrums()) continue;
            Composition c = new Composer().compose(TestProfiles.irregular(30, 2.5, 0.55, 0.2, 21), Brief.of(style, 5));
            Section intro = c.plan().sections().get(0);
            assertEquals(Section.Role.INTRO, intro.role());
            assertEquals(2, intro.bars(), style + ": a 30-s piece has a two-bar intro");
            BeatGrid g = c.score().grid();
            List<Note> first = inBar(c, g, 0), second = inBar(c, g, 1), verse = inBar(c, g, 2);
            assertTrue(first.stream().noneMatch(n -> n.stem() == Note.Stem.DRUMS && !n.accent()), style + ": no drums in the first bar");
            assertTrue(first.stream().noneMatch(n -> n.stem() == Note.Stem.BASS && !n.accent()), style + ": no bass in the first bar");
            assertTrue(first.stream().anyMatch(n -> n.stem() == Note.Stem.HARMONY), style + ": the harmony opens");
            boolean film = style == Style.CINEMATIC;
            assertTrue(second.stream().filter(n -> n.stem() == Note.Stem.DRUMS && !n.accent())
                    .allMatch(n -> DrumPattern.isMetal(n.pitch()) || (film && n.pitch() == DrumPattern.FLOOR_TOM)),
                    style + ": only hats or shakers (a film score's low tom) in the intro");
            assertTrue(second.stream().anyMatch(n -> n.stem() == Note.Stem.BASS && !n.accent()), style + ": the bass enters in the intro's last bar");
            assertTrue(second.stream().anyMatch(n -> n.stem() == Note.Stem.DRUMS && !n.accent()
                            && (DrumPattern.isMetal(n.pitch()) || (film && n.pitch() == DrumPattern.FLOOR_TOM))),
                    style + ": the hats set the groove before the verse");
            assertTrue(second.stream().noneMatch(n -> n.stem() == Note.Stem.MELODY), style + ": the lead waits for the verse");
            assertTrue(verse.stream().anyMatch(n -> n.stem() == Note.Stem.DRUMS && !DrumPattern.isMetal(n.pitch())
                            && (!film || n.pitch() != DrumPattern.FLOOR_TOM)),
                    style + ": the full kit comes in with the verse");
        }
    }

    @Test
    void barsVaryButKeepTheGrooveAndSectionsAreAnnounced() {
        for (Style style : Style.values()) {
            if (!StyleLibrary.spec(style).hasDrums()) continue;
            VideoProfile p = TestProfiles.irregular(72, 3, 0.6, 0.2, style.ordinal() + 1);
            Composition c = new Composer().compose(p, Brief.of(style, 9));
            BeatGrid g = c.score().grid();
            int bars = c.plan().sections().get(c.plan().sections().size() - 1).startBar();
            Set<String> patterns = new HashSet<>();
            int crashes = 0, starts = 0, fills = 0, rises = 0;
            for (Section s : c.plan().sections()) {
                if (s.role() == Section.Role.ENDING) continue;
                for (int bar = s.startBar(); bar < s.endBar(); bar++) patterns.add(drumBar(c, g, bar));
                if (s.role() == Section.Role.INTRO || s.role() == Section.Role.BREAK) continue;
                starts++;
                int down = g.barStart(s.startBar());
                if (c.score().notes().stream().anyMatch(n -> n.stem() == Note.Stem.DRUMS && n.pitch() == DrumPattern.CRASH
                        && Math.abs(n.beat() - down) < 0.05)) crashes++;
                // The bar before: something on its last beat other than the groove's hats (a fill, a roll or a swell).
                if (c.score().notes().stream().anyMatch(n -> n.stem() == Note.Stem.DRUMS && n.beat() >= down - 1 && n.beat() < down
                        && (n.pitch() == DrumPattern.SNARE || n.pitch() == DrumPattern.HIGH_TOM || n.pitch() == DrumPattern.MID_TOM
                        || n.pitch() == DrumPattern.CLAP || n.pitch() == DrumPattern.CRASH))) fills++;
                if (s.role() == Section.Role.PEAK) {
                    long swell = c.score().notes().stream().filter(n -> n.pitch() == DrumPattern.CRASH && n.stem() == Note.Stem.DRUMS
                            && n.beat() >= down - 2 && n.beat() < down).count();
                    if (swell >= 4) rises++;
                }
            }
            double groove = MusicMetrics.grooveConsistency(c.score(), bars);
            System.out.printf("arrangement %-20s %d bars: %d different drum bars, groove consistency %.3f; %d of %d sections open on a crash, "
                    + "%d announced in the bar before; %d peaks swelled into%n", style.label(), bars, patterns.size(), groove, crashes,
                    starts, fills, rises);
            assertTrue(patterns.size() >= 6, style + ": drum bars vary, " + patterns.size());
            assertTrue(groove >= 0.6, style + ": the groove holds, " + groove);
            assertTrue(crashes >= starts * 0.6, style + ": sections open on a crash");
            assertTrue(fills >= starts * 0.6, style + ": sections are announced");
        }
    }

    @Test
    void theMotifIsDevelopedNotRepeated() {
        for (Style style : Style.values()) {
            Composition c = new Composer().compose(TestProfiles.irregular(60, 3, 0.6, 0.2, 3), Brief.of(style, 4));
            BeatGrid g = c.score().grid();
            List<String> phrases = new ArrayList<>();
            for (Section s : c.plan().sections()) {
                for (int bar = s.startBar(); bar < s.endBar(); bar += 4) {
                    int from = g.barStart(bar);
                    int span = 4 * Math.min(4, s.endBar() - bar);
                    StringBuilder sb = new StringBuilder();
                    for (Note n : c.score().notes(Note.Stem.MELODY)) {
                        if (n.beat() >= from - 0.1 && n.beat() < from + span - 0.1) {
                            sb.append(Math.round((n.beat() - from) * 4)).append(':').append(n.pitch()).append(' ');
                        }
                    }
                    if (!sb.isEmpty()) phrases.add(s.role() + " " + sb);
                }
            }
            int same = 0;
            for (int i = 0; i + 1 < phrases.size(); i++) {
                if (phrases.get(i).substring(phrases.get(i).indexOf(' ')).equals(phrases.get(i + 1).substring(phrases.get(i + 1).indexOf(' ')))) same++;
            }
            System.out.printf("motif %-20s %d phrases, %d distinct, %d repeat the one before%n", style.label(), phrases.size(),
                    new HashSet<>(phrases).size(), same);
            assertTrue(phrases.size() >= 5, style + ": the lead plays phrases");
            double[] peak = leadPerBar(c, g, Section.Role.PEAK), verse = leadPerBar(c, g, Section.Role.VERSE);
            System.out.printf("motif %-20s lead at the peak: %.1f notes a bar, mean pitch %.1f; in verses: %.1f notes a bar, mean pitch %.1f%n",
                    style.label(), peak[0], peak[1], verse[0], verse[1]);
            assertTrue(peak[0] > verse[0], style + ": the motif is extended at the peak");
            assertTrue(peak[1] > verse[1], style + ": and lifted");
            assertEquals(0, same, style + ": no phrase repeats the one before verbatim");
            assertFalse(new HashSet<>(phrases).size() < phrases.size() * 0.8, style + ": most phrases differ");
        }
    }

    @Test
    void calmerFootageGetsSparserMusicInEveryStyle() {
        for (Style style : Style.values()) {
            double calm = new Composer().compose(TestProfiles.calmDark(30, 3), Brief.of(style, 5)).score().onsetsPerSecond();
            double mid = new Composer().compose(TestProfiles.irregular(30, 2.5, 0.55, 0.2, 21), Brief.of(style, 5)).score().onsetsPerSecond();
            double fast = new Composer().compose(TestProfiles.brightFast(30, 3), Brief.of(style, 5)).score().onsetsPerSecond();
            System.out.printf("written onsets/s %-20s calm %.1f, balanced %.1f, fast-cut %.1f%n", style.label(), calm, mid, fast);
            assertTrue(calm < mid && mid < fast, style + ": activity follows the energy");
        }
    }

    /** Lead notes per bar and their mean pitch over the sections in a role. */
    private static double[] leadPerBar(Composition c, BeatGrid g, Section.Role role) {
        int bars = 0;
        double notes = 0, pitch = 0;
        for (Section s : c.plan().sections()) {
            if (s.role() != role) continue;
            bars += s.bars();
            for (Note n : c.score().notes(Note.Stem.MELODY)) {
                int bar = g.barOf(n.beat() + 0.05);
                if (bar >= s.startBar() && bar < s.endBar()) {
                    notes++;
                    pitch += n.pitch();
                }
            }
        }
        return new double[] {notes / Math.max(1, bars), pitch / Math.max(1, notes)};
    }

    private static List<Note> inBar(Composition c, BeatGrid g, int bar) {
        return c.score().notes().stream().filter(n -> g.barOf(n.beat() + 0.05) == bar).toList();
    }

    private static String drumBar(Composition c, BeatGrid g, int bar) {
        int from = g.barStart(bar);
        java.util.TreeSet<String> hits = new java.util.TreeSet<>();
        c.score().notes(Note.Stem.DRUMS).stream().filter(n -> !n.accent() && g.barOf(n.beat() + 0.05) == bar)
                .forEach(n -> hits.add(n.pitch() + "@" + Math.round((n.beat() - from) * 4)));
        return hits.toString();
    }
}

package dev.backbeat.engine.synth;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.compose.Brief;
import dev.backbeat.engine.compose.Composer;
import dev.backbeat.engine.compose.Composition;
import dev.backbeat.engine.compose.Instrument;
import dev.backbeat.engine.compose.Note;
import dev.backbeat.engine.compose.Style;
import dev.backbeat.engine.compose.StyleLibrary;
import dev.backbeat.engine.compose.TestProfiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listening proxy on the shipped SoundFont: every instrument the styles play, at soft to hard
 * velocities and at the lowest and highest notes the composer actually writes for it, sounds, starts
 * without a click, dies after note-off, stays finite and unclipped, and sits near the others in level.
 */
class SoundFontAuditTest {

    private static final double SAMPLE_RATE = GervillRenderer.RATE;
    private static final String WRITTEN = "written";

    @Test
    void everyNoteTheStylesPlaySoundsCleanlyInTheShippedFile() {
        SoundFontAudit audit = new SoundFontAudit(SoundFontLoader.load());
        List<String> problems = new ArrayList<>();
        List<SoundFontAudit.Probe> probes = new ArrayList<>(StyleProbes.all());
        probes.addAll(extremesTheComposerWrites());
        for (SoundFontAudit.Probe p : probes) {
            SoundFontAudit.Result r = audit.audit(p);
            String at = p.name() + " " + p.bank() + ":" + p.program();
            r.silent().forEach(n -> problems.add(at + " silent at key " + n.key() + " velocity " + n.velocity()));
            r.clicks().forEach(n -> problems.add(at + " clicks at key " + n.key() + " (" + n.onsetJump() + ")"));
            r.stuck().forEach(n -> problems.add(at + " still sounds 3 s after note-off at key " + n.key() + " (" + n.tailDb() + " dB)"));
            r.loopSeams().forEach(n -> problems.add(at + " loop seam at key " + n.key() + " (" + n.loopJump() + ")"));
            if (!r.allFinite()) problems.add(at + " renders NaN or infinity");
            if (r.maxPeakDb() > -1) problems.add(at + " one note peaks at " + r.maxPeakDb() + " dBFS");
            // one note at velocity 80 within 12 dB of -27 dBFS (a slow pad reads low in a 1.2-s note): no part
            // vanishes or drowns the others; the manifest's gains match each part to the old bank in the styles
            if (!p.drum() && !p.name().equals(WRITTEN) && Math.abs(r.levelDb() + 27) > 12) problems.add(at + " level " + r.levelDb() + " dBFS");
            if (p.drum() && r.velocityRangeDb() < 10) problems.add(at + " barely follows velocity: " + r.velocityRangeDb() + " dB");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theManifestFillsEveryProgramAndKitTheStylesUse() throws Exception {
        SoundFontManifest m = SoundFontManifest.read(Path.of("assets", "soundfonts", "manifest.tsv"));
        for (int program : StyleLibrary.melodicPrograms()) {
            SoundFontManifest.Entry e = m.find(0, program);
            assertNotNull(e, "program " + program);
            assertFalse(e.fallback(), "program " + program + " is chosen, not left to the fallback");
        }
        for (int kit : StyleLibrary.drumKits()) assertFalse(m.find(128, kit).fallback(), "kit " + kit);
        assertNotNull(m.find(0, 127), "the fallback line fills what nobody chose");
    }

    @Test
    void theChecksCatchAClickAStuckNoteAndSilence() {
        double hold = SoundFontAudit.HOLD_MELODIC;
        int on = (int) (0.1 * SAMPLE_RATE);
        float[][] clean = tone(on, hold, 0.010, 0.3, false);
        SoundFontAudit.NoteCheck ok = SoundFontAudit.measure(clean, on, hold, 60, 80);
        assertTrue(ok.onsetJump() < SoundFontAudit.CLICK_RATIO, "a 10-ms fade-in is no click: " + ok.onsetJump());
        assertTrue(ok.tailDb() < SoundFontAudit.STUCK_DB, "a 0.3-s release has died: " + ok.tailDb());
        assertFalse(ok.silent());
        assertTrue(ok.loopJump() < SoundFontAudit.LOOP_RATIO, "a steady tone has no seam: " + ok.loopJump());

        SoundFontAudit.NoteCheck click = SoundFontAudit.measure(tone(on, hold, 0, 0.3, false), on, hold, 60, 80);
        assertTrue(click.onsetJump() > SoundFontAudit.CLICK_RATIO, "a tone that starts at its crest clicks: " + click.onsetJump());

        SoundFontAudit.NoteCheck stuck = SoundFontAudit.measure(tone(on, hold, 0.010, 60, false), on, hold, 60, 80);
        assertTrue(stuck.tailDb() > SoundFontAudit.STUCK_DB, "a 60-s release is stuck: " + stuck.tailDb());

        SoundFontAudit.NoteCheck seam = SoundFontAudit.measure(tone(on, hold, 0.010, 0.3, true), on, hold, 60, 80);
        assertTrue(seam.loopJump() > SoundFontAudit.LOOP_RATIO, "a jump in the held tone is a seam: " + seam.loopJump());

        float[][] quiet = new float[2][clean[0].length];
        assertTrue(SoundFontAudit.measure(quiet, on, hold, 60, 80).silent());
    }

    /** A 440-Hz cosine (so it starts at its crest), with a linear fade-in, an exponential release, maybe a seam. */
    private static float[][] tone(int on, double hold, double fadeIn, double releaseSec, boolean seam) {
        int n = on + (int) ((hold + SoundFontAudit.TAIL_TO + 0.1) * SAMPLE_RATE);
        float[][] out = new float[2][n];
        int off = on + (int) (hold * SAMPLE_RATE);
        for (int i = on; i < n; i++) {
            double t = (i - on) / SAMPLE_RATE;
            double env = fadeIn > 0 ? Math.min(1, t / fadeIn) : 1;
            if (i > off) env *= Math.exp(-(i - off) / SAMPLE_RATE / releaseSec * 6.9);
            double phase = 2 * Math.PI * 440 * t + (seam && t > 0.8 ? Math.PI : 0);
            out[0][i] = out[1][i] = (float) (0.3 * env * Math.cos(phase));
        }
        return out;
    }

    /** Per program, its lowest and highest note in pieces of every style, at the hardest velocity written. */
    private static List<SoundFontAudit.Probe> extremesTheComposerWrites() {
        Map<String, int[]> range = new TreeMap<>();
        for (Style style : Style.values()) {
            for (VideoProfile profile : List.of(TestProfiles.irregular(45, 3.5, 0.2, 0.5, 1),
                    TestProfiles.irregular(45, 1.5, 0.9, -0.5, 2))) {
                Composition c = new Composer().compose(profile, Brief.of(style, 3));
                for (Note note : c.score().notes()) {
                    Instrument ins = instrument(c, note.channel());
                    int bank = ins.bank() == 128 ? 128 : 0;
                    if (bank == 128) continue; // every drum key is probed already
                    int[] r = range.computeIfAbsent(bank + ":" + ins.program(), k -> new int[] {127, 0, 0});
                    r[0] = Math.min(r[0], note.pitch());
                    r[1] = Math.max(r[1], note.pitch());
                    r[2] = Math.max(r[2], note.velocity());
                }
            }
        }
        List<SoundFontAudit.Probe> out = new ArrayList<>();
        range.forEach((k, r) -> out.add(new SoundFontAudit.Probe(WRITTEN, 0, Integer.parseInt(k.split(":")[1]),
                new int[] {r[0], r[1]}, new int[] {r[2]})));
        assertEquals(StyleLibrary.melodicPrograms().size(), out.size(), "every melodic program was written");
        return out;
    }

    private static Instrument instrument(Composition c, int channel) {
        for (Instrument i : c.score().instruments()) if (i.channel() == channel) return i;
        throw new AssertionError("no instrument on channel " + channel);
    }
}

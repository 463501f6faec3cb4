package dev.backbeat.cli;

import dev.backbeat.engine.synth.SoundFontAudit;
import dev.backbeat.engine.synth.SoundFontAudit.NoteCheck;
import dev.backbeat.engine.synth.SoundFontLoader;
import dev.backbeat.engine.synth.StyleProbes;

import javax.sound.midi.Instrument;
import javax.sound.midi.Soundbank;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Prints, per SoundFont and instrument our styles play, what the audit heard (one row each). */
final class SoundFontAuditTable {

    private SoundFontAuditTable() {
    }

    static void print(List<Path> soundfonts, PrintWriter pw) {
        for (Path sf : soundfonts) {
            long t0 = System.nanoTime();
            Soundbank bank = SoundFontLoader.load(sf);
            double load = (System.nanoTime() - t0) / 1e9;
            pw.printf("%n%s (%.1f MB, loaded in %.2f s)%n", sf.getFileName(), sf.toFile().length() / 1e6, load);
            pw.printf("%-8s %-15s %-22s %6s %6s %6s %6s %6s %5s %5s %5s %5s %6s %s%n", "patch", "part", "preset", "level",
                    "keys±", "vel dB", "bright", "peak", "mute", "click", "stuck", "seam", "tail", "worst notes");
            SoundFontAudit audit = new SoundFontAudit(bank);
            for (SoundFontAudit.Probe p : StyleProbes.all()) {
                SoundFontAudit.Result r = audit.audit(p);
                double worstTail = r.notes().stream().filter(n -> !n.silent()).mapToDouble(NoteCheck::tailDb).max().orElse(-120);
                pw.printf("%-8s %-15s %-22s %6.1f %6.1f %6.1f %6.2f %6.1f %5d %5d %5d %5d %6.0f %s%n",
                        (p.drum() ? "kit " : "") + p.bank() + ":" + p.program(), p.name(), presetName(bank, p),
                        r.levelDb(), r.keySpreadDb(), r.velocityRangeDb(), r.brightnessRatio(), r.maxPeakDb(),
                        r.silent().size(), r.clicks().size(), r.stuck().size(), r.loopSeams().size(), worstTail,
                        (r.allFinite() ? "" : "NaN! ") + worst(r));
                pw.flush();
            }
        }
    }

    private static String worst(SoundFontAudit.Result r) {
        StringBuilder b = new StringBuilder();
        for (NoteCheck n : r.silent()) b.append(" mute ").append(n.key()).append('/').append(n.velocity());
        for (NoteCheck n : r.clicks()) b.append(String.format(" click %d/%d %.1f", n.key(), n.velocity(), n.onsetJump()));
        for (NoteCheck n : r.stuck()) b.append(String.format(" stuck %d/%d %.0fdB", n.key(), n.velocity(), n.tailDb()));
        for (NoteCheck n : r.loopSeams()) b.append(String.format(" seam %d/%d %.0f", n.key(), n.velocity(), n.loopJump()));
        return b.length() > 160 ? b.substring(0, 160) + "…" : b.toString();
    }

    private static String presetName(Soundbank bank, SoundFontAudit.Probe p) {
        for (Instrument ins : bank.getInstruments()) {
            if (ins.getPatch().getProgram() == p.program() && (p.drum() ? isKit(ins) : !isKit(ins) && ins.getPatch().getBank() == 0)) {
                return ins.getName();
            }
        }
        return "(none)";
    }

    private static boolean isKit(Instrument ins) {
        try {
            return (boolean) ins.getPatch().getClass().getMethod("isPercussion").invoke(ins.getPatch());
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}

package dev.backbeat.engine.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which preset of which source SoundFont goes where in the shipped one, one tab-separated line per
 * instrument (assets/soundfonts/manifest.tsv): target bank and program (bank 128: a drum kit), source
 * file, source bank and program, the keys and velocities kept, a gain in dB (matching the level of
 * the instrument it replaces, so the parts' balance stays as mixed), and why this source was chosen. A program
 * of {@code *} takes every preset of that source bank that no other line fills (the General MIDI
 * fallback, so a program nobody chose still sounds like itself rather than like a piano).
 */
public record SoundFontManifest(List<Entry> entries) {

    /** One instrument of the shipped file. */
    public record Entry(int bank, int program, String source, int sourceBank, int sourceProgram, int lowKey, int highKey,
                        int lowVelocity, int highVelocity, double gainDb, String why) {
        public boolean drum() {
            return bank == 128;
        }

        /** A line that fills every program of its bank no other line fills. */
        public boolean fallback() {
            return program < 0;
        }
    }

    public static SoundFontManifest read(Path file) throws IOException {
        List<Entry> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length < 8) {
                throw new IOException(file + " line " + lineNo + ": expected bank, program, source, source bank, "
                        + "source program, keys (lo-hi), velocities (lo-hi), gain dB, why; tab-separated");
            }
            try {
                int[] keys = range(f[5]);
                int[] vel = range(f[6]);
                out.add(new Entry(Integer.parseInt(f[0].trim()), program(f[1]), f[2].trim(),
                        Integer.parseInt(f[3].trim()), program(f[4]), keys[0], keys[1], vel[0], vel[1],
                        Double.parseDouble(f[7].trim()), f.length > 8 ? f[8].trim() : ""));
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return new SoundFontManifest(List.copyOf(out));
    }

    private static int program(String s) {
        return s.trim().equals("*") ? -1 : Integer.parseInt(s.trim());
    }

    private static int[] range(String s) {
        String[] p = s.trim().split("-");
        int lo = Integer.parseInt(p[0]);
        int hi = p.length > 1 ? Integer.parseInt(p[1]) : lo;
        if (lo < 0 || hi > 127 || lo > hi) throw new NumberFormatException("bad range " + s);
        return new int[] {lo, hi};
    }

    /** The entry that fills a target patch, or null. */
    public Entry find(int bank, int program) {
        for (Entry e : entries) if (e.bank() == bank && e.program() == program) return e;
        for (Entry e : entries) if (e.bank() == bank && e.fallback()) return e;
        return null;
    }
}

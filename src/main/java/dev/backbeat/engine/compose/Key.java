package dev.backbeat.engine.compose;

import java.util.Locale;

/** A key: the tonic's pitch class (0 = C) and a mode. */
public record Key(int tonic, Mode mode) {

    private static final String[] NAMES = {"C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

    public enum Mode {
        MAJOR(0, 2, 4, 5, 7, 9, 11),
        MINOR(0, 2, 3, 5, 7, 8, 10),
        DORIAN(0, 2, 3, 5, 7, 9, 10);

        final int[] steps;

        Mode(int... steps) {
            this.steps = steps;
        }
    }

    /** The pitch class of a scale degree (0-based, may exceed 6 or be negative). */
    public int pitchClass(int degree) {
        int oct = Math.floorDiv(degree, 7);
        int d = Math.floorMod(degree, 7);
        return Math.floorMod(tonic + mode.steps[d] + 12 * oct, 12);
    }

    /** The MIDI pitch of a scale degree, counted from the tonic in the octave starting at {@code base}. */
    public int pitch(int degree, int base) {
        int oct = Math.floorDiv(degree, 7);
        int d = Math.floorMod(degree, 7);
        return base + tonic + mode.steps[d] + 12 * oct;
    }

    public boolean inScale(int pitch) {
        int pc = Math.floorMod(pitch - tonic, 12);
        for (int s : mode.steps) if (s == pc) return true;
        return false;
    }

    @Override
    public String toString() {
        return NAMES[tonic] + " " + mode.name().toLowerCase(Locale.ROOT);
    }

    /** Reads "D minor", "Bb major", "F# dorian", "Am". */
    public static Key parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) throw new ComposeException("The key is empty: write it like \"D minor\".");
        int i = 1;
        int pc = "C D EF G A B".indexOf(Character.toUpperCase(t.charAt(0)));
        if (pc < 0) throw new ComposeException("Cannot read the key \"" + text + "\": write it like \"D minor\".");
        if (t.length() > 1 && (t.charAt(1) == '#' || t.charAt(1) == 'b')) {
            pc += t.charAt(1) == '#' ? 1 : -1;
            i = 2;
        }
        String rest = t.substring(i).trim().toLowerCase(Locale.ROOT);
        Mode mode = rest.startsWith("m") && !rest.startsWith("maj") ? Mode.MINOR
                : rest.startsWith("dor") ? Mode.DORIAN : Mode.MAJOR;
        if (rest.startsWith("minor")) mode = Mode.MINOR;
        return new Key(Math.floorMod(pc, 12), mode);
    }
}

package dev.backbeat.engine.compose;

/**
 * A chord held over [startBeat, endBeat) (MIDI beat positions): a scale degree of the key, its
 * pitch classes (root first) and the tensions a melody may also use.
 */
public record Chord(int degree, int[] pitchClasses, int[] tensions, double startBeat, double endBeat) {

    public static Chord of(Key key, int degree, boolean seventh, double start, double end) {
        int[] pcs = new int[seventh ? 4 : 3];
        for (int i = 0; i < pcs.length; i++) pcs[i] = key.pitchClass(degree + 2 * i);
        int[] tensions = {key.pitchClass(degree + 8), key.pitchClass(degree + 12)};
        return new Chord(degree, pcs, tensions, start, end);
    }

    public int root() {
        return pitchClasses[0];
    }

    public boolean contains(int pitch) {
        int pc = Math.floorMod(pitch, 12);
        for (int c : pitchClasses) if (c == pc) return true;
        return false;
    }

    public boolean allows(int pitch) {
        int pc = Math.floorMod(pitch, 12);
        for (int c : tensions) if (c == pc) return true;
        return contains(pitch);
    }

    /** The chord tone nearest to a pitch (ties go down). */
    public int nearestTone(int pitch) {
        for (int d = 0; d < 12; d++) {
            if (contains(pitch - d)) return pitch - d;
            if (contains(pitch + d)) return pitch + d;
        }
        return pitch;
    }

    /** The lowest pitch of the root at or above {@code low}. */
    public int rootAtOrAbove(int low) {
        return low + Math.floorMod(root() - low, 12);
    }
}

package dev.backbeat.engine.compose;

import java.util.Arrays;

/** Voices chords so each voice moves as little as possible from the previous chord. */
public final class PadVoicer {

    private final int low;
    private final int high;
    private int[] previous;

    public PadVoicer(int low, int high) {
        this.low = low;
        this.high = high;
    }

    public int[] voice(Chord chord) {
        int[] pcs = chord.pitchClasses();
        int[] best = null;
        double bestCost = Double.MAX_VALUE;
        int[] choice = new int[pcs.length];
        int combos = 1;
        for (int i = 0; i < pcs.length; i++) combos *= 3;
        for (int m = 0; m < combos; m++) {
            int code = m;
            for (int i = 0; i < pcs.length; i++) {
                int base = low + Math.floorMod(pcs[i] - low, 12);
                choice[i] = base + 12 * (code % 3);
                code /= 3;
            }
            int[] v = choice.clone();
            Arrays.sort(v);
            if (v[v.length - 1] > high) continue;
            double cost = cost(v, chord);
            if (cost < bestCost) {
                bestCost = cost;
                best = v;
            }
        }
        if (best == null) {
            best = new int[pcs.length];
            for (int i = 0; i < pcs.length; i++) best[i] = low + Math.floorMod(pcs[i] - low, 12);
            Arrays.sort(best);
        }
        previous = best;
        return best;
    }

    private double cost(int[] v, Chord chord) {
        double spread = v[v.length - 1] - v[0];
        double c = Math.abs(spread - 10) * 0.3;
        for (int i = 1; i < v.length; i++) if (v[i] - v[i - 1] < 2) c += 4;
        if (previous == null) return c + Math.abs(v[0] - (low + 4)) * 0.2;
        if (previous.length == v.length) {
            for (int i = 0; i < v.length; i++) c += Math.abs(v[i] - previous[i]);
        } else {
            c += Math.abs(v[0] - previous[0]) + Math.abs(v[v.length - 1] - previous[previous.length - 1]);
        }
        return c;
    }
}

package dev.backbeat.engine.compose;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Objective measures used by CMT (Di et al. 2021) to compare generated music with real music:
 * pitch-class histogram entropy and grooving-pattern similarity between bars; and a check that
 * the piece does not loop.
 */
public final class MusicMetrics {

    private static final int STEPS = 16;

    private MusicMetrics() {
    }

    /** Entropy (bits, 0 to log2 12 ≈ 3.58) of the pitch-class histogram of the pitched notes. */
    public static double pitchClassEntropy(Score score) {
        double[] h = new double[12];
        int n = 0;
        for (Note note : score.notes()) {
            if (!note.pitched()) continue;
            h[Math.floorMod(note.pitch(), 12)]++;
            n++;
        }
        double e = 0;
        for (double c : h) {
            if (c > 0) e -= c / n * Math.log(c / n) / Math.log(2);
        }
        return e;
    }

    /** Mean over all pairs of bars of 1 − (differing onset positions)/16: 1 is a perfectly steady groove. */
    public static double grooveConsistency(Score score, int bars) {
        List<BitSet> grooves = new ArrayList<>();
        BeatGrid g = score.grid();
        for (int b = 0; b < bars; b++) grooves.add(new BitSet(STEPS));
        for (Note n : score.notes()) {
            int bar = g.barOf(n.beat() + 0.5 / 4);
            if (bar < 0 || bar >= bars) continue;
            int step = (int) Math.round((n.beat() - g.barStart(bar)) * 4);
            if (step >= 0 && step < STEPS) grooves.get(bar).set(step);
        }
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < bars; i++) {
            for (int j = i + 1; j < bars; j++) {
                BitSet x = (BitSet) grooves.get(i).clone();
                x.xor(grooves.get(j));
                sum += 1 - x.cardinality() / (double) STEPS;
                pairs++;
            }
        }
        return pairs == 0 ? 1 : sum / pairs;
    }

    /** How many pairs of consecutive blocks of {@code blockBars} bars hold exactly the same notes. */
    public static int identicalConsecutiveBlocks(Score score, int bars, int blockBars) {
        List<Set<String>> blocks = new ArrayList<>();
        BeatGrid g = score.grid();
        for (int b = 0; b + blockBars <= bars; b += blockBars) blocks.add(new HashSet<>());
        for (Note n : score.notes()) {
            int bar = g.barOf(n.beat() + 0.5 / 4);
            int k = bar < 0 ? -1 : bar / blockBars;
            if (k < 0 || k >= blocks.size()) continue;
            long step = Math.round((n.beat() - g.barStart(k * blockBars)) * 4);
            blocks.get(k).add(n.channel() + ":" + n.pitch() + "@" + step);
        }
        int same = 0;
        for (int k = 0; k + 1 < blocks.size(); k++) if (blocks.get(k).equals(blocks.get(k + 1))) same++;
        return same;
    }
}

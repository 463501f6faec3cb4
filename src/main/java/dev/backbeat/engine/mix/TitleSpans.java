package dev.backbeat.engine.mix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Which stretches of a stream must be drawn anew for its titles: from the key frame at or before a
 * title's first picture to the key frame after its last one. A cut is only made where decoding order
 * and display order agree (every picture before it is shown before it, none after it is shown
 * earlier), and the stretch ends on an IDR picture, after which nothing refers back, so the pictures
 * on either side can be copied untouched.
 */
final class TitleSpans {

    /** Packets [from, to) in decoding order; {@code titles} say which of its pictures (display order) each title covers. */
    record Span(int from, int to, List<Shown> titles) {
        int frames() {
            return to - from;
        }
    }

    /** Title number {@code title} shown on the span's pictures [first, end) in display order. */
    record Shown(int title, int first, int end) {
    }

    /** The stream cannot be cut for these titles; {@code getMessage()} says why in a few words. */
    static final class Uncuttable extends Exception {
        Uncuttable(String why) {
            super(why);
        }
    }

    private TitleSpans() {
    }

    /**
     * @param idr whether the packet at a decoding-order index is an IDR picture (asked only of key frames)
     */
    static List<Span> plan(List<PacketIndex.Packet> packets, long[] timeBase, List<TitleCard.Title> titles, IntPredicate idr)
            throws Uncuttable {
        int n = packets.size();
        if (n == 0) {
            throw new Uncuttable("the clip has no pictures");
        }
        long[] pts = new long[n];
        for (int i = 0; i < n; i++) {
            PacketIndex.Packet p = packets.get(i);
            if (p.pts() == Long.MIN_VALUE || p.dts() == Long.MIN_VALUE) {
                throw new Uncuttable("some pictures carry no time");
            }
            if (i > 0 && p.dts() <= packets.get(i - 1).dts()) {
                throw new Uncuttable("the pictures' decoding times do not rise");
            }
            pts[i] = p.pts();
        }
        long[] shown = pts.clone();
        Arrays.sort(shown);
        for (int i = 1; i < n; i++) {
            if (shown[i] == shown[i - 1]) {
                throw new Uncuttable("two pictures share a time");
            }
        }
        long[] before = new long[n + 1];
        before[0] = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            before[i + 1] = Math.max(before[i], pts[i]);
        }
        long[] after = new long[n + 1];
        after[n] = Long.MAX_VALUE;
        for (int i = n - 1; i >= 0; i--) {
            after[i] = Math.min(after[i + 1], pts[i]);
        }
        boolean[] clean = new boolean[n];
        for (int i = 0; i < n; i++) {
            clean[i] = packets.get(i).key() && before[i] < pts[i] && after[i] == pts[i];
        }
        double tick = timeBase[0] / (double) timeBase[1];
        List<int[]> ranges = new ArrayList<>();
        for (int t = 0; t < titles.size(); t++) {
            TitleCard.Title title = titles.get(t);
            double start = title.startSec() - 1e-6;
            double end = title.startSec() + title.durationSec() - 1e-6;
            int first = -1;
            int last = -1;
            for (int r = 0; r < n; r++) {
                double sec = (shown[r] - shown[0]) * tick;
                if (sec >= start && sec < end) {
                    first = first < 0 ? r : first;
                    last = r;
                }
            }
            if (first < 0) {
                continue; // the title falls after the clip's end: nothing to draw
            }
            int from = -1;
            for (int i = 0; i < n; i++) {
                if (clean[i] && pts[i] <= shown[first] && (from < 0 || pts[i] > pts[from])) {
                    from = i;
                }
            }
            if (from < 0) {
                throw new Uncuttable("no key frame starts a clean group of pictures before the title");
            }
            int to = n;
            for (int i = from + 1; i < n; i++) {
                if (clean[i] && pts[i] > shown[last] && idr.test(i)) {
                    to = i;
                    break;
                }
            }
            ranges.add(new int[] {from, to, t, first, last + 1});
        }
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < ranges.size()) {
            int from = ranges.get(i)[0];
            int to = ranges.get(i)[1];
            int j = i;
            while (j + 1 < ranges.size() && ranges.get(j + 1)[0] <= to) {
                to = Math.max(to, ranges.get(++j)[1]);
            }
            int base = Arrays.binarySearch(shown, pts[from]);
            List<Shown> covered = new ArrayList<>();
            for (int k = i; k <= j; k++) {
                int[] r = ranges.get(k);
                covered.add(new Shown(r[2], r[3] - base, r[4] - base));
            }
            covered.sort(Comparator.comparingInt(Shown::title));
            spans.add(new Span(from, to, covered));
            i = j + 1;
        }
        return spans;
    }
}

package dev.backbeat.engine.mix;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the stretches to draw anew begin and end, on made-up streams at 10 pictures a second. */
class TitleSpansTest {
    private static final long[] TB = {1, 10};

    /** Closed groups of {@code gop} pictures, each decoded as I P B B P B B … (a P before the two B it serves). */
    private static List<PacketIndex.Packet> closed(int frames, int gop) {
        List<PacketIndex.Packet> out = new ArrayList<>();
        for (int g = 0; g < frames; g += gop) {
            int end = Math.min(frames, g + gop);
            List<Integer> order = new ArrayList<>(List.of(g));
            for (int p = g + 3; ; p += 3) {
                int last = Math.min(p, end - 1);
                order.add(last);
                for (int b = p - 2; b < last; b++) {
                    order.add(b);
                }
                if (last == end - 1) {
                    break;
                }
            }
            for (int shown : order.stream().distinct().toList()) {
                out.add(new PacketIndex.Packet(shown, out.size() - 2, 1, 1000L * out.size(), 100, shown == g));
            }
        }
        return out;
    }

    private static List<TitleSpans.Span> plan(List<PacketIndex.Packet> p, Set<Integer> notIdr, TitleCard.Title... titles)
            throws TitleSpans.Uncuttable {
        return TitleSpans.plan(p, TB, List.of(titles), i -> !notIdr.contains((int) p.get(i).pts()));
    }

    @Test
    void aTitleTakesTheGroupsFromTheKeyBeforeItToTheKeyAfterIt() throws Exception {
        List<PacketIndex.Packet> p = closed(100, 20);
        // title on pictures 25..54 (2.5 s to 5.5 s): groups at 20, 40 → stretch [20, 60)
        List<TitleSpans.Span> s = plan(p, Set.of(), new TitleCard.Title("t", 2.5, 3));
        assertEquals(1, s.size());
        assertEquals(20, s.get(0).from());
        assertEquals(60, s.get(0).to());
        assertEquals(List.of(new TitleSpans.Shown(0, 5, 35)), s.get(0).titles());
    }

    @Test
    void aTitleEndingOnAKeyFrameStopsThere() throws Exception {
        // pictures 20..39 exactly: the key frame at 40 is the first picture without the title
        List<TitleSpans.Span> s = plan(closed(100, 20), Set.of(), new TitleCard.Title("t", 2, 2));
        assertEquals(20, s.get(0).from());
        assertEquals(40, s.get(0).to());
        assertEquals(List.of(new TitleSpans.Shown(0, 0, 20)), s.get(0).titles());
    }

    @Test
    void aKeyFrameThatIsNoIdrCannotEndTheStretch() throws Exception {
        List<TitleSpans.Span> s = plan(closed(100, 20), Set.of(40), new TitleCard.Title("t", 2.5, 1));
        assertEquals(20, s.get(0).from());
        assertEquals(60, s.get(0).to(), "the next IDR after the title");
    }

    @Test
    void leadingPicturesOfAnOpenGroupMoveTheCut() throws Exception {
        // open group: the key frame shown at 20 is decoded before pictures 18 and 19
        List<PacketIndex.Packet> p = new ArrayList<>();
        int[] order = new int[40];
        for (int i = 0; i < 40; i++) {
            order[i] = i;
        }
        order[18] = 20;
        order[19] = 18;
        order[20] = 19;
        for (int i = 0; i < 40; i++) {
            p.add(new PacketIndex.Packet(order[i], i - 1, 1, 100L * i, 10, order[i] % 10 == 0));
        }
        // a title from 2.2 s: the key frame at 20 is no clean cut (pictures after it are shown before it)
        List<TitleSpans.Span> s = plan(p, Set.of(), new TitleCard.Title("t", 2.2, 0.5));
        assertEquals(10, p.get(s.get(0).from()).pts(), "starts at the clean key frame before");
        assertEquals(30, p.get(s.get(0).to()).pts());
        // a title ending before 2 s cannot stop at 20 either
        List<TitleSpans.Span> e = plan(p, Set.of(), new TitleCard.Title("t", 1.2, 0.5));
        assertEquals(10, p.get(e.get(0).from()).pts());
        assertEquals(30, p.get(e.get(0).to()).pts());
    }

    @Test
    void overlappingTitlesShareOneStretchAndTheEndRunsToTheLastPicture() throws Exception {
        List<TitleSpans.Span> s = plan(closed(100, 20), Set.of(), new TitleCard.Title("a", 2.5, 1),
                new TitleCard.Title("b", 3.9, 1), new TitleCard.Title("c", 9, 5), new TitleCard.Title("late", 20, 1));
        assertEquals(2, s.size());
        assertEquals(20, s.get(0).from());
        assertEquals(60, s.get(0).to());
        assertEquals(List.of(new TitleSpans.Shown(0, 5, 15), new TitleSpans.Shown(1, 19, 29)), s.get(0).titles());
        assertEquals(80, s.get(1).from());
        assertEquals(100, s.get(1).to(), "to the end of the stream");
        assertEquals(List.of(new TitleSpans.Shown(2, 10, 20)), s.get(1).titles());
    }

    @Test
    void streamsThatCannotBeCutSaySo() {
        List<PacketIndex.Packet> p = new ArrayList<>(closed(30, 10));
        p.set(0, new PacketIndex.Packet(0, -2, 1, 0, 100, false));
        TitleSpans.Uncuttable e = assertThrows(TitleSpans.Uncuttable.class, () -> plan(p, Set.of(), new TitleCard.Title("t", 0.2, 0.5)));
        assertTrue(e.getMessage().contains("key frame"), e.getMessage());
        List<PacketIndex.Packet> twice = new ArrayList<>(closed(30, 10));
        twice.set(5, new PacketIndex.Packet(twice.get(4).pts(), twice.get(5).dts(), 1, 0, 100, false));
        assertThrows(TitleSpans.Uncuttable.class, () -> plan(twice, Set.of(), new TitleCard.Title("t", 0.2, 0.5)));
    }
}

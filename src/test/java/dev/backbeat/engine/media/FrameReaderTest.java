package dev.backbeat.engine.media;

import dev.backbeat.engine.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames from the bundled FFmpeg on a clip whose frame number is its brightness: a seek lands on
 * the frame asked for (not the key frame before it), the size fits the preview, and the process
 * goes when the reader is closed.
 */
class FrameReaderTest {
    @TempDir
    static Path dir;
    static Path clip;

    @BeforeAll
    static void make() {
        clip = NumberedClip.make(dir);
    }

    @Test
    void aSeekLandsOnTheFrameAskedFor() throws Exception {
        for (double at : new double[] {0, 1.24, 2.0, 3.52}) {
            try (FrameReader r = new FrameReader(Fixtures.ffmpeg(), clip, at, 25, new FrameReader.Size(320, 180),
                    Cancellation.none())) {
                FrameReader.Frame f = r.next();
                int expected = (int) Math.round(at * 25);
                assertEquals(expected, NumberedClip.frameNumber(f.rgb(), f.width(), f.height()), "first frame after a seek to " + at);
                assertEquals(at, f.timeSec(), 1e-9);
                FrameReader.Frame g = r.next();
                assertEquals(expected + 1, NumberedClip.frameNumber(g.rgb(), g.width(), g.height()), "the one after it");
                assertEquals(at + 0.04, g.timeSec(), 1e-9);
            }
        }
    }

    @Test
    void theStreamEndsAtTheClipsEnd() throws Exception {
        try (FrameReader r = new FrameReader(Fixtures.ffmpeg(), clip, 3.8, 25, FrameReader.fit(320, 180, 640, 360),
                Cancellation.none())) {
            int n = 0;
            while (r.next() != null) {
                n++;
            }
            assertEquals(5, n, "frames 95-99");
            assertNull(r.next());
        }
    }

    @Test
    void thePreviewSizeKeepsTheShape() {
        assertEquals(new FrameReader.Size(640, 360), FrameReader.fit(1920, 1080, 640, 360));
        assertEquals(new FrameReader.Size(202, 360), FrameReader.fit(1080, 1920, 640, 360));
        assertEquals(new FrameReader.Size(320, 180), FrameReader.fit(320, 180, 640, 360), "never scaled up");
    }

    @Test
    void closingOrCancellingEndsTheProcess() throws Exception {
        java.util.Set<Long> before = ProcessHandle.current().children().map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
        Cancellation cancel = new Cancellation();
        FrameReader r = new FrameReader(Fixtures.ffmpeg(), clip, 0, 25, new FrameReader.Size(320, 180), cancel);
        r.next();
        java.util.List<ProcessHandle> mine = ProcessHandle.current().children().filter(p -> !before.contains(p.pid())).toList();
        assertTrue(mine.stream().anyMatch(ProcessHandle::isAlive), "FFmpeg runs");
        cancel.cancel();
        assertNull(r.next(), "a cancelled reader gives no more frames");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (mine.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(mine.stream().noneMatch(ProcessHandle::isAlive), "FFmpeg is gone");
    }
}

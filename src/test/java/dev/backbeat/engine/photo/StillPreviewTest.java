package dev.backbeat.engine.photo;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.FrameReader;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The player draws a photo as the export does: the same canvas and the same Ken Burns motion, frame by frame. */
class StillPreviewTest {
    @TempDir
    Path dir;

    @Test
    void thePreviewsFramesMatchTheExportsFrames() throws Exception {
        FfmpegRunner runner = Fixtures.runner();
        // a portrait photo on a landscape frame: the blurred fill shows, and the zoom moves over it
        Path jpg = Fixtures.make(dir.resolve("p.jpg"), "-f", "lavfi", "-i",
                "gradients=s=600x800:c0=0x2050a0:c1=0xf0a040:c2=0x30c080:n=3:speed=0:seed=5", "-frames:v", "1", "-q:v", "2");
        Still still = new StillProbe(runner).probe(jpg);
        int frames = 45;
        for (int index : new int[] {0, 1, 2}) {
            Path out = dir.resolve("show-" + index + ".mp4");
            // the photo at place `index` in its run: a run of dummies before it keeps the export's numbering
            List<SlideshowRenderer.Shot> shots = new java.util.ArrayList<>();
            for (int k = 0; k <= index; k++) {
                shots.add(new SlideshowRenderer.Shot(still, k == index ? frames : 2));
            }
            new SlideshowRenderer(runner).render(shots, new SlideshowRenderer.Options(320, 180, 30, StillFit.BLUR, true,
                    "ultrafast", 12), dir, out, Progress.none(), new Cancellation());
            StillPreview.Look look = new StillPreview.Look(still, index, frames, true, StillFit.BLUR);
            StillPreview.Canvas canvas = new StillPreview(runner).canvas(look, 320, 180, new Cancellation());
            double first = 2.0 * index / 30;
            double moved = 0;
            for (int on : new int[] {0, 22, 44}) {
                byte[] export;
                try (FrameReader r = new FrameReader(Fixtures.ffmpeg(), out, Math.max(0, first + on / 30.0 - 0.001), 30,
                        new FrameReader.Size(320, 180), new Cancellation())) {
                    export = r.next().rgb();
                }
                double diff = meanDiff(export, StillPreview.frame(canvas, look, on, 320, 180));
                // the same photo without its motion: how far off a preview that ignored the zoom would be
                double unmoved = meanDiff(export, StillPreview.frame(canvas,
                        new StillPreview.Look(still, index, frames, false, StillFit.BLUR), 0, 320, 180));
                System.out.printf("photo %d frame %d: preview vs export %.2f/255, a preview without the motion %.2f%n",
                        index, on, diff, unmoved);
                assertTrue(diff < 4, "photo " + index + ", frame " + on + ": mean difference " + diff + " of 255");
                moved = Math.max(moved, unmoved / diff);
            }
            assertTrue(moved > 2.5, "the motion is what makes the preview match: " + moved);
        }
    }

    private static double meanDiff(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 255) - (b[i] & 255));
        }
        return sum / (double) a.length;
    }
}

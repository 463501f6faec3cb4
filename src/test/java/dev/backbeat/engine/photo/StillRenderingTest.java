package dev.backbeat.engine.photo;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Photos drawn into video: EXIF turned upright, a GIF that moves, a huge PNG scaled down, a damaged JPEG refused in words. */
class StillRenderingTest {
    private final FfmpegRunner runner = Fixtures.runner();

    @Test
    void anExifRotatedJpegComesOutUpright(@TempDir Path dir) throws Exception {
        Path jpg = StillPictures.rotatedJpeg(dir.resolve("turned.jpg"));
        Still s = new StillProbe(runner).probe(jpg);
        assertEquals(6, s.orientation());
        assertEquals(160, s.uprightWidth());
        assertEquals(320, s.uprightHeight());
        Path out = dir.resolve("out.mp4");
        new SlideshowRenderer(runner).render(List.of(new SlideshowRenderer.Shot(s, 6)),
                new SlideshowRenderer.Options(1080, 1080, 30, StillFit.CROP, false, "ultrafast", 23), dir, out,
                Progress.none(), Cancellation.none());
        BufferedImage f = frame(out, 0.05, dir);
        // upright: red over blue (as stored it was red left of blue)
        assertReddish(f.getRGB(32, 10), "top");
        assertBluish(f.getRGB(32, 54), "bottom");
    }

    @Test
    void anAnimatedGifPlaysForItsHold(@TempDir Path dir) throws Exception {
        Still s = new StillProbe(runner).probe(StillPictures.animatedGif(dir.resolve("moving.gif")));
        assertTrue(s.animated(), "frames " + s.frames());
        Path out = dir.resolve("gif.mp4");
        // 45 frames at 30 fps from a 1-s loop: it plays past its end, again from its start
        new SlideshowRenderer(runner).render(List.of(new SlideshowRenderer.Shot(s, 45)),
                new SlideshowRenderer.Options(1080, 1080, 30, StillFit.BLUR, true, "ultrafast", 23), dir, out,
                Progress.none(), Cancellation.none());
        double moved = difference(frame(out, 0.1, dir), frame(out, 0.6, dir));
        assertTrue(moved > 8, "the picture moves: mean difference " + moved);
        assertEquals(45, frames(out));
    }

    @Test
    void aHundredMegapixelPngIsDrawnFrameSized(@TempDir Path dir) throws Exception {
        Path huge = Fixtures.make(dir.resolve("huge.png"), "-f", "lavfi", "-i", "color=c=0x3366AA:s=10000x10000",
                "-vf", "drawbox=x=0:y=0:w=5000:h=10000:color=0xDDAA22:t=fill", "-frames:v", "1");
        Still s = new StillProbe(runner).probe(huge);
        assertEquals(10000, s.width());
        Path canvas = dir.resolve("canvas.png");
        long heapBefore = usedHeap();
        new StillCanvas(runner).draw(s, 1920, 1080, StillFit.BLUR, SlideshowRenderer.MARGIN, canvas, Cancellation.none());
        BufferedImage c = ImageIO.read(canvas.toFile());
        assertEquals(2112, c.getWidth());
        assertEquals(1188, c.getHeight());
        // FFmpeg decoded and scaled it: the JVM never held the 100 MP picture (400 MB as RGBA)
        assertTrue(usedHeap() - heapBefore < 200L << 20, "heap grew by " + ((usedHeap() - heapBefore) >> 20) + " MB");
    }

    @Test
    void aDamagedJpegIsRefusedInWords(@TempDir Path dir) throws Exception {
        Path bad = StillPictures.damagedJpeg(dir);
        MediaException e = assertThrows(MediaException.class, () -> {
            Still s = new StillProbe(runner).probe(bad);
            new StillCanvas(runner).draw(s, 320, 180, StillFit.BLUR, 1, dir.resolve("t.png"), Cancellation.none());
        });
        assertTrue(e.getMessage().contains("damaged.jpg") && e.getMessage().contains("looks damaged"), e.getMessage());
        assertTrue(e.isBadInput());
        assertTrue(Files.notExists(dir.resolve("t.png")));
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** A frame at {@code sec}, scaled to 64×64. */
    private static BufferedImage frame(Path video, double sec, Path dir) throws Exception {
        Path png = Files.createTempFile(dir, "frame", ".png");
        Fixtures.make(png, "-ss", Double.toString(sec), "-i", video.toString(), "-frames:v", "1", "-vf", "scale=64:64");
        return ImageIO.read(png.toFile());
    }

    private static long frames(Path video) throws Exception {
        FfmpegRunner.Result r = Fixtures.runner().run(dev.backbeat.engine.media.Ffmpeg.Tool.FFPROBE, List.of("-v", "error",
                "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0",
                video.toString()), 30);
        return Long.parseLong(r.stdout().trim());
    }

    private static double difference(BufferedImage a, BufferedImage b) {
        double sum = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int s = 0; s < 24; s += 8) {
                    sum += Math.abs((p >> s & 0xFF) - (q >> s & 0xFF));
                }
            }
        }
        return sum / (64 * 64 * 3);
    }

    private static void assertReddish(int rgb, String where) {
        assertTrue((rgb >> 16 & 0xFF) > 150 && (rgb & 0xFF) < 100, where + " should be red: " + Integer.toHexString(rgb));
    }

    private static void assertBluish(int rgb, String where) {
        assertTrue((rgb & 0xFF) > 150 && (rgb >> 16 & 0xFF) < 100, where + " should be blue: " + Integer.toHexString(rgb));
    }
}

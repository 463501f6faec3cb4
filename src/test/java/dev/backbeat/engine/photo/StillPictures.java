package dev.backbeat.engine.photo;

import dev.backbeat.engine.Fixtures;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Photos for the tests: distinct generated pictures, a JPEG with an EXIF orientation, an animated GIF, a damaged JPEG. */
public final class StillPictures {
    private StillPictures() {
    }

    /** Light and dark in turn, so each change is a large change of brightness too. */
    private static final int[] PALETTE = {0xFFEE88, 0x101050, 0x88FFFF, 0x601010, 0xFFAACC, 0x104010, 0xAAFF88, 0x401050,
            0xDDDDDD, 0x101010, 0xFFCC66, 0x104040};

    /** {@code n} pictures 480×320, each its own colour (light and dark in turn) with its own pattern of boxes. */
    public static List<Path> distinct(Path dir, int n) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int rgb = PALETTE[i % PALETTE.length];
            int box = 40 + 20 * (i % 5);
            String filter = String.format(Locale.ROOT,
                    "drawbox=x=%d:y=%d:w=%d:h=%d:color=white:t=fill,drawbox=x=%d:y=%d:w=%d:h=%d:color=black:t=fill",
                    20 + 30 * (i % 4), 20 + 25 * (i % 3), box * 2, box, 300 - 20 * (i % 6), 150 + 10 * (i % 4), box, box * 2);
            out.add(Fixtures.make(dir.resolve(String.format(Locale.ROOT, "photo-%02d.%s", i, i % 3 == 1 ? "png" : "jpg")),
                    "-f", "lavfi", "-i", String.format(Locale.ROOT, "color=c=0x%06X:s=480x320", rgb), "-vf", filter,
                    "-frames:v", "1"));
        }
        return out;
    }

    /**
     * A JPEG stored 320×160 (left half red, right half blue as stored) whose EXIF says "turn 90°
     * clockwise" (orientation 6): upright it is 160×320, red on top, blue below.
     */
    public static Path rotatedJpeg(Path file) throws IOException {
        BufferedImage img = new BufferedImage(320, 160, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 160; y++) {
            for (int x = 0; x < 320; x++) {
                img.setRGB(x, y, x < 160 ? 0xE01010 : 0x1010E0);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", jpeg);
        byte[] plain = jpeg.toByteArray();
        byte[] app1 = exifOrientation(6);
        byte[] out = new byte[plain.length + app1.length];
        out[0] = plain[0];
        out[1] = plain[1];
        System.arraycopy(app1, 0, out, 2, app1.length);
        System.arraycopy(plain, 2, out, 2 + app1.length, plain.length - 2);
        return Files.write(file, out);
    }

    /** An APP1 segment holding a big-endian TIFF header and one IFD entry: the orientation. */
    static byte[] exifOrientation(int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0};
        int length = 2 + 6 + tiff.length;
        byte[] seg = new byte[2 + length];
        seg[0] = (byte) 0xFF;
        seg[1] = (byte) 0xE1;
        seg[2] = (byte) (length >> 8);
        seg[3] = (byte) length;
        byte[] exif = {'E', 'x', 'i', 'f', 0, 0};
        System.arraycopy(exif, 0, seg, 4, 6);
        System.arraycopy(tiff, 0, seg, 10, tiff.length);
        return seg;
    }

    /** A one-second animated GIF of FFmpeg's moving test picture, 10 frames. */
    public static Path animatedGif(Path file) {
        return Fixtures.make(file, "-f", "lavfi", "-i", "testsrc2=s=240x160:r=10:d=1", "-loop", "0");
    }

    /** A JPEG whose header is whole but whose picture data is noise. */
    public static Path damagedJpeg(Path dir) throws IOException {
        Path good = Fixtures.make(dir.resolve("good.jpg"), "-f", "lavfi", "-i", "testsrc2=s=320x240", "-frames:v", "1");
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(good), 200);
        byte[] noise = new byte[4000];
        new java.util.Random(7).nextBytes(noise);
        byte[] all = new byte[head.length + noise.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(noise, 0, all, head.length, noise.length);
        return Files.write(dir.resolve("damaged.jpg"), all);
    }
}

package dev.backbeat.engine.photo;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the EXIF orientation (1-8) of a JPEG: cameras store the sensor's picture as shot and say in
 * this tag how to turn it. FFmpeg turns videos by their rotation but not stills by their EXIF, so the
 * stills are turned by us. Only the header is read; 1 (as stored) when there is no tag.
 */
public final class ExifOrientation {
    private static final int TAG_ORIENTATION = 0x0112;

    private ExifOrientation() {
    }

    public static int of(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 14))) {
            if (in.readUnsignedShort() != 0xFFD8) {
                return 1;
            }
            while (true) {
                int marker = in.readUnsignedShort();
                if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) {
                    return 1; // the picture data starts: no EXIF before it
                }
                int length = in.readUnsignedShort() - 2;
                if (length < 0) {
                    return 1;
                }
                if (marker == 0xFFE1 && length >= 14) {
                    byte[] seg = in.readNBytes(length);
                    int o = fromExif(seg);
                    if (o > 0) {
                        return o;
                    }
                } else {
                    in.skipNBytes(length);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    /** The orientation in an APP1 segment's body ("Exif\0\0" then a TIFF header), or 0 when absent. */
    static int fromExif(byte[] s) {
        if (!(s[0] == 'E' && s[1] == 'x' && s[2] == 'i' && s[3] == 'f' && s[4] == 0 && s[5] == 0)) {
            return 0;
        }
        int t = 6;
        boolean little = s[t] == 'I' && s[t + 1] == 'I';
        if (!little && !(s[t] == 'M' && s[t + 1] == 'M')) {
            return 0;
        }
        long ifd = u32(s, t + 4, little);
        int at = (int) (t + ifd);
        if (ifd < 8 || at + 2 > s.length) {
            return 0;
        }
        int entries = u16(s, at, little);
        for (int i = 0; i < entries; i++) {
            int e = at + 2 + 12 * i;
            if (e + 12 > s.length) {
                return 0;
            }
            if (u16(s, e, little) == TAG_ORIENTATION) {
                int v = u16(s, e + 8, little);
                return v >= 1 && v <= 8 ? v : 0;
            }
        }
        return 0;
    }

    /** FFmpeg filters that turn the stored picture upright, "" when it already is. */
    public static String uprightFilter(int orientation) {
        return switch (orientation) {
            case 2 -> "hflip";
            case 3 -> "hflip,vflip";
            case 4 -> "vflip";
            case 5 -> "transpose=0";
            case 6 -> "transpose=1";
            case 7 -> "transpose=3";
            case 8 -> "transpose=2";
            default -> "";
        };
    }

    /** Whether the upright picture's width and height are the stored one's swapped. */
    public static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    private static int u16(byte[] s, int i, boolean little) {
        int a = s[i] & 0xFF;
        int b = s[i + 1] & 0xFF;
        return little ? a | b << 8 : a << 8 | b;
    }

    private static long u32(byte[] s, int i, boolean little) {
        long v = 0;
        for (int k = 0; k < 4; k++) {
            int b = s[i + (little ? 3 - k : k)] & 0xFF;
            v = v << 8 | b;
        }
        return v;
    }
}

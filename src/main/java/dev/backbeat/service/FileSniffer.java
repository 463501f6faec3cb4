package dev.backbeat.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells what a file holds from its first bytes, whatever its name says: a PNG renamed
 * {@code .mp4} is still a picture, and is handled (or refused) as the picture it is.
 */
public final class FileSniffer {

    /** What the bytes say the file is. */
    public enum Kind { VIDEO, IMAGE, AUDIO, UNKNOWN }

    /** The kind and the format's common name ("PNG", "MP4", "WebM"), or "" when unknown. */
    public record Sniffed(Kind kind, String format) {
    }

    private FileSniffer() {
    }

    public static Sniffed sniff(Path file) {
        byte[] head = new byte[32];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return new Sniffed(Kind.UNKNOWN, "");
        }
        return sniff(head, n);
    }

    /** As {@link #sniff(Path)}, for the first bytes of something still arriving (a download). */
    public static Sniffed sniffBytes(byte[] b, int n) {
        return sniff(b, n);
    }

    static Sniffed sniff(byte[] b, int n) {
        if (n >= 3 && u(b, 0) == 0xFF && u(b, 1) == 0xD8 && u(b, 2) == 0xFF) {
            return new Sniffed(Kind.IMAGE, "JPEG");
        }
        if (n >= 8 && u(b, 0) == 0x89 && ascii(b, 1, "PNG") && u(b, 4) == 0x0D && u(b, 5) == 0x0A) {
            return new Sniffed(Kind.IMAGE, "PNG");
        }
        if (n >= 6 && (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a"))) {
            return new Sniffed(Kind.IMAGE, "GIF");
        }
        if (n >= 12 && ascii(b, 0, "RIFF")) {
            if (ascii(b, 8, "WEBP")) {
                return new Sniffed(Kind.IMAGE, "WebP");
            }
            if (ascii(b, 8, "AVI ")) {
                return new Sniffed(Kind.VIDEO, "AVI");
            }
            if (ascii(b, 8, "WAVE")) {
                return new Sniffed(Kind.AUDIO, "WAV");
            }
        }
        if (n >= 4 && u(b, 0) == 0x1A && u(b, 1) == 0x45 && u(b, 2) == 0xDF && u(b, 3) == 0xA3) {
            return new Sniffed(Kind.VIDEO, "Matroska/WebM");
        }
        if (n >= 12 && ascii(b, 4, "ftyp")) {
            String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
            if (brand.startsWith("M4A") || brand.startsWith("M4B")) {
                return new Sniffed(Kind.AUDIO, "M4A");
            }
            if (brand.startsWith("hei") || brand.startsWith("avif") || brand.startsWith("mif1")) {
                return new Sniffed(Kind.UNKNOWN, "HEIF");
            }
            return new Sniffed(Kind.VIDEO, brand.startsWith("qt") ? "MOV" : "MP4");
        }
        if (n >= 8 && (ascii(b, 4, "moov") || ascii(b, 4, "mdat") || ascii(b, 4, "wide") || ascii(b, 4, "free"))) {
            return new Sniffed(Kind.VIDEO, "MOV");
        }
        if (n >= 3 && ascii(b, 0, "ID3")) {
            return new Sniffed(Kind.AUDIO, "MP3");
        }
        if (n >= 2 && u(b, 0) == 0xFF && (u(b, 1) & 0xE0) == 0xE0) {
            // frame sync: layer bits 00 is AAC's ADTS, anything else an MPEG audio layer (MP3)
            return (u(b, 1) & 0x06) == 0 ? new Sniffed(Kind.AUDIO, "AAC") : new Sniffed(Kind.AUDIO, "MP3");
        }
        return new Sniffed(Kind.UNKNOWN, "");
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static boolean ascii(byte[] b, int at, String s) {
        if (at + s.length() > b.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}

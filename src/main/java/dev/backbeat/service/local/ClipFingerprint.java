package dev.backbeat.service.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Tells whether a clip is still the one a project was made with, fast: SHA-256 of its size, its
 * first megabyte and its last megabyte (a 500 MB clip is read 2 MB, not whole). A change in the
 * middle of a file that keeps its size and both ends is not seen; a re-export or trim always is.
 */
final class ClipFingerprint {
    static final int SAMPLE = 1 << 20;

    private ClipFingerprint() {
    }

    static String of(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            long size = f.length();
            d.update(Long.toString(size).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] buf = new byte[(int) Math.min(SAMPLE, size)];
            f.readFully(buf);
            d.update(buf);
            if (size > SAMPLE) {
                f.seek(Math.max(SAMPLE, size - SAMPLE));
                byte[] tail = new byte[(int) (size - f.getFilePointer())];
                f.readFully(tail);
                d.update(tail);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.backbeat.engine.analysis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams a mono 16-bit little-endian PCM file through the loudness meter and the speech detector, a chunk at a time. */
final class SoundReader {

    private SoundReader() {
    }

    /** @return the number of samples read */
    static long read(Path pcm, LoudnessMeter loudness, SpeechDetector speech) throws IOException {
        byte[] bytes = new byte[16384];
        float[] samples = new float[bytes.length / 2];
        long total = 0;
        int carry = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(pcm))) {
            for (int n; (n = in.read(bytes, carry, bytes.length - carry)) > 0; ) {
                int available = carry + n;
                int count = available / 2;
                for (int i = 0; i < count; i++) {
                    samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / 32768f;
                }
                loudness.accept(samples, count);
                speech.accept(samples, count);
                total += count;
                carry = available % 2;
                if (carry == 1) {
                    bytes[0] = bytes[available - 1];
                }
            }
        }
        return total;
    }
}

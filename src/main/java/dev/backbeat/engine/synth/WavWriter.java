package dev.backbeat.engine.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes 16-bit stereo PCM WAV files at 48 kHz, byte for byte the same for the same samples. */
public final class WavWriter {

    public void write(float[][] stereo, Path file) {
        int n = stereo[0].length;
        ByteBuffer b = ByteBuffer.allocate(44 + n * 4).order(ByteOrder.LITTLE_ENDIAN);
        int rate = (int) GervillRenderer.RATE;
        b.put("RIFF".getBytes()).putInt(36 + n * 4).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(rate)
                .putInt(rate * 4).putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes()).putInt(n * 4);
        for (int i = 0; i < n; i++) {
            b.putShort(sample(stereo[0][i]));
            b.putShort(sample(stereo[1][i]));
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(b.array());
            }
        } catch (IOException e) {
            throw new SynthException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static short sample(float x) {
        return (short) Math.max(-32767, Math.min(32767, Math.round(x * 32767.0)));
    }
}

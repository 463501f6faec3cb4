package dev.backbeat.engine.mix;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams 32-bit float stereo PCM into a WAV file; the sizes in the header are filled in on close. */
final class FloatWavWriter implements PcmSink, AutoCloseable {
    private final Path file;
    private final OutputStream out;
    private final InterleavedPcm pcm;
    private final int rate;
    private long frames;

    FloatWavWriter(Path file, int rate) throws IOException {
        this.file = file;
        this.rate = rate;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        out.write(header(0, rate));
        this.pcm = new InterleavedPcm(out);
    }

    @Override
    public void write(float[] left, float[] right, int n) throws IOException {
        pcm.write(left, right, n);
        frames += n;
    }

    @Override
    public void close() throws IOException {
        pcm.flush();
        out.close();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(0);
            raf.write(header(frames * 8, rate));
        }
    }

    private static byte[] header(long dataBytes, int rate) {
        ByteBuffer h = ByteBuffer.allocate(58).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (50 + dataBytes));
        h.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        h.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(18);
        h.putShort((short) 3).putShort((short) 2).putInt(rate).putInt(rate * 8).putShort((short) 8).putShort((short) 32);
        h.putShort((short) 0);
        h.put("fact".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(4).putInt((int) (dataBytes / 8));
        h.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return h.array();
    }
}

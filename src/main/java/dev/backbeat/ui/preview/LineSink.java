package dev.backbeat.ui.preview;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * The computer's sound device through {@code javax.sound.sampled}: 16-bit stereo at 48 kHz, a
 * tenth of a second of buffer. Its frame position ({@link SourceDataLine#getLongFramePosition})
 * is the player's clock, so the picture follows what is actually heard.
 */
public final class LineSink implements AudioSink {
    private static final int BUFFER_FRAMES = RATE / 5;
    private final SourceDataLine line;
    private byte[] bytes = new byte[0];
    private long base;
    private long written;

    private LineSink(SourceDataLine line) {
        this.line = line;
    }

    /** The default device, or a silent sink that says why there is no sound. */
    public static AudioSink open() {
        AudioFormat format = new AudioFormat(RATE, 16, 2, true, false);
        try {
            SourceDataLine line = AudioSystem.getSourceDataLine(format);
            line.open(format, BUFFER_FRAMES * 4);
            return new LineSink(line);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            return SilentSink.noDevice();
        }
    }

    @Override
    public int available() {
        return line.available() / 4;
    }

    @Override
    public void write(float[] left, float[] right, int n) {
        if (bytes.length < n * 4) {
            bytes = new byte[n * 4];
        }
        for (int i = 0, j = 0; i < n; i++, j += 4) {
            int l = Math.round(Math.max(-1f, Math.min(1f, left[i])) * 32767);
            int r = Math.round(Math.max(-1f, Math.min(1f, right[i])) * 32767);
            bytes[j] = (byte) l;
            bytes[j + 1] = (byte) (l >> 8);
            bytes[j + 2] = (byte) r;
            bytes[j + 3] = (byte) (r >> 8);
        }
        line.write(bytes, 0, n * 4);
        written += n;
    }

    @Override
    public long played() {
        return Math.max(0, Math.min(written, line.getLongFramePosition() - base));
    }

    @Override
    public void start() {
        line.start();
    }

    @Override
    public void stop() {
        line.stop();
    }

    @Override
    public void flush() {
        line.flush();
        base = line.getLongFramePosition();
        written = 0;
    }

    @Override
    public String silentBecause() {
        return null;
    }

    @Override
    public void close() {
        line.close();
    }
}

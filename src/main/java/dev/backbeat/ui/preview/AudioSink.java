package dev.backbeat.ui.preview;

/**
 * Where the player's sound goes (48 kHz stereo float), and the clock the picture follows: what
 * the sink says it has played is the playhead. Writes never block: the player writes only what
 * {@link #available} allows. Used from one thread at a time.
 */
public interface AudioSink extends AutoCloseable {
    int RATE = 48_000;

    /** Opens the sink to use; never fails (a sink that cannot make sound is silent and says why). */
    @FunctionalInterface
    interface Opener {
        AudioSink open();
    }

    /** How many frames can be written now without blocking. */
    int available();

    void write(float[] left, float[] right, int n);

    /** Frames heard since the last {@link #flush} (never more than were written). */
    long played();

    /** Plays what is written (and what was written while stopped). */
    void start();

    /** Holds the sound where it is; {@link #played} stops advancing. */
    void stop();

    /** Drops what was written but not yet played; {@link #played} starts again from 0. */
    void flush();

    /** Null when the sound is heard; otherwise why not, in the user's words. */
    String silentBecause();

    @Override
    void close();
}

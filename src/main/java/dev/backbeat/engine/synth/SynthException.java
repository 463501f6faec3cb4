package dev.backbeat.engine.synth;

/** Rendering the music to audio failed; the message says what to do about it. */
public class SynthException extends RuntimeException {
    public SynthException(String message) {
        super(message);
    }

    public SynthException(String message, Throwable cause) {
        super(message, cause);
    }
}

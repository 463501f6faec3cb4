package dev.backbeat.engine.compose;

/** Composition could not be done as asked; the message tells the user what to change. */
public class ComposeException extends RuntimeException {
    public ComposeException(String message) {
        super(message);
    }

    public ComposeException(String message, Throwable cause) {
        super(message, cause);
    }
}

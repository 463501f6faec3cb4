package dev.backbeat.engine.mix;

/** The result cannot be written where the user asked: worded for them, with what to do. */
public final class ExportException extends Exception {
    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}

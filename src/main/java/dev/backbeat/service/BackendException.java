package dev.backbeat.service;

/**
 * A failure a user can hit, with a message worded for them: what happened and what to do next.
 * The kind lets callers react (retry, ask to log in, offer a file chooser) without parsing text.
 */
public class BackendException extends Exception {

    public enum Kind {
        /** The file cannot be used: unsupported, corrupt, too large, empty. */
        BAD_INPUT,
        /**
         * The file holds less than it says (cut short, many parts that cannot be decoded): the
         * message says how much; the user may score what is there ({@link Backend#uploadAsTheyAre}) or stop.
         */
        DAMAGED,
        /** The token was refused and could not be renewed. */
        AUTH,
        /** The server forgot the session; a new one was or must be started. */
        SESSION_LOST,
        OUT_OF_CREDITS,
        /** Export is not part of the user's plan. */
        PLAN,
        RATE_LIMITED,
        /** The network failed: refused, reset, timed out. */
        NETWORK,
        /** The server failed (5xx) or answered something we cannot read. */
        SERVER,
        /** Writing the result failed: disk full, folder not writable. */
        OUTPUT,
        CANCELLED,
        /** The request is understood but this back end cannot do it. */
        UNSUPPORTED,
        INTERNAL
    }

    private final Kind kind;

    public BackendException(Kind kind, String userMessage) {
        super(userMessage);
        this.kind = kind;
    }

    public BackendException(Kind kind, String userMessage, Throwable cause) {
        super(userMessage, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The text to show the user. */
    public String userMessage() {
        return getMessage();
    }

    public static BackendException cancelled() {
        return new BackendException(Kind.CANCELLED, "Cancelled.");
    }
}

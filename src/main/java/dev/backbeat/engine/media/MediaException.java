package dev.backbeat.engine.media;

/**
 * A problem with a media file or with FFmpeg, worded for the person who chose the file: what
 * happened and what to do next. {@link #kind()} lets callers react without parsing text.
 */
public final class MediaException extends Exception {

    public enum Kind {
        /** The file does not exist or cannot be read. */
        NOT_FOUND,
        /** The file has no bytes. */
        EMPTY,
        /** The file is not audio or video at all. */
        NOT_MEDIA,
        /** The file is media but damaged or cut short. */
        CORRUPT,
        /**
         * The file probes as whole, but its picture or sound ends early or many parts of it cannot
         * be decoded (a download cut short): it can be scored as far as it goes if the user agrees.
         */
        DAMAGED,
        /** The file has sound but no picture. */
        NO_VIDEO,
        /** The file has no sound (a song was asked for). */
        NO_AUDIO,
        /** The file is media we cannot decode. */
        UNSUPPORTED,
        /** FFmpeg itself cannot be found or started. */
        FFMPEG_MISSING,
        /** FFmpeg ran and failed. */
        FAILED,
        /** FFmpeg stopped making progress and was stopped. */
        STALLED,
        /** The user cancelled. */
        CANCELLED
    }

    private final Kind kind;

    public MediaException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public MediaException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the input itself is at fault (the CLI exits 2), false for failures of the tool. */
    public boolean isBadInput() {
        return switch (kind) {
            case NOT_FOUND, EMPTY, NOT_MEDIA, CORRUPT, DAMAGED, NO_VIDEO, NO_AUDIO, UNSUPPORTED -> true;
            default -> false;
        };
    }
}

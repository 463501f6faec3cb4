package dev.backbeat.draft;

/** The {@code tt} code of a track. Known codes get a kind; any other number is kept as "other N". */
public record TrackType(int code) {
    public static final TrackType VIDEO = new TrackType(0);
    public static final TrackType AUDIO = new TrackType(1);
    public static final TrackType TEXT = new TrackType(7);

    public enum Kind { VIDEO, AUDIO, TEXT, OTHER }

    public Kind kind() {
        return switch (code) {
            case 0 -> Kind.VIDEO;
            case 1 -> Kind.AUDIO;
            case 7 -> Kind.TEXT;
            default -> Kind.OTHER;
        };
    }

    /** The word the timeline summary uses for this track. */
    public String label() {
        return switch (kind()) {
            case VIDEO -> "Video";
            case AUDIO -> "BGM";
            case TEXT -> "Title";
            case OTHER -> "Other " + code;
        };
    }
}

package dev.backbeat.draft;

/** A draft that cannot be read: names the offending field as a JSON path (e.g. {@code t[1].sg[0].d}). */
public final class DraftFormatException extends Exception {
    private final String field;

    public DraftFormatException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The path of the field that is wrong, such as {@code t[0].tt}. */
    public String field() {
        return field;
    }
}

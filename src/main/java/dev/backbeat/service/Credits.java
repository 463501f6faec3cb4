package dev.backbeat.service;

/** The user's balance. A back end that needs no credits says so in {@code note} with {@code metered} false. */
public record Credits(boolean metered, long available, long frozen, long total, String note) {

    public static Credits unmetered(String note) {
        return new Credits(false, 0, 0, 0, note);
    }

    /** The line the user reads. */
    public String describe() {
        if (!metered) {
            return note;
        }
        return "Credits: " + available + " available" + (frozen > 0 ? ", " + frozen + " reserved" : "")
                + " (" + total + " in all)" + (note == null || note.isBlank() ? "" : ". " + note);
    }
}

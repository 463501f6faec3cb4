package dev.backbeat.service;

/** Receives progress of long work: a note in the user's words and a fraction 0-1, or -1 when unknown. */
@FunctionalInterface
public interface ProgressListener {
    void progress(String note, double fraction);

    static ProgressListener none() {
        return (note, fraction) -> { };
    }
}

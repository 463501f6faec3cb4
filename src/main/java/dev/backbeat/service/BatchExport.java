package dev.backbeat.service;

import java.nio.file.Path;

/**
 * One MP4 per clip, as the seed's batch workflow does: each clip scored on its own, with its own
 * music, written into one folder; progress is told per file and one failure does not stop the others.
 */
public final class BatchExport {
    private BatchExport() {
    }

    /** How one file of the batch ended: written to {@code file}, or not, because of {@code problem}. */
    public record Item(String name, Path file, String problem) {
        public boolean written() {
            return file != null;
        }
    }

    /** Progress of file {@code index} (0-based) of {@code count}, named {@code name}. */
    @FunctionalInterface
    public interface Listener {
        void update(int index, int count, String name, ExportProgress progress);
    }
}

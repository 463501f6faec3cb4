package dev.backbeat.service;

import java.nio.file.Path;

/**
 * Hidden partial files of both back ends (an export, a render downloaded from the cloud, a link
 * downloaded): named with our process id and listed while they are written, so a start after a
 * kill sweeps what was left (see the engine's TempFiles and Leftovers, which keep the list).
 */
public final class Partials {
    private Partials() {
    }

    /** The hidden name {@code target} is written under until it is whole. */
    public static Path beside(Path target) {
        return dev.backbeat.engine.media.TempFiles.partialBeside(target.toAbsolutePath());
    }

    public static void writing(Path partial) {
        dev.backbeat.engine.media.TempFiles.writing(partial);
    }

    public static void finished(Path partial) {
        dev.backbeat.engine.media.TempFiles.finished(partial);
    }
}

package dev.backbeat.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** File dialogs behind an interface, so view models can be tested without a window. */
public interface FileChooserPort {
    /** Lets the user pick video files to add; empty when they cancel. */
    List<Path> chooseVideos();

    /** Lets the user pick where to save an MP4, starting from a suggested file; empty when they cancel. */
    Optional<Path> chooseExportTarget(Path suggested);

    /** Shows the file in the system's file manager, or plays it; false where the desktop cannot. */
    boolean reveal(Path file);
}

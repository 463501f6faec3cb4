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

    /** Lets the user pick a folder for a batch (one MP4 per clip); empty when they cancel. */
    default Optional<Path> chooseFolder(Path suggested) {
        return Optional.empty();
    }

    /** Lets the user pick a .backbeat project to open; empty when they cancel (or where there is no dialog). */
    default Optional<Path> chooseProjectToOpen() {
        return Optional.empty();
    }

    /** Lets the user pick where to save the project; empty when they cancel. */
    default Optional<Path> chooseProjectTarget(Path suggested) {
        return Optional.empty();
    }

    /** Lets the user find a clip the project lost track of ({@code name} was at {@code oldPath}); empty when they cancel. */
    default Optional<Path> locateClip(String name, String oldPath) {
        return Optional.empty();
    }
}

package dev.backbeat.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** File dialogs for window tests that open none: every choice is cancelled, every reveal succeeds. */
public final class NoDialogs implements FileChooserPort {
    @Override
    public List<Path> chooseVideos() {
        return List.of();
    }

    @Override
    public Optional<Path> chooseExportTarget(Path suggested) {
        return Optional.empty();
    }

    @Override
    public boolean reveal(Path file) {
        return true;
    }
}

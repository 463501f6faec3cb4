package dev.backbeat.ui;

import dev.backbeat.service.MediaRules;
import javafx.application.HostServices;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The desktop's own file dialogs. */
public final class FxFileChooser implements FileChooserPort {
    private final Supplier<Window> owner;
    private final HostServices host;

    public FxFileChooser(Supplier<Window> owner, HostServices host) {
        this.owner = owner;
        this.host = host;
    }

    @Override
    public List<Path> chooseVideos() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Texts.get("files.addTitle"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("files.videos"),
                MediaRules.LOCAL_EXTENSIONS.stream().map(e -> "*." + e).toList()));
        List<File> files = fc.showOpenMultipleDialog(owner.get());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFolder(Path suggested) {
        javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
        dc.setTitle(Texts.get("files.folderTitle"));
        if (suggested != null && Files.isDirectory(suggested)) {
            dc.setInitialDirectory(suggested.toFile());
        }
        File f = dc.showDialog(owner.get());
        return f == null ? Optional.empty() : Optional.of(f.toPath());
    }

    @Override
    public Optional<Path> chooseExportTarget(Path suggested) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Texts.get("files.exportTitle"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("files.mp4"), "*.mp4"));
        Path dir = suggested.getParent();
        if (dir != null && Files.isDirectory(dir)) {
            fc.setInitialDirectory(dir.toFile());
        }
        fc.setInitialFileName(suggested.getFileName().toString());
        File f = fc.showSaveDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        Path p = f.toPath();
        return Optional.of(p.getFileName().toString().toLowerCase().endsWith(".mp4") ? p
                : p.resolveSibling(p.getFileName() + ".mp4"));
    }

    @Override
    public Optional<Path> chooseProjectToOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Texts.get("chooser.openProject"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("chooser.projectType"), "*.backbeat"));
        File f = fc.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseProjectTarget(Path suggested) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Texts.get("chooser.saveProject"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("chooser.projectType"), "*.backbeat"));
        Path dir = suggested.getParent();
        if (dir != null && Files.isDirectory(dir)) {
            fc.setInitialDirectory(dir.toFile());
        }
        fc.setInitialFileName(suggested.getFileName().toString());
        File f = fc.showSaveDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        Path p = f.toPath();
        return Optional.of(p.getFileName().toString().toLowerCase().endsWith(".backbeat") ? p
                : p.resolveSibling(p.getFileName() + ".backbeat"));
    }

    @Override
    public Optional<Path> locateClip(String name, String oldPath) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Texts.get("chooser.whereIs", name));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("files.videos"),
                MediaRules.VIDEO_AND_IMAGE_EXTENSIONS.stream().map(e -> "*." + e).toList()));
        Path dir = Path.of(oldPath).getParent();
        if (dir != null && Files.isDirectory(dir)) {
            fc.setInitialDirectory(dir.toFile());
        }
        return Optional.ofNullable(fc.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public boolean reveal(Path file) {
        if (host == null) {
            return false;
        }
        Path dir = file.getParent() == null ? file : file.getParent();
        host.showDocument(dir.toUri().toString());
        return true;
    }
}

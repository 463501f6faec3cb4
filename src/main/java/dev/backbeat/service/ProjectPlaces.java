package dev.backbeat.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where projects are kept track of, in the user's state folder: the autosaves of projects not yet
 * saved by the user, the project in use while the app runs (left behind by a crash or a kill, so
 * the next start reopens it), and the recent projects for the start screen. Plain blocking I/O.
 */
public final class ProjectPlaces {
    private static final int RECENT = 8;
    private final Path state;

    public ProjectPlaces(Path stateDir) {
        this.state = stateDir;
    }

    public static ProjectPlaces fromEnvironment() {
        return new ProjectPlaces(UserFolders.fromEnvironment().state());
    }

    /** A fresh autosave file for a project the user has not saved yet. */
    public Path newAutosave() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT));
        return state.resolve("autosave").resolve("unsaved-" + stamp + ".backbeat");
    }

    public boolean isAutosave(Path file) {
        return file.toAbsolutePath().startsWith(state.resolve("autosave").toAbsolutePath());
    }

    /** The project in use when the app last stopped without closing (a crash, a kill), if its file is still there. */
    public Optional<Path> leftOpen() {
        try {
            Path marker = state.resolve("open-project");
            if (!Files.isRegularFile(marker)) {
                return Optional.empty();
            }
            Path p = Path.of(Files.readString(marker, StandardCharsets.UTF_8).trim());
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Notes the project in use; {@link #closedCleanly} removes the note. */
    public void inUse(Path project) throws IOException {
        write(state.resolve("open-project"), project.toAbsolutePath().toString());
    }

    public void closedCleanly() throws IOException {
        Files.deleteIfExists(state.resolve("open-project"));
    }

    /** Recent projects, newest first, those whose file is gone left out. */
    public List<Path> recent() {
        try {
            Path list = state.resolve("recent-projects");
            if (!Files.isRegularFile(list)) {
                return List.of();
            }
            return Files.readAllLines(list, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(Path::of)
                    .filter(Files::isRegularFile).distinct().limit(RECENT).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    public List<Path> remember(Path project) throws IOException {
        List<Path> next = new ArrayList<>();
        next.add(project.toAbsolutePath());
        for (Path p : recent()) {
            if (!p.equals(project.toAbsolutePath()) && next.size() < RECENT) {
                next.add(p);
            }
        }
        write(state.resolve("recent-projects"), String.join("\n", next.stream().map(Path::toString).toList()) + "\n");
        return List.copyOf(next);
    }

    /** Written beside and moved into place: a kill mid-write leaves the old file whole. */
    private static void write(Path target, String text) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + target.getFileName() + ".part-" + ProcessHandle.current().pid());
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

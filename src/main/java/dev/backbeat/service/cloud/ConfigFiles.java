package dev.backbeat.service.cloud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import dev.backbeat.service.OwnerOnly;

/**
 * Writes the small files of the config folder whole or not at all (a temp file renamed over the
 * old one), all owner-only (600 in a 700 folder) from the first byte.
 */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static void ensureDir(Path dir) throws IOException {
        OwnerOnly.ensureDir(dir);
    }

    /**
     * Writes a file of the config folder whole. Every file there is owner-only: the client id and
     * the session are not secrets, but the folder is the user's alone.
     */
    static void write(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        ensureDir(dir);
        Path tmp = OwnerOnly.createFile(dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp"));
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            moveIntoPlace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String readOrNull(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }
}

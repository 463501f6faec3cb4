package dev.backbeat.service;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The user's folders hold tokens and sessions, so they are the user's alone: folders 700, files
 * 600, set from the first byte (never chmod-ed after something was written). A folder an older
 * version left readable by others is closed again.
 */
public final class OwnerOnly {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    public static void ensureDir(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            close(abs);
            return;
        }
        if (posix(abs.getParent())) {
            try {
                Files.createDirectories(abs, PosixFilePermissions.asFileAttribute(DIR));
            } catch (FileAlreadyExistsException ignored) {
                // made by another process meanwhile
            }
            close(abs);
            return;
        }
        Files.createDirectories(abs);
    }

    /** Creates a new, empty file only the owner can read and write. */
    public static Path createFile(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (posix(dir)) {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        }
        Files.createFile(file);
        // not POSIX: the closest we can do, before anything secret is written
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
        file.toFile().setWritable(false, false);
        file.toFile().setWritable(true, true);
        return file;
    }

    /** A folder of ours that others can enter (created by an older version as 755) becomes 700. */
    private static void close(Path dir) throws IOException {
        if (!posix(dir)) {
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir);
        if (!now.equals(DIR) && Files.getOwner(dir).getName().equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(dir, DIR);
        }
    }

    private static boolean posix(Path dir) {
        try {
            Path probe = dir;
            while (probe != null && !Files.exists(probe)) {
                probe = probe.getParent();
            }
            return probe != null && Files.getFileStore(probe).supportsFileAttributeView("posix");
        } catch (IOException e) {
            return false;
        }
    }
}

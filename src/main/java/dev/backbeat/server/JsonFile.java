package dev.backbeat.server;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.backbeat.service.OwnerOnly;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/** The server's small JSON records on disk: written to a hidden owner-only temp file, then moved into place whole. */
final class JsonFile {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private JsonFile() {
    }

    static void write(Path file, Object value) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        OwnerOnly.ensureDir(dir);
        Path part = OwnerOnly.createFile(dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".part"));
        try {
            try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                GSON.toJson(value, w);
            }
            try {
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** The record in {@code file}, or empty when there is none or it cannot be read (a damaged file is left for a person to look at). */
    static <T> Optional<T> read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Optional.ofNullable(GSON.fromJson(r, type));
        } catch (IOException | JsonParseException e) {
            System.getLogger(JsonFile.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot read " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}

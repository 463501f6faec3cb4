package dev.backbeat.service;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps {@link Settings} as JSON in the user's config folder ({@code ~/.config/backbeat}, or
 * {@code $BACKBEAT_CONFIG_DIR}). A missing or unreadable file gives the defaults.
 */
public final class SettingsStore {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
    private final Path file;

    public SettingsStore(Path configDir) {
        this.file = configDir.resolve("settings.json");
    }

    /** The config folder: {@code $BACKBEAT_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/backbeat}, else {@code $HOME/.config/backbeat}. */
    public static Path defaultConfigDir() {
        return UserFolders.fromEnvironment().config();
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.defaults();
        }
        try {
            Settings s = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Settings.class);
            return s == null ? Settings.defaults()
                    : new Settings(s.backend(), s.apiBase(), s.ffmpegPath(), s.pollSeconds(), s.language(), s.theme());
        } catch (IOException | JsonParseException e) {
            return Settings.defaults();
        }
    }

    /** Writes the settings whole: to a temporary file first (owner-only), then moved into place. */
    public void save(Settings settings) throws IOException {
        OwnerOnly.ensureDir(file.getParent());
        Path tmp = OwnerOnly.createFile(file.getParent().resolve(".settings." + java.util.UUID.randomUUID() + ".tmp"));
        try {
            Files.writeString(tmp, GSON.toJson(settings), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

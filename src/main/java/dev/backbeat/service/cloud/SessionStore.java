package dev.backbeat.service.cloud;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import dev.backbeat.service.MediaInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The current project's session, kept in the config folder so that separate CLI runs (upload,
 * then chat, then export) and app restarts continue the same project.
 */
final class SessionStore {
    static final String FILE = "session.json";
    private static final Gson GSON = new Gson();

    /** What the service gave us for the session, and the files uploaded into it. */
    static final class Session {
        String sessionId;
        String taskId;
        String userId;
        String language;
        List<MediaInfo> media = new ArrayList<>();

        Session(String sessionId, String taskId, String userId, String language) {
            this.sessionId = sessionId;
            this.taskId = taskId;
            this.userId = userId;
            this.language = language;
        }
    }

    private final Path file;

    SessionStore(Path configDir) {
        this.file = configDir.resolve(FILE);
    }

    Optional<Session> load() {
        try {
            String text = ConfigFiles.readOrNull(file);
            if (text == null) {
                return Optional.empty();
            }
            Session s = GSON.fromJson(text, Session.class);
            if (s == null || s.sessionId == null || s.sessionId.isBlank()) {
                return Optional.empty();
            }
            if (s.media == null) {
                s.media = new ArrayList<>();
            }
            return Optional.of(s);
        } catch (IOException | JsonParseException e) {
            return Optional.empty();
        }
    }

    void save(Session s) throws IOException {
        ConfigFiles.write(file, GSON.toJson(s) + "\n");
    }

    void clear() throws IOException {
        Files.deleteIfExists(file);
    }
}

package dev.backbeat.server;

import dev.backbeat.service.OwnerOnly;
import dev.backbeat.service.local.LocalBackend;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every session the server knows, read back from {@code sessions/} at start. A session is found
 * only by its owner: to anyone else it does not exist. At most {@code loaded} engines stay open;
 * the least recently used idle one is put away (its memory freed) when another opens.
 */
final class SessionRegistry {
    private static final System.Logger LOG = System.getLogger(SessionRegistry.class.getName());

    private final Path root;
    private final Supplier<LocalBackend> engines;
    private final int loaded;
    private final Map<String, ServedSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    SessionRegistry(Path root, Supplier<LocalBackend> engines, int loaded) throws IOException {
        this.root = root;
        this.engines = engines;
        this.loaded = Math.max(1, loaded);
        OwnerOnly.ensureDir(root);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path d : dirs) {
                if (Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && SafePaths.ID.matcher(d.getFileName().toString()).matches()) {
                    ServedSession.load(d, engines).ifPresent(this::keep);
                }
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "sessions kept from before: " + sessions.size());
    }

    int size() {
        return sessions.size();
    }

    ServedSession create(String userId, String language) throws IOException {
        byte[] b = new byte[16];
        random.nextBytes(b);
        String hex = HexFormat.of().formatHex(b);
        SessionRecord r = new SessionRecord();
        r.sessionId = "sess_" + hex;
        r.taskId = "task_" + hex.substring(0, 12);
        r.userId = userId;
        r.language = language;
        r.createdAt = ServedSession.now();
        ServedSession s = ServedSession.create(root.resolve(r.sessionId), r, engines);
        keep(s);
        return s;
    }

    private void keep(ServedSession s) {
        s.onEngineOpened(this::engineOpened);
        sessions.put(s.id(), s);
    }

    /** The caller's session, or 1002 for an unknown id or another user's session. */
    ServedSession get(String sessionId, String userId) throws ApiError {
        ServedSession s = sessionId == null ? null : sessions.get(sessionId);
        if (s == null || !s.userId().equals(userId)) {
            throw ApiError.unknownSession();
        }
        return s;
    }

    /** The session that holds a render id, whoever owns it (render ids are unique on the server). */
    Optional<ServedSession> holderOf(String renderId) {
        return sessions.values().stream().filter(s -> s.render(renderId).isPresent()).findFirst();
    }

    /** After an engine opened: puts away the least recently used idle engines beyond the limit. */
    void engineOpened() {
        List<ServedSession> open = new ArrayList<>(sessions.values().stream().filter(ServedSession::engineLoaded).toList());
        if (open.size() <= loaded) {
            return;
        }
        open.sort(Comparator.comparingLong(ServedSession::lastUsed));
        int extra = open.size() - loaded;
        for (ServedSession s : open) {
            if (extra > 0 && s.putAwayIfIdle()) {
                LOG.log(System.Logger.Level.DEBUG, "put away the engine of session " + s.id());
                extra--;
            }
        }
    }

    int openEngines() {
        return (int) sessions.values().stream().filter(ServedSession::engineLoaded).count();
    }

    void closeAll() {
        sessions.values().forEach(ServedSession::close);
    }
}

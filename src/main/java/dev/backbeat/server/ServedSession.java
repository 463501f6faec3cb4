package dev.backbeat.server;

import com.google.gson.JsonElement;
import dev.backbeat.draft.Draft;
import dev.backbeat.draft.DraftCodec;
import dev.backbeat.draft.DraftFormatException;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.OwnerOnly;
import dev.backbeat.service.ProgressListener;
import dev.backbeat.service.ProjectContent;
import dev.backbeat.service.local.LocalBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One session of the protocol, served by its own local engine session (and so its own job
 * queue). Its record is written after every change; the engine's session is opened again from
 * the project file when it is first needed after a restart, or after it was put away to save memory.
 */
final class ServedSession {
    private static final System.Logger LOG = System.getLogger(ServedSession.class.getName());
    static final String RECORD = "session.json";
    static final String PROJECT = "project.backbeat";

    /** A file received for this session, already stored in its uploads folder. */
    record Incoming(Path file, String clientName, String hash, long size) {
    }

    /** Work done with the session's engine. */
    interface EngineWork<T> {
        T run(LocalBackend backend) throws BackendException;
    }

    private final Path dir;
    private final SessionRecord record;
    private final Supplier<LocalBackend> engines;
    private final Object engineLock = new Object();
    /** The engine writes its project file under one temporary name per process: one writer at a time. */
    private final Object persistLock = new Object();
    private final AtomicInteger busy = new AtomicInteger();
    private LocalBackend engine;
    private volatile long lastUsed = System.nanoTime();
    private volatile Runnable engineOpened = () -> { };

    private ServedSession(Path dir, SessionRecord record, Supplier<LocalBackend> engines) {
        this.dir = dir;
        this.record = record;
        this.engines = engines;
    }

    static ServedSession create(Path dir, SessionRecord record, Supplier<LocalBackend> engines) throws IOException {
        OwnerOnly.ensureDir(dir);
        OwnerOnly.ensureDir(dir.resolve("uploads"));
        OwnerOnly.ensureDir(dir.resolve("renders"));
        record.normalise();
        ServedSession s = new ServedSession(dir, record, engines);
        s.save();
        return s;
    }

    /** The session kept in {@code dir}; renders that were running when the server stopped are marked failed. */
    static Optional<ServedSession> load(Path dir, Supplier<LocalBackend> engines) {
        return JsonFile.read(dir.resolve(RECORD), SessionRecord.class).filter(r -> r.sessionId != null
                && dir.getFileName().toString().equals(r.sessionId)).map(r -> {
            r.normalise();
            for (SessionRecord.Render job : r.renders) {
                if ("pending".equals(job.status) || "processing".equals(job.status)) {
                    job.status = "failed";
                    job.error = "The server stopped before this render finished. Export again.";
                }
                if ("completed".equals(job.status) && (job.file == null
                        || !Files.isRegularFile(dir.resolve("renders").resolve(job.file)))) {
                    job.status = "failed";
                    job.error = "The rendered file is gone from the server's data folder. Export again.";
                }
            }
            return new ServedSession(dir, r, engines);
        });
    }

    String id() {
        return record.sessionId;
    }

    String userId() {
        return record.userId;
    }

    Path dir() {
        return dir;
    }

    /** Heard (outside the session's locks) each time the engine is opened. */
    void onEngineOpened(Runnable listener) {
        engineOpened = listener;
    }

    long lastUsed() {
        return lastUsed;
    }

    synchronized SessionRecord.Upload upload(String id) {
        return record.uploads.stream().filter(u -> u.id.equals(id)).findFirst().orElse(null);
    }

    /** A copy of what the state reply shows, taken under the session's lock. */
    synchronized SessionRecord snapshot() {
        return JsonFile.GSON.fromJson(JsonFile.GSON.toJson(record), SessionRecord.class);
    }

    /** Runs work with the engine, opening it first when needed; an engine in use is never put away. */
    <T> T withEngine(EngineWork<T> work) throws BackendException {
        busy.incrementAndGet();
        lastUsed = System.nanoTime();
        try {
            boolean fresh;
            LocalBackend e;
            synchronized (engineLock) {
                fresh = engine == null;
                e = engine();
            }
            if (fresh) {
                engineOpened.run();
            }
            return work.run(e);
        } finally {
            lastUsed = System.nanoTime();
            busy.decrementAndGet();
        }
    }

    boolean engineLoaded() {
        synchronized (engineLock) {
            return engine != null;
        }
    }

    /** Closes the engine when nothing uses it; it opens again from the project file on the next call. */
    boolean putAwayIfIdle() {
        synchronized (engineLock) {
            if (engine == null || busy.get() > 0 || !engine.jobs().map(q -> q.jobs().isEmpty()).orElse(true)) {
                return false;
            }
            engine.close();
            engine = null;
            return true;
        }
    }

    private LocalBackend engine() throws BackendException {
        synchronized (engineLock) {
            if (engine == null) {
                LocalBackend fresh = engines.get();
                Path project = dir.resolve(PROJECT);
                if (Files.isRegularFile(project)) {
                    try {
                        ProjectContent.Opened opened = fresh.openProject(project, ProgressListener.none(), CancelToken.none());
                        if (!opened.missing().isEmpty()) {
                            LOG.log(System.Logger.Level.WARNING, "session " + id() + ": " + opened.missing().size()
                                    + " clip(s) could not be found again");
                        }
                    } catch (BackendException e) {
                        fresh.close();
                        throw e;
                    }
                }
                engine = fresh;
            }
            return engine;
        }
    }

    /** Gives the stored files to the engine (it reads them and composes); on failure they are removed again. */
    List<SessionRecord.Upload> addUploads(List<Incoming> files) throws BackendException {
        try {
            return withEngine(engine -> {
                List<MediaInfo> infos = engine.upload(files.stream().map(Incoming::file).toList(),
                        ProgressListener.none(), CancelToken.none());
                List<SessionRecord.Upload> added = new ArrayList<>();
                JsonElement timeline = DraftCodec.encode(engine.state().draft());
                synchronized (this) {
                    for (int i = 0; i < files.size(); i++) {
                        Incoming in = files.get(i);
                        MediaInfo info = i < infos.size() ? infos.get(i) : null;
                        SessionRecord.Upload u = new SessionRecord.Upload();
                        u.id = "file_" + (record.uploads.size() + 1);
                        u.filename = in.clientName();
                        u.stored = dir.resolve("uploads").relativize(in.file()).toString();
                        u.hash = in.hash();
                        u.size = in.size();
                        u.fileType = info == null ? "video" : info.kind();
                        if (info != null) {
                            u.duration = info.durationMs() / 1000.0;
                            u.width = info.width();
                            u.height = info.height();
                            u.fps = info.fps();
                            u.hasAudio = info.hasAudio();
                        }
                        record.uploads.add(u);
                        added.add(u);
                    }
                    record.draft = timeline;
                }
                persist(engine);
                return added;
            });
        } catch (BackendException | RuntimeException e) {
            for (Incoming in : files) {
                try {
                    Files.deleteIfExists(in.file());
                    Files.deleteIfExists(in.file().getParent());
                } catch (IOException ignored) {
                    // a refused upload left behind is removed with its session
                }
            }
            throw e;
        }
    }

    /** One chat turn through the engine; the events reach {@code events} as they come. */
    void chat(String message, Consumer<ChatEvent> events) {
        try {
            withEngine(engine -> {
                StringBuilder reply = new StringBuilder();
                engine.chat(message, e -> {
                    if (e instanceof ChatEvent.Text t) {
                        reply.append(t.chunk());
                    } else if (e instanceof ChatEvent.TimelineChanged changed) {
                        synchronized (this) {
                            record.draft = DraftCodec.encode(changed.draft());
                        }
                    }
                    events.accept(e);
                }, CancelToken.none());
                JsonElement timeline = DraftCodec.encode(engine.state().draft());
                synchronized (this) {
                    record.chat.add(new SessionRecord.Line(true, message));
                    if (reply.length() > 0) {
                        record.chat.add(new SessionRecord.Line(false, reply.toString()));
                    }
                    record.draft = timeline;
                }
                persist(engine);
                return null;
            });
        } catch (BackendException e) {
            events.accept(new ChatEvent.Failed(e));
        }
    }

    /** The last timeline, as the engine last left it. */
    synchronized Draft draft() {
        try {
            return record.draft == null || record.draft.isJsonNull() ? Draft.empty() : DraftCodec.decode(record.draft);
        } catch (DraftFormatException e) {
            return Draft.empty();
        }
    }

    synchronized void changeRender(SessionRecord.Render job, Consumer<SessionRecord.Render> change, boolean save) {
        change.accept(job);
        if (save) {
            saveQuietly();
        }
    }

    synchronized void addRender(SessionRecord.Render job) throws IOException {
        record.renders.add(job);
        save();
    }

    /** A copy of the render's record as it stands now. */
    synchronized Optional<SessionRecord.Render> render(String id) {
        return record.renders.stream().filter(r -> r.id.equals(id)).findFirst()
                .map(r -> JsonFile.GSON.fromJson(JsonFile.GSON.toJson(r), SessionRecord.Render.class));
    }

    synchronized List<String> renderIds() {
        return record.renders.stream().map(r -> r.id).toList();
    }

    /** The project file (clips, brief, chat) and the record, each written whole. */
    private void persist(LocalBackend engine) throws BackendException {
        synchronized (persistLock) {
            persistNow(engine);
        }
    }

    private void persistNow(LocalBackend engine) throws BackendException {
        List<ProjectContent.ChatLine> lines;
        synchronized (this) {
            lines = record.chat.stream().map(l -> new ProjectContent.ChatLine(l.fromUser, l.text)).toList();
        }
        engine.saveProject(dir.resolve(PROJECT), new ProjectContent(lines));
        try {
            save();
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.OUTPUT, "The server could not save the session in "
                    + dir + ": " + e.getMessage(), e);
        }
    }

    private synchronized void save() throws IOException {
        JsonFile.write(dir.resolve(RECORD), record);
    }

    private synchronized void saveQuietly() {
        try {
            save();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not save session " + id() + ": " + e.getMessage());
        }
    }

    static String now() {
        return Instant.now().toString();
    }

    void close() {
        synchronized (engineLock) {
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
    }
}

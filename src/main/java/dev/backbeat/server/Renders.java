package dev.backbeat.server;

import com.google.gson.JsonObject;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * {@code /api/render/proxy/lambda}: a render is the local export of the session's timeline,
 * queued behind the session's earlier work in its engine's job queue. Its file goes to the
 * session's {@code renders/}, and the poll's {@code outputUrl} points at this server's download path.
 */
final class Renders {
    private static final System.Logger LOG = System.getLogger(Renders.class.getName());

    private final SessionRegistry sessions;
    private final ExecutorService work;
    private final Map<String, CancelToken> running = new ConcurrentHashMap<>();
    private final Object ids = new Object();
    private volatile boolean stopping;

    Renders(SessionRegistry sessions, ExecutorService work) {
        this.sessions = sessions;
        this.work = work;
    }

    static String downloadUrl(String base, String id) {
        return base + "/api/render/proxy/" + id + "/download";
    }

    SessionRecord.Render start(ServedSession session, String requestedId) throws ApiError, IOException {
        if (session.snapshot().uploads.isEmpty() || !session.draft().isExportable()) {
            throw new ApiError(422, 4005, "Nothing to export yet: upload a video and ask for music first.");
        }
        SessionRecord.Render job = new SessionRecord.Render();
        synchronized (ids) {
            String id = requestedId == null || requestedId.isBlank() ? "render_" + System.currentTimeMillis() : requestedId;
            SafePaths.id(id, "render id");
            if (sessions.holderOf(id).isPresent()) {
                throw new ApiError(409, 4009, "A render with the id " + id + " already exists. Choose a new id.");
            }
            job.id = id;
            job.status = "pending";
            job.stage = "Waiting for the session's earlier work";
            job.createdAt = ServedSession.now();
            session.addRender(job);
        }
        CancelToken cancel = new CancelToken();
        running.put(job.id, cancel);
        work.submit(() -> run(session, job, cancel));
        return job;
    }

    private void run(ServedSession session, SessionRecord.Render job, CancelToken cancel) {
        Path target = session.dir().resolve("renders").resolve(job.id + ".mp4");
        try {
            ExportResult done = session.withEngine(engine -> engine.export(new ExportRequest(target, "auto", -14.0),
                    p -> session.changeRender(job, j -> {
                        j.status = "processing";
                        j.stage = p.stage();
                        if (p.fraction() >= 0) {
                            j.progress = (int) Math.max(j.progress, Math.min(99, Math.round(p.fraction() * 100)));
                        }
                    }, false), cancel));
            session.changeRender(job, j -> {
                j.status = "completed";
                j.progress = 100;
                j.stage = "Done";
                j.file = done.file().getFileName().toString();
                j.details = done.details();
            }, true);
        } catch (BackendException e) {
            boolean cancelled = cancel.isCancelled() || e.kind() == BackendException.Kind.CANCELLED;
            session.changeRender(job, j -> {
                if (stopping) {
                    j.status = "failed";
                    j.error = "The server stopped before this render finished. Export again.";
                } else {
                    j.status = cancelled ? "cancelled" : "failed";
                    j.error = cancelled ? "The render was cancelled." : e.userMessage();
                }
            }, true);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "render " + job.id + " failed", e);
            session.changeRender(job, j -> {
                j.status = "failed";
                j.error = "The render failed inside the server: " + e.getMessage();
            }, true);
        } finally {
            running.remove(job.id);
        }
    }

    /** Cancels a render that waits or runs; a finished one stays as it is. */
    void cancel(ServedSession session, String id) throws ApiError {
        SessionRecord.Render job = session.render(id).orElseThrow(() -> ApiError.notFound("No render " + id + " here."));
        CancelToken t = running.get(job.id);
        if (t != null) {
            t.cancel();
        }
    }

    static JsonObject status(SessionRecord.Render job, String base) {
        JsonObject data = new JsonObject();
        data.addProperty("id", job.id);
        data.addProperty("status", job.status);
        data.addProperty("progress", job.progress);
        if (job.stage != null) {
            data.addProperty("stage", job.stage);
        }
        if ("completed".equals(job.status)) {
            String url = downloadUrl(base, job.id);
            data.addProperty("outputUrl", url);
            JsonObject output = new JsonObject();
            output.addProperty("url", url);
            output.addProperty("format", "mp4");
            data.add("output", output);
            if (job.details != null) {
                data.addProperty("details", job.details);
            }
        }
        if (job.error != null) {
            data.addProperty("error", job.error);
        }
        return data;
    }

    /** The server is stopping: renders still waiting or running end as failed (nobody cancelled them). */
    void stopAll() {
        stopping = true;
        running.values().forEach(CancelToken::cancel);
    }
}

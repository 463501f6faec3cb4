package dev.backbeat.service.cloud;

import com.google.gson.JsonObject;
import dev.backbeat.draft.Draft;
import dev.backbeat.draft.DraftCodec;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.BackendException.Kind;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportProgress;
import dev.backbeat.service.ExportResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * A cloud export from start to file: start the render (a new id when the service says the id is
 * taken), record the job, poll, download, forget the job. A job is forgotten only once its file
 * is in place, it failed on the service, or the user cancelled it.
 */
final class CloudExporter {
    private static final Logger LOG = Logger.getLogger(CloudExporter.class.getName());
    private static final int ID_ATTEMPTS = 3;

    private final NemoHttp http;
    private final CloudConfig config;
    private final RenderJobStore jobs;
    private final RenderPoller poller;
    private final RenderDownloader downloader;
    private final Clock clock;
    private long lastIdMillis;
    /** Cancelled when the app closes: polling stops but the job stays recorded for the next start. */
    private final CancelToken closing = new CancelToken();

    CloudExporter(NemoHttp http, CloudConfig config, RenderJobStore jobs, Clock clock) {
        this.http = http;
        this.config = config;
        this.jobs = jobs;
        this.clock = clock;
        this.poller = new RenderPoller(http, config);
        this.downloader = new RenderDownloader(http, config);
    }

    ExportResult export(String sessionId, Draft draft, Path target, Consumer<ExportProgress> progress,
                        CancelToken cancel) throws BackendException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new BackendException(Kind.OUTPUT, "Cannot write into " + dir + ". Choose a folder that exists "
                    + "and that you may write to.");
        }
        progress.accept(new ExportProgress("Starting the cloud render", 0, -1));
        String renderId = start(sessionId, draft, cancel);
        RenderJobStore.RenderJob job = new RenderJobStore.RenderJob(sessionId, renderId,
                target.toAbsolutePath().toString(), clock.millis());
        try {
            jobs.add(job);
        } catch (IOException e) {
            LOG.warning("could not record render " + renderId + ": " + e.getMessage());
        }
        return finish(job, progress, cancel);
    }

    /** Picks up every recorded render: polls it and downloads it. Throws the first failure after trying all. */
    List<ExportResult> resumeAll(Consumer<ExportProgress> progress, CancelToken cancel) throws BackendException {
        List<ExportResult> done = new ArrayList<>();
        BackendException first = null;
        for (RenderJobStore.RenderJob job : jobs.all()) {
            try {
                LOG.fine("resuming render " + job.renderId());
                done.add(finish(job, progress, cancel));
            } catch (BackendException e) {
                if (cancel.isCancelled()) {
                    throw e;
                }
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return done;
    }

    List<RenderJobStore.RenderJob> pending() {
        return jobs.all();
    }

    void close() {
        closing.cancel();
    }

    private ExportResult finish(RenderJobStore.RenderJob job, Consumer<ExportProgress> progress, CancelToken cancel)
            throws BackendException {
        Path target = Path.of(job.target());
        CancelToken stop = new CancelToken();
        cancel.onCancel(stop::cancel);
        closing.onCancel(stop::cancel);
        try {
            RenderStatus status = poller.awaitDone(job.renderId(), progress, stop);
            downloader.download(job.renderId(), status.outputUrl(), target, progress, stop);
            forget(job);
            return new ExportResult(target, "Rendered in the cloud (render " + job.renderId() + ")");
        } catch (BackendException e) {
            if (cancel.isCancelled()) {
                cancelOnService(job.renderId());
                forget(job);
            } else if (closing.isCancelled()) {
                throw new BackendException(Kind.CANCELLED, "Backbeat closed during the export. The render goes on in "
                        + "the cloud and is picked up at the next start (or with \"backbeat cloud resume\").", e);
            } else if (e instanceof RenderPoller.RenderEnded) {
                forget(job);
            }
            throw e;
        }
    }

    private String start(String sessionId, Draft draft, CancelToken cancel) throws BackendException {
        for (int attempt = 1; ; attempt++) {
            String id = nextId();
            JsonObject body = new JsonObject();
            body.addProperty("id", id);
            body.addProperty("sessionId", sessionId);
            body.add("draft", DraftCodec.encode(draft));
            JsonObject output = new JsonObject();
            output.addProperty("format", "mp4");
            output.addProperty("quality", "high");
            body.add("output", output);
            try {
                JsonObject root = http.json(NemoCall.postJson(config.resolve("/api/render/proxy/lambda"), body)
                        .withCancel(cancel));
                String given = NemoHttp.text(NemoHttp.data(root), "id");
                return given.isBlank() ? id : given;
            } catch (NemoApiException e) {
                if (!e.isDuplicateId() || attempt >= ID_ATTEMPTS) {
                    throw e;
                }
                LOG.fine("render id " + id + " is taken: trying a new one");
            }
        }
    }

    private synchronized String nextId() {
        lastIdMillis = Math.max(clock.millis(), lastIdMillis + 1);
        return "render_" + lastIdMillis;
    }

    private void cancelOnService(String renderId) {
        try {
            http.json(NemoCall.postJson(config.resolve("/api/render/proxy/lambda/" + renderId + "/cancel"), new JsonObject()));
        } catch (BackendException e) {
            LOG.fine("could not cancel render " + renderId + " on the service: " + e.getMessage());
        }
    }

    private void forget(RenderJobStore.RenderJob job) {
        try {
            jobs.remove(job.renderId());
        } catch (IOException e) {
            LOG.warning("could not update the render list: " + e.getMessage());
        }
    }
}

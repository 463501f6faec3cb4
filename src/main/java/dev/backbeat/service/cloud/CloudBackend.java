package dev.backbeat.service.cloud;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.backbeat.draft.Draft;
import dev.backbeat.service.Backend;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.BackendException.Kind;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.Credits;
import dev.backbeat.service.ExportProgress;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.ProgressListener;
import dev.backbeat.service.SessionState;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The NemoVideo agent API behind the app's {@link Backend} interface. */
public final class CloudBackend implements Backend {
    private final CloudConfig config;
    private final TokenProvider tokens;
    private final NemoHttp http;
    private final SessionKeeper sessions;
    private final CloudExporter exporter;

    public CloudBackend(CloudConfig config) {
        this(config, HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1).build(), Clock.systemUTC());
    }

    CloudBackend(CloudConfig config, HttpClient client, Clock clock) {
        this.config = config;
        this.tokens = new TokenProvider(config, new ClientIdentity(config.configDir()),
                new TokenStore(config.configDir(), clock), clock);
        this.http = new NemoHttp(config, client, tokens);
        this.tokens.setLogin(clientId -> NemoHttp.data(http.json(
                NemoCall.postJson(config.resolve("/api/auth/anonymous-token"), new JsonObject()).withoutAuth())));
        this.sessions = new SessionKeeper(http, config, new SessionStore(config.configDir()));
        this.exporter = new CloudExporter(http, config, new RenderJobStore(config.configDir()), clock);
    }

    @Override
    public String name() {
        return "Cloud";
    }

    @Override
    public String connect(ProgressListener progress) throws BackendException {
        progress.progress("Setting things up…", -1);
        tokens.token();
        sessions.session();
        return "Connected to the NemoVideo cloud" + (tokens.anonymous() ? " (free anonymous account)." : ".");
    }

    @Override
    public List<MediaInfo> upload(List<Path> files, ProgressListener progress, CancelToken cancel) throws BackendException {
        long total = UploadRules.check(files);
        MultipartBody body = new MultipartBody("files", files);
        return sessions.run(s -> {
            NemoCall call;
            try {
                long length = body.length();
                call = NemoCall.postJson(uploadUri(s), new JsonObject())
                        .withBody(body.publisher(sent -> progress.progress("Uploading", Math.min(1.0, (double) sent / length))),
                                body.contentType()).withCancel(cancel).withTimeout(uploadTimeout(total));
            } catch (IOException e) {
                throw new BackendException(Kind.BAD_INPUT, "Cannot read the files to upload: " + e.getMessage(), e);
            }
            return keepUploaded(s, http.json(call));
        });
    }

    @Override
    public List<MediaInfo> uploadUrls(List<URI> urls, ProgressListener progress, CancelToken cancel) throws BackendException {
        UploadRules.checkUrls(urls);
        JsonObject body = new JsonObject();
        JsonArray list = new JsonArray();
        urls.forEach(u -> list.add(u.toString()));
        body.add("urls", list);
        body.addProperty("source_type", "url");
        return sessions.run(s -> {
            progress.progress("Asking the service to fetch " + urls.size() + (urls.size() == 1 ? " file" : " files"), -1);
            return keepUploaded(s, http.json(NemoCall.postJson(uploadUri(s), body).withCancel(cancel)));
        });
    }

    /** The usual timeout plus time to send the bytes at a slow 200 kB/s: a big video must not time out halfway. */
    private Duration uploadTimeout(long bytes) {
        return config.callTimeout().plusSeconds(bytes / 200_000);
    }

    private URI uploadUri(SessionStore.Session s) {
        return config.resolve("/api/upload-video/nemo_agent/me/" + s.sessionId);
    }

    private List<MediaInfo> keepUploaded(SessionStore.Session s, JsonObject root) throws BackendException {
        List<MediaInfo> media = StateDecoder.mediaList(NemoHttp.data(root).get("files"));
        s.media.addAll(media);
        sessions.save();
        return media;
    }

    @Override
    public void chat(String message, Consumer<ChatEvent> events, CancelToken cancel) {
        new CloudChat(config, http, sessions, this::fetchState).send(message, events, cancel);
    }

    @Override
    public SessionState state() throws BackendException {
        return sessions.run(this::fetchState);
    }

    private SessionState fetchState(SessionStore.Session s) throws BackendException {
        return StateDecoder.state(http.json(NemoCall.get(config.resolve("/api/state/nemo_agent/me/" + s.sessionId + "/latest"))));
    }

    @Override
    public Credits credits() throws BackendException {
        JsonObject data = NemoHttp.data(http.json(NemoCall.get(config.resolve("/api/credits/balance/simple"))));
        return new Credits(true, number(data, "available"), number(data, "frozen"), number(data, "total"),
                tokens.anonymous() ? "Free anonymous account" : "");
    }

    private static long number(JsonObject o, String key) {
        try {
            return o.has(key) ? Math.round(o.get(key).getAsDouble()) : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    @Override
    public ExportResult export(ExportRequest request, Consumer<ExportProgress> progress, CancelToken cancel)
            throws BackendException {
        return sessions.run(s -> {
            Draft draft = fetchState(s).draft();
            if (!draft.isExportable()) {
                throw new BackendException(Kind.BAD_INPUT, "Nothing to export yet: the timeline is empty. Upload a "
                        + "video and ask for music first.");
            }
            return exporter.export(s.sessionId, draft, request.target(), progress, cancel);
        });
    }

    /** Finishes the renders an earlier run started but did not download. */
    @Override
    public List<ExportResult> resumePendingExports(Consumer<ExportProgress> progress, CancelToken cancel)
            throws BackendException {
        return resumeExports(progress, cancel);
    }

    public List<ExportResult> resumeExports(Consumer<ExportProgress> progress, CancelToken cancel) throws BackendException {
        return exporter.resumeAll(progress, cancel);
    }

    /** The renders still waiting to be downloaded, as "render id → target". */
    public List<String> pendingExports() {
        List<String> out = new ArrayList<>();
        exporter.pending().forEach(j -> out.add(j.renderId() + " → " + j.target()));
        return out;
    }

    /** Stops work in progress without cancelling renders on the service: they resume on the next start. */
    @Override
    public void close() {
        exporter.close();
    }
}

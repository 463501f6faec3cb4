package dev.backbeat.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.backbeat.service.BackendException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The protocol's routes. Every call but the anonymous token needs a token this server issued;
 * each token has its allowance of calls; addresses are checked for anything that could climb out
 * of the data folder before a route is picked.
 */
final class NemoApi implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(NemoApi.class.getName());
    static final long CREDITS = 1_000_000;

    private final Path dataDir;
    private final TokenRegistry tokens;
    private final SessionRegistry sessions;
    private final RateLimiter perToken;
    private final RateLimiter tokenAsks;
    private final Uploads uploads;
    private final ChatStream chat;
    private final Renders renders;

    NemoApi(Path dataDir, TokenRegistry tokens, SessionRegistry sessions, RateLimiter perToken, RateLimiter tokenAsks,
            Uploads uploads, ChatStream chat, Renders renders) {
        this.dataDir = dataDir;
        this.tokens = tokens;
        this.sessions = sessions;
        this.perToken = perToken;
        this.tokenAsks = tokenAsks;
        this.uploads = uploads;
        this.chat = chat;
        this.renders = renders;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        long started = System.nanoTime();
        int[] status = {200};
        try {
            route(ex);
        } catch (ApiError e) {
            status[0] = e.httpStatus();
            Exchanges.drain(ex);
            Exchanges.error(ex, e);
        } catch (BackendException e) {
            ApiError mapped = e.kind() == BackendException.Kind.BAD_INPUT || e.kind() == BackendException.Kind.UNSUPPORTED
                    ? new ApiError(422, 4000, e.userMessage()) : new ApiError(500, 5000, e.userMessage());
            status[0] = mapped.httpStatus();
            Exchanges.drain(ex);
            Exchanges.error(ex, mapped);
        } catch (IOException e) {
            status[0] = -1;
            LOG.log(System.Logger.Level.DEBUG, "connection ended: " + e.getMessage());
        } catch (RuntimeException e) {
            status[0] = 500;
            LOG.log(System.Logger.Level.ERROR, "failed on " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath(), e);
            try {
                Exchanges.error(ex, new ApiError(500, 5000, "The server failed on this request: " + e.getMessage()));
            } catch (IOException | RuntimeException ignored) {
                // the reply had begun: the connection closes
            }
        } finally {
            ex.close();
            // the path holds no secret (tokens travel in a header only); never log the headers
            LOG.log(System.Logger.Level.DEBUG, () -> ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath()
                    + " -> " + (status[0] < 0 ? "cut" : ex.getResponseCode()) + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }

    private void route(HttpExchange ex) throws ApiError, BackendException, IOException {
        List<String> p = SafePaths.segments(ex.getRequestURI().getRawPath());
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = String.join("/", p);
        if (path.equals("api/auth/anonymous-token")) {
            need(method, "POST");
            anonymousToken(ex);
            return;
        }
        TokenRegistry.Caller caller = tokens.check(ex.getRequestHeaders().getFirst("Authorization"))
                .orElseThrow(ApiError::badToken);
        if (!perToken.allow(caller.tokenKey())) {
            throw new ApiError(429, 429, "Too many requests with this token. Wait " + perToken.waitSeconds(caller.tokenKey())
                    + " s, then try again.");
        }
        if (path.equals("api/tasks/me/with-session/nemo_agent")) {
            need(method, "POST");
            JsonObject body = Exchanges.json(ex);
            String language = Exchanges.text(body, "language");
            ServedSession s = sessions.create(caller.userId(), language.isBlank() ? "en" : language);
            JsonObject data = new JsonObject();
            data.addProperty("task_id", s.snapshot().taskId);
            data.addProperty("session_id", s.id());
            data.addProperty("user_id", caller.userId());
            Exchanges.ok(ex, data);
        } else if (path.equals("run_sse")) {
            need(method, "POST");
            JsonObject body = Exchanges.json(ex);
            ServedSession s = sessions.get(Exchanges.text(body, "session_id"), caller.userId());
            String message = messageText(body);
            chat.serve(ex, s, message);
        } else if (p.size() == 5 && path.startsWith("api/upload-video/nemo_agent/")) {
            need(method, "POST");
            ServedSession s = sessions.get(p.get(4), caller.userId());
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            boolean json = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
            Exchanges.ok(ex, json
                    ? uploads.urls(Exchanges.json(ex), s, ex.getRemoteAddress().getAddress().isLoopbackAddress(), Exchanges.base(ex))
                    : uploads.multipart(ex, s, Exchanges.base(ex)));
        } else if (path.equals("api/credits/balance/simple")) {
            need(method, "GET");
            JsonObject data = new JsonObject();
            data.addProperty("available", CREDITS);
            data.addProperty("frozen", 0);
            data.addProperty("total", CREDITS);
            Exchanges.ok(ex, data);
        } else if (p.size() == 6 && path.startsWith("api/state/nemo_agent/") && p.get(5).equals("latest")) {
            need(method, "GET");
            Exchanges.ok(ex, StateReply.of(sessions.get(p.get(4), caller.userId()), Exchanges.base(ex)));
        } else if (path.equals("api/render/proxy/lambda")) {
            need(method, "POST");
            JsonObject body = Exchanges.json(ex);
            String sid = Exchanges.text(body, "sessionId");
            ServedSession s = sessions.get(sid.isBlank() ? Exchanges.text(body, "session_id") : sid, caller.userId());
            SessionRecord.Render job = renders.start(s, Exchanges.text(body, "id"));
            Exchanges.success(ex, Renders.status(job, Exchanges.base(ex)), null);
        } else if (p.size() == 5 && path.startsWith("api/render/proxy/lambda/")) {
            need(method, "GET");
            SessionRecord.Render job = ownRender(caller, p.get(4));
            JsonObject data = Renders.status(job, Exchanges.base(ex));
            JsonObject top = new JsonObject();
            top.addProperty("status", job.status);
            if (data.has("output")) {
                top.add("output", data.get("output"));
            }
            Exchanges.success(ex, data, top);
        } else if (p.size() == 6 && path.startsWith("api/render/proxy/lambda/") && p.get(5).equals("cancel")) {
            need(method, "POST");
            String id = SafePaths.id(p.get(4), "render id");
            ServedSession s = holder(caller, id);
            renders.cancel(s, id);
            Exchanges.success(ex, Renders.status(s.render(id).orElseThrow(), Exchanges.base(ex)), null);
        } else if (p.size() == 5 && path.startsWith("api/render/proxy/") && p.get(4).equals("download")) {
            need(method, "GET");
            String id = SafePaths.id(p.get(3), "render id");
            ServedSession s = holder(caller, id);
            SessionRecord.Render job = s.render(id).orElseThrow();
            if (!"completed".equals(job.status) || job.file == null) {
                throw ApiError.notFound("The render " + id + " has no file (it is " + job.status + ").");
            }
            sendFile(ex, s.dir().resolve("renders").resolve(job.file), "video/mp4", id + ".mp4");
        } else if (p.size() == 4 && path.startsWith("api/media/")) {
            need(method, "GET");
            ServedSession s = sessions.get(p.get(2), caller.userId());
            SessionRecord.Upload u = s.upload(SafePaths.id(p.get(3), "file id"));
            if (u == null) {
                throw ApiError.notFound("No such file in this session.");
            }
            sendFile(ex, s.dir().resolve("uploads").resolve(u.stored), "application/octet-stream", u.filename);
        } else {
            throw ApiError.notFound("No such address: " + ex.getRequestMethod() + " /" + path + ".");
        }
    }

    private void anonymousToken(HttpExchange ex) throws ApiError, IOException {
        String clientId = ex.getRequestHeaders().getFirst("X-Client-Id");
        if (clientId == null || clientId.isBlank() || clientId.length() > 200) {
            throw new ApiError(400, 400, "Send a client id: header X-Client-Id with a UUID that stays the same for this install.");
        }
        String address = ex.getRemoteAddress().getAddress().getHostAddress();
        if (!tokenAsks.allow(address)) {
            throw new ApiError(429, 429, "Too many new tokens asked from this address. Keep the token you have "
                    + "(it lasts 7 days), or wait " + tokenAsks.waitSeconds(address) + " s.");
        }
        Exchanges.json(ex);
        TokenRegistry.Issued t = tokens.issue(clientId.trim());
        JsonObject data = new JsonObject();
        data.addProperty("token", t.token());
        data.addProperty("user_id", t.userId());
        data.addProperty("expires_at", t.expiresAt().toString());
        data.addProperty("credits", CREDITS);
        Exchanges.ok(ex, data);
    }

    /** The render, when it is in one of the caller's sessions; to anyone else it does not exist. */
    private SessionRecord.Render ownRender(TokenRegistry.Caller caller, String id) throws ApiError {
        SafePaths.id(id, "render id");
        return holder(caller, id).render(id).orElseThrow(() -> ApiError.notFound("No render " + id + " here."));
    }

    private ServedSession holder(TokenRegistry.Caller caller, String id) throws ApiError {
        ServedSession s = sessions.holderOf(id).orElseThrow(() -> ApiError.notFound("No render " + id + " here."));
        if (!s.userId().equals(caller.userId())) {
            throw ApiError.notFound("No render " + id + " here.");
        }
        return s;
    }

    private static String messageText(JsonObject body) throws ApiError {
        JsonElement m = body.get("new_message");
        StringBuilder text = new StringBuilder();
        if (m != null && m.isJsonObject() && m.getAsJsonObject().get("parts") != null
                && m.getAsJsonObject().get("parts").isJsonArray()) {
            for (JsonElement part : m.getAsJsonObject().getAsJsonArray("parts")) {
                if (part.isJsonObject()) {
                    text.append(Exchanges.text(part.getAsJsonObject(), "text"));
                }
            }
        }
        if (text.toString().isBlank()) {
            throw ApiError.badRequest("Say something: {\"new_message\":{\"parts\":[{\"text\":\"upbeat pop\"}]}}.");
        }
        return text.toString();
    }

    private void sendFile(HttpExchange ex, Path file, String type, String name) throws ApiError, IOException {
        Path real = SafePaths.servable(dataDir, file);
        long size = Files.size(real);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + SafePaths.storedName(name) + "\"");
        ex.sendResponseHeaders(200, size);
        try (InputStream in = Files.newInputStream(real, java.nio.file.LinkOption.NOFOLLOW_LINKS);
             OutputStream out = ex.getResponseBody()) {
            in.transferTo(out);
        }
    }

    private static void need(String method, String wanted) throws ApiError {
        if (!method.equals(wanted)) {
            throw new ApiError(405, 405, "Use " + wanted + " for this address.");
        }
    }
}

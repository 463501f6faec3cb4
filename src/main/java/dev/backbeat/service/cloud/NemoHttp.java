package dev.backbeat.service.cloud;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.backbeat.service.AppInfo;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.BackendException.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The transport of the protocol: headers on every call, a timeout on every call, the reply
 * envelope, and the retries the error table asks for (1001, HTTP 400, 429, each once).
 */
final class NemoHttp {
    private static final Logger LOG = Logger.getLogger(NemoHttp.class.getName());
    private static final int MAX_JSON_BYTES = 32 * 1024 * 1024;

    private final CloudConfig config;
    private final HttpClient client;
    private final TokenProvider tokens;

    NemoHttp(CloudConfig config, HttpClient client, TokenProvider tokens) {
        this.config = config;
        this.client = client;
        this.tokens = tokens;
    }

    /** Sends a call whose reply is a JSON envelope; returns the whole reply object once it says success. */
    JsonObject json(NemoCall call) throws BackendException {
        return withRetries(call, () -> {
            HttpResponse<byte[]> r = await(call, HttpResponse.BodyHandlers.ofByteArray(),
                    call.timeout() != null ? call.timeout() : config.callTimeout());
            byte[] body = r.body();
            if (body.length > MAX_JSON_BYTES) {
                throw NemoErrors.unreadable(r.statusCode(), false);
            }
            return check(call, r.statusCode(), contentType(r), new String(body, StandardCharsets.UTF_8));
        });
    }

    /**
     * Opens a streamed reply (SSE, a download). The timeout covers the wait for the headers; the
     * caller guards the body. An error reply is read and mapped like any other.
     */
    HttpResponse<InputStream> stream(NemoCall call) throws BackendException {
        return withRetries(call, () -> {
            HttpResponse<InputStream> r = await(call, HttpResponse.BodyHandlers.ofInputStream(), config.callTimeout());
            String type = contentType(r);
            boolean ok = r.statusCode() / 100 == 2;
            if (ok && !type.contains("json") && !type.contains("html")) {
                return r;
            }
            String text;
            try (InputStream in = r.body()) {
                text = new String(in.readNBytes(MAX_JSON_BYTES), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw fault("The connection to the NemoVideo service was cut. Try again.", e);
            }
            check(call, r.statusCode(), type, text);
            throw NemoErrors.unreadable(r.statusCode(), false);
        });
    }

    /** The {@code data} object of an envelope (an empty object when there is none). */
    static JsonObject data(JsonObject root) {
        JsonElement d = root.get("data");
        return d != null && d.isJsonObject() ? d.getAsJsonObject() : new JsonObject();
    }

    private interface Attempt<T> {
        T run() throws BackendException;
    }

    private <T> T withRetries(NemoCall call, Attempt<T> attempt) throws BackendException {
        boolean renewedToken = false;
        boolean renewedClient = false;
        boolean waited = false;
        boolean repeated = false;
        while (true) {
            call.cancel().throwIfCancelled();
            try {
                return attempt.run();
            } catch (Refusal r) {
                switch (r.reason) {
                    case TOKEN -> {
                        if (renewedToken || !call.authenticated() || !tokens.anonymous()) {
                            throw r.error;
                        }
                        renewedToken = true;
                        LOG.fine("token refused (1001): fetching a new anonymous token and retrying once");
                        tokens.renew();
                    }
                    case CLIENT_ID -> {
                        if (renewedClient) {
                            throw r.error;
                        }
                        renewedClient = true;
                        LOG.fine("HTTP 400 (client id): making a new client id and retrying once");
                        tokens.renewClientId();
                    }
                    case RATE -> {
                        if (waited) {
                            throw r.error;
                        }
                        waited = true;
                        LOG.fine("HTTP 429: waiting " + CloudConfig.spoken(config.rateLimitWait()) + " then retrying once");
                        Pause.sleep(config.rateLimitWait(), call.cancel());
                    }
                    case FAULT -> {
                        if (repeated || !call.idempotent()) {
                            throw r.error;
                        }
                        repeated = true;
                        LOG.fine("fault on " + call.method() + " " + call.uri().getPath() + ": retrying once");
                        Pause.sleep(config.retryDelay(), call.cancel());
                    }
                }
            }
        }
    }

    /** A refusal the error table allows one more try for; {@code error} is what the user gets if none is left. */
    private static final class Refusal extends BackendException {
        enum Reason { TOKEN, CLIENT_ID, RATE, FAULT }

        final Reason reason;
        final BackendException error;

        Refusal(Reason reason, BackendException error) {
            super(error.kind(), error.getMessage());
            this.reason = reason;
            this.error = error;
        }
    }

    private static Refusal refusal(Refusal.Reason reason, BackendException error) {
        return new Refusal(reason, error);
    }

    private <T> HttpResponse<T> await(NemoCall call, BodyHandler<T> handler, Duration timeout) throws BackendException {
        HttpRequest request = build(call, timeout);
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<T>> future = client.sendAsync(request, handler);
        call.cancel().onCancel(() -> future.cancel(true));
        try {
            HttpResponse<T> r = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.fine(() -> call.method() + " " + call.uri().getPath() + " -> " + r.statusCode() + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            return r;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw fault("The NemoVideo service did not answer within " + CloudConfig.spoken(timeout)
                    + ". Check your connection and try again.", e);
        } catch (CancellationException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw BackendException.cancelled();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (call.cancel().isCancelled()) {
                throw BackendException.cancelled();
            }
            if (cause instanceof java.net.http.HttpTimeoutException && !(cause instanceof java.net.http.HttpConnectTimeoutException)) {
                throw fault("The NemoVideo service did not answer within " + CloudConfig.spoken(timeout)
                        + ". Check your connection and try again.", cause);
            }
            if (cause instanceof ConnectException || cause instanceof java.net.http.HttpConnectTimeoutException) {
                throw fault("Could not reach the NemoVideo service at " + config.apiBase().getHost()
                        + ". Check your internet connection (or the API address), then try again.", cause);
            }
            throw fault("The connection to the NemoVideo service was cut. Try again.", cause);
        }
    }

    private static Refusal fault(String message, Throwable cause) {
        LOG.fine(() -> "network fault: " + cause);
        return refusal(Refusal.Reason.FAULT, new BackendException(Kind.NETWORK, message, cause));
    }

    private HttpRequest build(NemoCall call, Duration timeout) throws BackendException {
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri())
                .timeout(timeout)
                .method(call.method(), call.body().get())
                .header("X-Skill-Source", CloudConfig.SKILL_SOURCE)
                .header("X-Skill-Version", AppInfo.version())
                .header("X-Skill-Platform", CloudConfig.PLATFORM)
                .header("X-Client-Id", tokens.clientId());
        if (call.accept() != null) {
            b.header("Accept", call.accept());
        }
        if (call.contentType() != null) {
            b.header("Content-Type", call.contentType());
        }
        if (call.authenticated()) {
            b.header("Authorization", "Bearer " + tokens.token());
        }
        return b.build();
    }

    private JsonObject check(NemoCall call, int status, String type, String body) throws BackendException {
        String trimmed = body.strip();
        boolean html = type.contains("html") || trimmed.startsWith("<");
        JsonObject root = null;
        if (!html && !trimmed.isEmpty()) {
            try {
                JsonElement e = JsonParser.parseString(trimmed);
                root = e.isJsonObject() ? e.getAsJsonObject() : null;
            } catch (JsonParseException ignored) {
                // falls through to the status, or to "cannot read"
            }
        }
        int code = root != null && root.has("code") && root.get("code").isJsonPrimitive()
                ? safeInt(root.get("code")) : 0;
        String message = root == null ? "" : text(root, "message", "msg", "error");
        if (code == 1001 || status == 401) {
            throw refusal(Refusal.Reason.TOKEN, NemoErrors.forCode(1001, status, message, tokens, config));
        }
        if (code == 1002 || code == 2001 || code == 4001 || code == 4002) {
            throw NemoErrors.forCode(code, status, message, tokens, config);
        }
        if (status == 400) {
            throw refusal(Refusal.Reason.CLIENT_ID, NemoErrors.forStatus(400, message));
        }
        if (status == 429) {
            throw refusal(Refusal.Reason.RATE, NemoErrors.forStatus(429, message));
        }
        if (status >= 500) {
            throw refusal(Refusal.Reason.FAULT, NemoErrors.forStatus(status, message));
        }
        if (status / 100 != 2) {
            throw NemoErrors.forStatus(status, message);
        }
        if (root == null) {
            throw refusal(Refusal.Reason.FAULT, NemoErrors.unreadable(status, html));
        }
        if (code != 0) {
            throw NemoErrors.forCode(code, status, message, tokens, config);
        }
        if (root.has("success") && root.get("success").isJsonPrimitive() && !root.get("success").getAsBoolean()) {
            throw new NemoApiException(Kind.SERVER, "The service could not do that"
                    + (message.isBlank() ? "." : ": " + message + "."), 0, status, message);
        }
        return root;
    }

    private static int safeInt(JsonElement e) {
        try {
            return e.getAsInt();
        } catch (RuntimeException ex) {
            return -1;
        }
    }

    static String text(JsonObject o, String... keys) {
        for (String k : keys) {
            JsonElement e = o.get(k);
            if (e != null && e.isJsonPrimitive()) {
                return e.getAsString();
            }
            if (e != null && e.isJsonObject() && e.getAsJsonObject().has("message")) {
                return text(e.getAsJsonObject(), "message");
            }
        }
        return "";
    }

    private static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    }
}

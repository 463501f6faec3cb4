package dev.backbeat.service.cloud;

import com.google.gson.JsonObject;
import dev.backbeat.service.CancelToken;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One request to the service. The body is a supplier so a refused call can be sent again with a
 * fresh body (a file upload re-opens its files). {@code idempotent} calls may be repeated once
 * after a network fault or a 5xx; others never are, because the service may have acted already.
 */
record NemoCall(String method, URI uri, Supplier<BodyPublisher> body, String contentType, String accept,
                boolean authenticated, boolean idempotent, CancelToken cancel, Duration timeout) {

    static NemoCall get(URI uri) {
        return new NemoCall("GET", uri, BodyPublishers::noBody, null, "application/json", true, true, CancelToken.none(), null);
    }

    static NemoCall postJson(URI uri, JsonObject json) {
        String text = json.toString();
        return new NemoCall("POST", uri, () -> BodyPublishers.ofString(text), "application/json",
                "application/json", true, false, CancelToken.none(), null);
    }

    NemoCall withoutAuth() {
        return new NemoCall(method, uri, body, contentType, accept, false, idempotent, cancel, timeout);
    }

    NemoCall withAccept(String value) {
        return new NemoCall(method, uri, body, contentType, value, authenticated, idempotent, cancel, timeout);
    }

    NemoCall withBody(Supplier<BodyPublisher> value, String type) {
        return new NemoCall(method, uri, value, type, accept, authenticated, idempotent, cancel, timeout);
    }

    NemoCall withCancel(CancelToken value) {
        return new NemoCall(method, uri, body, contentType, accept, authenticated, idempotent, value, timeout);
    }

    /** A longer wait than the usual call timeout, for a call that carries a big body. */
    NemoCall withTimeout(Duration value) {
        return new NemoCall(method, uri, body, contentType, accept, authenticated, idempotent, cancel, value);
    }
}

package dev.backbeat.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Reading requests and writing the protocol's envelopes on an {@link HttpExchange}. */
final class Exchanges {
    private static final int MAX_JSON = 8 * 1024 * 1024;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:[0-9]{1,5})?");

    private Exchanges() {
    }

    /** The JSON object of the request body; an empty body reads as {}. */
    static JsonObject json(HttpExchange ex) throws ApiError, IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_JSON + 1);
        }
        if (body.length > MAX_JSON) {
            throw ApiError.badRequest("The request body is too large (8 MB at most for JSON).");
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return new JsonObject();
        }
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw ApiError.badRequest("The request body must be a JSON object.");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw ApiError.badRequest("The request body is not valid JSON.");
        }
    }

    /**
     * Reads and drops what is left of a refused request's body (up to 1 GB), so a client still
     * sending an upload gets the refusal instead of a broken connection.
     */
    static void drain(HttpExchange ex) {
        try {
            InputStream in = ex.getRequestBody();
            byte[] b = new byte[64 * 1024];
            long left = 1L << 30;
            int n;
            while (left > 0 && (n = in.read(b)) > 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException ignored) {
            // the caller went away: nobody waits for the answer
        }
    }

    static String text(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }

    /** {@code {"code":0,"data":…}}. */
    static void ok(HttpExchange ex, JsonElement data) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("code", 0);
        root.addProperty("message", "success");
        root.add("data", data);
        send(ex, 200, root);
    }

    /** {@code {"success":true,"data":…}}, the render family's envelope. */
    static void success(HttpExchange ex, JsonObject data, JsonObject topLevel) throws IOException {
        JsonObject root = topLevel == null ? new JsonObject() : topLevel;
        root.addProperty("success", true);
        root.add("data", data);
        send(ex, 200, root);
    }

    static void error(HttpExchange ex, ApiError e) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("code", e.code());
        root.addProperty("success", false);
        root.addProperty("message", e.getMessage());
        if (e.httpStatus() == 429) {
            ex.getResponseHeaders().set("Retry-After", "1");
        }
        send(ex, e.httpStatus(), root);
    }

    static void send(HttpExchange ex, int status, JsonElement body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The address the caller reached us by, for links in replies (download, media): from its Host
     * header when that is a plain host name, else the address the server listens on.
     */
    static String base(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null || !HOST.matcher(host).matches()) {
            java.net.InetSocketAddress local = ex.getLocalAddress();
            String h = local.getAddress().getHostAddress();
            host = (h.contains(":") ? "[" + h + "]" : h) + ":" + local.getPort();
        }
        return "http://" + host;
    }
}

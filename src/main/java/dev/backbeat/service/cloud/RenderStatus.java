package dev.backbeat.service.cloud;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.Locale;

/**
 * One poll's answer, read from either documented shape: {@code data.status}/{@code data.outputUrl}
 * or a top-level {@code status} with {@code output.url}.
 */
record RenderStatus(State state, double progress, String outputUrl, String error) {

    enum State { PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED, UNKNOWN }

    static RenderStatus from(JsonObject root) {
        JsonObject data = root.get("data") instanceof JsonObject d ? d : new JsonObject();
        String status = firstString(data, root, "status");
        String url = firstString(data, root, "outputUrl", "output_url", "url", "downloadUrl");
        if (url.isEmpty()) {
            JsonObject output = data.get("output") instanceof JsonObject o ? o
                    : root.get("output") instanceof JsonObject o2 ? o2 : null;
            url = output == null ? "" : firstString(output, output, "url", "outputUrl");
        }
        double progress = -1;
        JsonElement p = data.has("progress") ? data.get("progress") : root.get("progress");
        if (p != null && p.isJsonPrimitive() && p.getAsJsonPrimitive().isNumber()) {
            double v = p.getAsDouble();
            progress = Math.max(0, Math.min(1, v > 1 ? v / 100.0 : v));
        }
        String error = firstString(data, root, "error", "errorMessage", "message");
        return new RenderStatus(state(status), progress, url, error);
    }

    private static State state(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "pending", "queued", "waiting" -> State.PENDING;
            case "processing", "running", "rendering", "in_progress" -> State.PROCESSING;
            case "completed", "complete", "done", "succeeded", "success" -> State.COMPLETED;
            case "failed", "error" -> State.FAILED;
            case "cancelled", "canceled" -> State.CANCELLED;
            default -> State.UNKNOWN;
        };
    }

    private static String firstString(JsonObject first, JsonObject second, String... keys) {
        for (JsonObject o : new JsonObject[] {first, second}) {
            for (String k : keys) {
                JsonElement e = o.get(k);
                if (e != null && e.isJsonPrimitive() && !e.getAsString().isBlank()) {
                    return e.getAsString();
                }
            }
        }
        return "";
    }
}

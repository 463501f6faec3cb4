package dev.backbeat.service.cloud;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the data of one SSE event in either shape the service may use: the documented
 * {@code {"type":"text","content":…}} family, or a Google ADK {@code Event} whose
 * {@code content.parts[]} hold text, function calls and function responses.
 */
final class AgentPayloadDecoder {
    private AgentPayloadDecoder() {
    }

    static List<AgentItem> decode(String data) {
        String trimmed = data.strip();
        if (trimmed.isEmpty()) {
            return List.of(new AgentItem.Heartbeat());
        }
        if (trimmed.equals("[DONE]")) {
            return List.of();
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(trimmed);
        } catch (JsonParseException e) {
            // a server that streams bare words: they are still words for the user
            return List.of(new AgentItem.Text(data, false));
        }
        if (!parsed.isJsonObject()) {
            return parsed.isJsonPrimitive() ? List.of(new AgentItem.Text(parsed.getAsString(), false)) : List.of();
        }
        JsonObject o = parsed.getAsJsonObject();
        if (o.has("type") && o.get("type").isJsonPrimitive()) {
            return documented(o);
        }
        return adk(o);
    }

    private static List<AgentItem> documented(JsonObject o) {
        String type = o.get("type").getAsString();
        return switch (type) {
            case "text" -> {
                String content = string(o, "content");
                yield content.isEmpty() ? List.of() : List.of(new AgentItem.Text(content, bool(o, "partial")));
            }
            case "tool_call" -> List.of(new AgentItem.ToolCall(string(o, "name")));
            case "tool_result" -> List.of(new AgentItem.ToolResult(string(o, "name")));
            case "heartbeat", "ping" -> List.of(new AgentItem.Heartbeat());
            case "error" -> List.of(new AgentItem.Error(firstNonEmpty(string(o, "content"), string(o, "message"))));
            default -> List.of();
        };
    }

    private static List<AgentItem> adk(JsonObject o) {
        List<AgentItem> items = new ArrayList<>();
        String error = firstNonEmpty(string(o, "error_message"), string(o, "errorMessage"));
        if (!error.isEmpty()) {
            items.add(new AgentItem.Error(error));
        }
        boolean partial = bool(o, "partial");
        JsonElement content = o.get("content");
        if (content != null && content.isJsonObject() && content.getAsJsonObject().get("parts") instanceof JsonArray parts) {
            for (JsonElement p : parts) {
                if (!p.isJsonObject()) {
                    continue;
                }
                JsonObject part = p.getAsJsonObject();
                if (bool(part, "thought")) {
                    continue;
                }
                if (part.has("text")) {
                    String text = string(part, "text");
                    if (!text.isEmpty()) {
                        items.add(new AgentItem.Text(text, partial));
                    }
                } else if (part.get("functionCall") instanceof JsonObject call) {
                    items.add(new AgentItem.ToolCall(string(call, "name")));
                } else if (part.get("function_call") instanceof JsonObject call) {
                    items.add(new AgentItem.ToolCall(string(call, "name")));
                } else if (part.get("functionResponse") instanceof JsonObject resp) {
                    items.add(new AgentItem.ToolResult(string(resp, "name")));
                } else if (part.get("function_response") instanceof JsonObject resp) {
                    items.add(new AgentItem.ToolResult(string(resp, "name")));
                }
            }
        }
        return items;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }

    private static boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}

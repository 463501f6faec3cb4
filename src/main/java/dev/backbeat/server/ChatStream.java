package dev.backbeat.server;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import dev.backbeat.draft.DraftCodec;
import dev.backbeat.service.ChatEvent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code /run_sse}: the local chat's answer as a {@code text/event-stream} in the documented
 * shapes ({@code text}, {@code tool_call}, {@code tool_result}, {@code error}), with a
 * {@code heartbeat} whenever the engine has been quiet for a while. The stream closing ends the
 * turn. A caller that goes away does not undo the turn: the message was taken once and is done.
 */
final class ChatStream {
    private static final Object END = new Object();

    private final ExecutorService work;
    private final Duration heartbeatEvery;

    ChatStream(ExecutorService work, Duration heartbeatEvery) {
        this.work = work;
        this.heartbeatEvery = heartbeatEvery;
    }

    void serve(HttpExchange ex, ServedSession session, String message) throws IOException {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        work.submit(() -> {
            try {
                session.chat(message, events::add);
            } finally {
                events.add(END);
            }
        });
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            while (true) {
                Object item;
                try {
                    item = events.poll(heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (item == END) {
                    return;
                }
                JsonObject payload = item == null ? heartbeat() : payload((ChatEvent) item);
                if (payload != null) {
                    out.write(("data: " + payload + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        }
    }

    private static JsonObject heartbeat() {
        JsonObject o = new JsonObject();
        o.addProperty("type", "heartbeat");
        return o;
    }

    /** The event as the protocol's payload, or null for what the stream does not carry (the end). */
    static JsonObject payload(ChatEvent e) {
        JsonObject o = new JsonObject();
        if (e instanceof ChatEvent.Text t) {
            o.addProperty("type", "text");
            o.addProperty("content", t.chunk());
        } else if (e instanceof ChatEvent.Progress p) {
            o.addProperty("type", "tool_call");
            o.addProperty("name", "edit_multitrack");
            JsonObject args = new JsonObject();
            args.addProperty("note", p.note());
            if (p.fraction() >= 0) {
                args.addProperty("progress", Math.round(p.fraction() * 100));
            }
            o.add("args", args);
        } else if (e instanceof ChatEvent.TimelineChanged c) {
            o.addProperty("type", "tool_result");
            o.addProperty("name", "edit_multitrack");
            JsonObject result = new JsonObject();
            result.add("draft", DraftCodec.encode(c.draft()));
            result.addProperty("summary", c.draft().summary());
            o.add("result", result);
        } else if (e instanceof ChatEvent.StillWorking) {
            return heartbeat();
        } else if (e instanceof ChatEvent.Failed f) {
            o.addProperty("type", "error");
            o.addProperty("content", f.error().userMessage());
        } else {
            return null;
        }
        return o;
    }
}

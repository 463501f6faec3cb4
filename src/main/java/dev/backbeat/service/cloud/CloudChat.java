package dev.backbeat.service.cloud;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.backbeat.draft.Draft;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.SessionState;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.function.Consumer;

/**
 * One chat turn: send once, stream the reply, and when the agent edited without a word (or
 * called tools), read the state and say what changed on the timeline.
 */
final class CloudChat {

    interface StateFetch {
        SessionState fetch(SessionStore.Session s) throws BackendException;
    }

    private final CloudConfig config;
    private final NemoHttp http;
    private final SessionKeeper sessions;
    private final StateFetch state;

    CloudChat(CloudConfig config, NemoHttp http, SessionKeeper sessions, StateFetch state) {
        this.config = config;
        this.http = http;
        this.sessions = sessions;
        this.state = state;
    }

    void send(String message, Consumer<ChatEvent> events, CancelToken cancel) {
        try {
            ChatEvent last = sessions.run(s -> turn(s, message, events, cancel));
            events.accept(last);
        } catch (BackendException e) {
            events.accept(new ChatEvent.Failed(e));
        }
    }

    private ChatEvent turn(SessionStore.Session s, String message, Consumer<ChatEvent> events, CancelToken cancel)
            throws BackendException {
        Draft before = draftOrNull(s);
        HttpResponse<InputStream> response = open(http, config, s.sessionId, message, cancel);
        ChatStreamReader.Outcome outcome = new ChatStreamReader(config.stillWorkingEvery(), config.chatTimeout())
                .read(response.body(), events, cancel);
        if (outcome.failure() != null) {
            return new ChatEvent.Failed(outcome.failure());
        }
        if (!outcome.sawText() || outcome.sawTool()) {
            Draft after = draftOrNull(s);
            String change = after == null ? null : before == null
                    ? "The timeline now reads: " + after.summary()
                    : DraftDiff.describe(before, after);
            if (change != null) {
                events.accept(new ChatEvent.TimelineChanged(after, change));
            } else if (!outcome.sawText()) {
                events.accept(new ChatEvent.Text(after == null
                        ? "The service finished without a reply. Type \"status\" to see the timeline."
                        : "The service finished without a reply, and the timeline is unchanged."));
            }
        }
        return new ChatEvent.Done();
    }

    private Draft draftOrNull(SessionStore.Session s) {
        try {
            return state.fetch(s).draft();
        } catch (BackendException e) {
            // the comparison is a courtesy: without a state the turn still stands
            return null;
        }
    }

    /** Sends the message once, asking for an event stream. */
    private static HttpResponse<InputStream> open(NemoHttp http, CloudConfig config, String sessionId, String message,
                                             CancelToken cancel) throws BackendException {
        JsonObject part = new JsonObject();
        part.addProperty("text", message);
        JsonArray parts = new JsonArray();
        parts.add(part);
        JsonObject newMessage = new JsonObject();
        newMessage.add("parts", parts);
        JsonObject body = new JsonObject();
        body.addProperty("app_name", "nemo_agent");
        body.addProperty("user_id", "me");
        body.addProperty("session_id", sessionId);
        body.add("new_message", newMessage);
        return http.stream(NemoCall.postJson(config.resolve("/run_sse"), body)
                .withAccept("text/event-stream").withCancel(cancel));
    }
}

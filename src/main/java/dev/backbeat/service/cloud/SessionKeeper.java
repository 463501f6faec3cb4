package dev.backbeat.service.cloud;

import com.google.gson.JsonObject;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.BackendException.Kind;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Holds the project's session: reuses the stored one, creates one (in the UI language) when there
 * is none, and replaces it when the service says it is gone (1002), telling the user so.
 */
final class SessionKeeper {
    private static final Logger LOG = Logger.getLogger(SessionKeeper.class.getName());

    /** A call made inside the session. */
    interface InSession<T> {
        T run(SessionStore.Session session) throws BackendException;
    }

    private final NemoHttp http;
    private final CloudConfig config;
    private final SessionStore store;
    private SessionStore.Session current;

    SessionKeeper(NemoHttp http, CloudConfig config, SessionStore store) {
        this.http = http;
        this.config = config;
        this.store = store;
    }

    synchronized SessionStore.Session session() throws BackendException {
        if (current == null) {
            current = store.load().orElse(null);
        }
        if (current == null) {
            current = create();
        }
        return current;
    }

    /** Runs a call in the session; when the session is gone, starts a new one and says so. */
    <T> T run(InSession<T> call) throws BackendException {
        SessionStore.Session s = session();
        try {
            return call.run(s);
        } catch (BackendException e) {
            if (e.kind() != Kind.SESSION_LOST) {
                throw e;
            }
            throw replaceLost(e);
        }
    }

    synchronized void save() throws BackendException {
        try {
            store.save(current);
        } catch (IOException e) {
            throw new BackendException(Kind.OUTPUT, "Cannot save the project's session in " + config.configDir()
                    + ": " + e.getMessage(), e);
        }
    }

    private synchronized BackendException replaceLost(BackendException cause) {
        LOG.fine("session " + (current == null ? "?" : current.sessionId) + " was not found (1002): starting a new one");
        current = null;
        try {
            store.clear();
            current = create();
        } catch (BackendException e) {
            return e;
        } catch (IOException e) {
            return new BackendException(Kind.OUTPUT, "Cannot update the session file in " + config.configDir(), e);
        }
        return new BackendException(Kind.SESSION_LOST, "The service had forgotten this project, so a new one was "
                + "started. Upload your files again, then repeat your request.", cause);
    }

    private SessionStore.Session create() throws BackendException {
        JsonObject body = new JsonObject();
        body.addProperty("task_name", "project");
        body.addProperty("language", config.language());
        JsonObject data = NemoHttp.data(http.json(NemoCall.postJson(
                config.resolve("/api/tasks/me/with-session/nemo_agent"), body)));
        String sid = NemoHttp.text(data, "session_id");
        if (sid.isBlank()) {
            throw new BackendException(Kind.SERVER, "The service did not open a project session. Try again in a few minutes.");
        }
        SessionStore.Session s = new SessionStore.Session(sid, NemoHttp.text(data, "task_id"),
                NemoHttp.text(data, "user_id"), config.language());
        current = s;
        save();
        LOG.fine("started session " + sid);
        return s;
    }
}

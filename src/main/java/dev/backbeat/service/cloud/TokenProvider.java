package dev.backbeat.service.cloud;

import com.google.gson.JsonObject;
import dev.backbeat.service.BackendException;

import java.io.IOException;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Which token every call carries: {@code NEMO_TOKEN} when the user set one, else an anonymous
 * token bound to this install's client id, cached until it expires.
 */
final class TokenProvider {
    private static final Logger LOG = Logger.getLogger(TokenProvider.class.getName());

    /** Asks the service for an anonymous token for a client id; returns the reply's {@code data}. */
    @FunctionalInterface
    interface AnonymousLogin {
        JsonObject requestToken(String clientId) throws BackendException;
    }

    private final CloudConfig config;
    private final ClientIdentity identity;
    private final TokenStore store;
    private final Clock clock;
    private AnonymousLogin login;
    private String current;

    TokenProvider(CloudConfig config, ClientIdentity identity, TokenStore store, Clock clock) {
        this.config = config;
        this.identity = identity;
        this.store = store;
        this.clock = clock;
    }

    void setLogin(AnonymousLogin login) {
        this.login = login;
    }

    boolean anonymous() {
        return config.envToken().isEmpty();
    }

    String clientId() {
        return identity.id();
    }

    synchronized String token() throws BackendException {
        if (config.envToken().isPresent()) {
            return config.envToken().get();
        }
        if (current == null) {
            current = store.valid(identity.id()).map(TokenStore.Stored::token).orElse(null);
            if (current != null) {
                LOG.fine(() -> "reusing cached anonymous token " + Secrets.mask(current));
            }
        }
        if (current == null) {
            renew();
        }
        return current;
    }

    /** Gets a new anonymous token (after 1001, or when the cached one ran out). */
    synchronized void renew() throws BackendException {
        if (!anonymous()) {
            throw new BackendException(BackendException.Kind.AUTH,
                    "The service refused the token in NEMO_TOKEN. Set a current token, or unset NEMO_TOKEN "
                            + "to use a free anonymous account.");
        }
        String clientId = identity.id();
        JsonObject data = login.requestToken(clientId);
        if (!data.has("token") || !data.get("token").isJsonPrimitive() || data.get("token").getAsString().isBlank()) {
            throw new BackendException(BackendException.Kind.SERVER,
                    "The service did not hand out a sign-in token. Try again in a few minutes.");
        }
        String token = data.get("token").getAsString();
        String userId = data.has("user_id") ? data.get("user_id").getAsString() : "";
        String expires = data.has("expires_at") && data.get("expires_at").isJsonPrimitive()
                ? data.get("expires_at").getAsString() : null;
        try {
            store.save(new TokenStore.Stored(token, userId, TokenStore.parseExpiry(expires, clock), clientId));
        } catch (IOException e) {
            LOG.warning("could not cache the anonymous token: " + e.getMessage());
        }
        current = token;
        LOG.fine(() -> "signed in anonymously as " + userId + " with token " + Secrets.mask(token));
    }

    /** After HTTP 400 (missing or bad X-Client-Id): a new id, and the old id's token is dropped. */
    synchronized void renewClientId() {
        identity.renew();
        if (anonymous()) {
            current = null;
        }
    }
}

package dev.backbeat.service.cloud;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The cached anonymous token and its expiry, in an owner-only file of the config folder. The
 * service hands out few anonymous tokens per IP and hour, so one is reused until it expires.
 */
final class TokenStore {
    static final String FILE = "token.json";
    /** A token this close to its expiry is not worth starting a call with. */
    private static final Duration MARGIN = Duration.ofMinutes(5);

    record Stored(String token, String userId, Instant expiresAt, String clientId) {
    }

    private final Path file;
    private final Clock clock;

    TokenStore(Path configDir, Clock clock) {
        this.file = configDir.resolve(FILE);
        this.clock = clock;
    }

    /** The stored token if it was issued for this client id and is still good. */
    Optional<Stored> valid(String clientId) {
        try {
            String text = ConfigFiles.readOrNull(file);
            if (text == null) {
                return Optional.empty();
            }
            JsonObject o = JsonParser.parseString(text).getAsJsonObject();
            Stored s = new Stored(o.get("token").getAsString(), o.has("user_id") ? o.get("user_id").getAsString() : "",
                    Instant.parse(o.get("expires_at").getAsString()), o.get("client_id").getAsString());
            boolean fresh = clock.instant().plus(MARGIN).isBefore(s.expiresAt());
            return fresh && s.clientId().equals(clientId) && !s.token().isBlank() ? Optional.of(s) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // unreadable cache: behave as if there were none, a new token replaces it
            return Optional.empty();
        }
    }

    void save(Stored s) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("token", s.token());
        o.addProperty("user_id", s.userId());
        o.addProperty("expires_at", s.expiresAt().toString());
        o.addProperty("client_id", s.clientId());
        ConfigFiles.write(file, o + "\n");
    }

    void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    Path file() {
        return file;
    }

    static Instant parseExpiry(String text, Clock clock) {
        try {
            return text == null || text.isBlank() ? clock.instant().plus(Duration.ofDays(7)) : Instant.parse(text);
        } catch (RuntimeException e) {
            // anonymous tokens live 7 days; an expiry we cannot read falls back to that
            return clock.instant().plus(Duration.ofDays(7));
        }
    }

}

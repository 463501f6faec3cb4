package dev.backbeat.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The anonymous tokens this server handed out. A token is 32 random bytes; only its SHA-256 is
 * kept (in memory and in {@code tokens.json}), so the data folder holds no usable token. The user
 * id comes from the client id, so a client that renews its token keeps its sessions.
 */
final class TokenRegistry {
    static final String PREFIX = "nmv_usr_";

    /** One token as stored: whose it is and until when. */
    static final class Entry {
        String userId;
        String expiresAt;
    }

    private static final class Stored {
        Map<String, Entry> tokens = new HashMap<>();
    }

    /** A caller whose token was accepted. {@code tokenKey} is the token's hash (for rate limits, never the token). */
    record Caller(String userId, String tokenKey) {
    }

    /** A token just issued, with what the reply tells about it. */
    record Issued(String token, String userId, Instant expiresAt) {
    }

    private final Path file;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Stored stored;

    TokenRegistry(Path file, Duration lifetime, Clock clock) {
        this.file = file;
        this.lifetime = lifetime;
        this.clock = clock;
        this.stored = JsonFile.read(file, Stored.class).orElseGet(Stored::new);
        if (stored.tokens == null) {
            stored.tokens = new HashMap<>();
        }
    }

    synchronized Issued issue(String clientId) throws IOException {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Entry e = new Entry();
        e.userId = "anon_" + hash("client:" + clientId).substring(0, 20);
        Instant expires = clock.instant().plus(lifetime);
        e.expiresAt = expires.toString();
        Instant now = clock.instant();
        stored.tokens.values().removeIf(old -> expired(old, now));
        stored.tokens.put(hash(token), e);
        JsonFile.write(file, stored);
        return new Issued(token, e.userId, expires);
    }

    /** The caller behind an {@code Authorization} header, or empty for a missing, unknown or expired token. */
    synchronized Optional<Caller> check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).trim();
        if (!token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        String key = hash(token);
        Entry e = stored.tokens.get(key);
        if (e == null || expired(e, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Caller(e.userId, key));
    }

    private static boolean expired(Entry e, Instant now) {
        try {
            return !Instant.parse(e.expiresAt).isAfter(now);
        } catch (RuntimeException ex) {
            return true;
        }
    }

    static String hash(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

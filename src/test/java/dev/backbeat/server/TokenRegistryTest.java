package dev.backbeat.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenRegistryTest {

    /** A clock the test moves. */
    private static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void tokensAreRandomLastTheirLifetimeAndSurviveARestart(@TempDir Path dir) throws Exception {
        Hand clock = new Hand();
        Path file = dir.resolve("tokens.json");
        TokenRegistry tokens = new TokenRegistry(file, Duration.ofDays(7), clock);
        Set<String> seen = new HashSet<>();
        TokenRegistry.Issued first = null;
        for (int i = 0; i < 20; i++) {
            TokenRegistry.Issued t = tokens.issue("client-a");
            assertTrue(seen.add(t.token()), "never the same token twice");
            assertEquals(TokenRegistry.PREFIX.length() + 43, t.token().length(), "32 bytes, base64url");
            first = first == null ? t : first;
        }
        assertEquals(first.userId(), tokens.issue("client-a").userId(), "one client, one user");
        assertFalse(first.userId().equals(tokens.issue("client-b").userId()));
        assertTrue(tokens.check("Bearer " + first.token()).isPresent());
        assertTrue(tokens.check("bearer " + first.token()).isPresent());
        assertFalse(tokens.check(first.token()).isPresent(), "only as a Bearer");
        assertFalse(tokens.check(null).isPresent());
        assertFalse(Files.readString(file).contains(first.token().substring(8)), "only hashes are kept");

        TokenRegistry again = new TokenRegistry(file, Duration.ofDays(7), clock);
        assertTrue(again.check("Bearer " + first.token()).isPresent(), "kept across a restart");

        clock.now = clock.now.plus(Duration.ofDays(7));
        assertFalse(again.check("Bearer " + first.token()).isPresent(), "expired after 7 days");
    }
}

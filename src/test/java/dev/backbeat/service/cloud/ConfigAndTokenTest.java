package dev.backbeat.service.cloud;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.backbeat.service.cloud.CloudFixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the settings come from, the per-install id, and the token cache. */
class ConfigAndTokenTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .configureStaticDsl(true).build();

    @TempDir
    Path dir;

    @Test
    void flagBeatsEnvironmentBeatsSettings() throws Exception {
        Files.writeString(dir.resolve(CloudConfig.SETTINGS_FILE), "api_base=http://settings.example\npoll_interval_seconds=10\n"
                + "language=zh\n");
        assertEquals(URI.create("http://settings.example"), CloudConfig.load(Map.of(), dir, null).apiBase());
        assertEquals(URI.create("http://env.example"),
                CloudConfig.load(Map.of("NEMO_API_BASE", "http://env.example/"), dir, null).apiBase());
        CloudConfig c = CloudConfig.load(Map.of("NEMO_API_BASE", "http://env.example", "NEMO_TOKEN", "nmv_usr_X"), dir,
                "http://flag.example");
        assertEquals(URI.create("http://flag.example"), c.apiBase());
        assertEquals(Duration.ofSeconds(10), c.pollInterval());
        assertEquals("zh", c.language());
        assertEquals(Optional.of("nmv_usr_X"), c.envToken());
        CloudConfig plain = CloudConfig.load(Map.of(), dir.resolve("none"), null);
        assertEquals(CloudConfig.DEFAULT_BASE, plain.apiBase());
        assertEquals(Duration.ofSeconds(30), plain.pollInterval());
        assertEquals(Duration.ofSeconds(30), plain.rateLimitWait());
        assertEquals(Duration.ofMinutes(15), plain.chatTimeout());
        assertEquals(Duration.ofMinutes(2), plain.stillWorkingEvery());
        assertEquals(Path.of("/x/backbeat"), CloudConfig.defaultConfigDir(Map.of("XDG_CONFIG_HOME", "/x")));
    }

    @Test
    void clientIdIsStablePerInstall() {
        String first = new ClientIdentity(dir).id();
        assertEquals(first, new ClientIdentity(dir).id());
        assertTrue(first.matches("[0-9a-f-]{36}"), first);
    }

    @Test
    void tokenIsCachedOwnerOnlyAndReusedAcrossClients() throws Exception {
        CloudFixture.stubToken(CloudFixture.TOKEN);
        stubFor(get(urlPathEqualTo("/api/credits/balance/simple")).willReturn(okJson(ok("{\"available\":1}"))));
        CloudConfig config = CloudFixture.config(wm.getRuntimeInfo(), dir.resolve("cfg"));
        CloudFixture.backend(config).credits();
        CloudFixture.backend(config).credits();
        verify(1, postRequestedFor(urlPathEqualTo("/api/auth/anonymous-token")));
        verify(2, getRequestedFor(urlPathEqualTo("/api/credits/balance/simple"))
                .withHeader("Authorization", equalTo("Bearer " + CloudFixture.TOKEN)));
        Path file = config.configDir().resolve(TokenStore.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.configDir())));
        assertTrue(Files.readString(file).contains("2099-01-01T00:00:00Z"), "expiry kept");
        try (var listing = Files.list(config.configDir())) {
            assertTrue(listing.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
    }

    @Test
    void ownerOnlyFileIsBornOwnerOnly() throws Exception {
        // a watcher polling the folder while files are written must never see a readable token file
        Path folder = dir.resolve("watched");
        Files.createDirectories(folder);
        java.util.concurrent.atomic.AtomicBoolean seenOpen = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watcher = new Thread(() -> {
            while (!stop.get()) {
                try (var s = Files.list(folder)) {
                    s.forEach(p -> {
                        try {
                            if (!PosixFilePermissions.toString(Files.getPosixFilePermissions(p)).endsWith("------")) {
                                seenOpen.set(true);
                            }
                        } catch (java.io.IOException ignored) {
                            // renamed away between list and stat
                        }
                    });
                } catch (java.io.IOException ignored) {
                    // the folder is changing under us
                }
            }
        });
        watcher.start();
        for (int i = 0; i < 200; i++) {
            ConfigFiles.write(folder.resolve("secret.json"), "{\"token\":\"t" + i + "\"}");
        }
        stop.set(true);
        watcher.join();
        assertTrue(!seenOpen.get(), "a group- or world-readable file was visible");
    }

    @Test
    void environmentTokenIsUsedWithoutAnAnonymousLogin() throws Exception {
        stubFor(get(urlPathEqualTo("/api/credits/balance/simple")).willReturn(okJson(ok("{\"available\":1}"))));
        CloudConfig config = CloudFixture.config(wm.getRuntimeInfo(), dir.resolve("cfg")).withEnvToken(Optional.of("nmv_usr_Mine"));
        var credits = CloudFixture.backend(config).credits();
        assertEquals("", credits.note());
        verify(0, postRequestedFor(urlPathEqualTo("/api/auth/anonymous-token")));
        verify(getRequestedFor(urlPathEqualTo("/api/credits/balance/simple")).withHeader("Authorization", equalTo("Bearer nmv_usr_Mine")));
        assertTrue(Files.notExists(config.configDir().resolve(TokenStore.FILE)), "a user's token is never written to disk");
    }

    @Test
    void secretsAreMasked() {
        assertEquals("nmv_usr_****", Secrets.mask(CloudFixture.TOKEN));
        assertEquals("****", Secrets.mask("abcdefghijklmnop"));
    }
}

package dev.backbeat.service.cloud;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.backbeat.cli.CloudCommandRunner;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.ExportRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.backbeat.service.cloud.CloudFixture.TOKEN;
import static dev.backbeat.service.cloud.CloudFixture.TOKEN_2;
import static dev.backbeat.service.cloud.CloudFixture.ok;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs a session through sign-in, a token renewal, chat, upload, export and failures, with every
 * log level on, then greps everything captured (logs, standard output and error, CLI output,
 * events and error messages) for the tokens.
 */
class NoTokenLeakTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .configureStaticDsl(true).build();

    private static final String USER_TOKEN = "nmv_usr_UserOwnedSecretValue9";

    @TempDir
    Path dir;

    @Test
    void noTokenInAnyLogOrOutput() throws Exception {
        StringBuilder seen = new StringBuilder();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        int logsBefore = CloudFixture.LOGS.size();
        try {
            CloudFixture.stubSession(CloudFixture.SESSION);
            CloudFixture.stubState(CloudFixture.SESSION, CloudFixture.WITH_BGM);
            stubFor(post(urlPathEqualTo("/api/auth/anonymous-token")).inScenario("t").whenScenarioStateIs("Started")
                    .willReturn(okJson(ok("{\"token\":\"" + TOKEN + "\",\"user_id\":\"anon_1\",\"expires_at\":\"2099-01-01T00:00:00Z\"}")))
                    .willSetStateTo("second"));
            stubFor(post(urlPathEqualTo("/api/auth/anonymous-token")).inScenario("t").whenScenarioStateIs("second")
                    .willReturn(okJson(ok("{\"token\":\"" + TOKEN_2 + "\",\"user_id\":\"anon_1\",\"expires_at\":\"2099-01-01T00:00:00Z\"}"))));
            stubFor(get(urlPathEqualTo("/api/credits/balance/simple")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                    .willReturn(okJson(CloudFixture.err(1001, "expired"))));
            stubFor(get(urlPathEqualTo("/api/credits/balance/simple")).withHeader("Authorization", equalTo("Bearer " + TOKEN_2))
                    .willReturn(okJson(ok("{\"available\":3,\"frozen\":0,\"total\":100}"))));
            CloudFixture.stubChat(CloudFixture.sse("{\"type\":\"text\",\"content\":\"Working on it.\"}",
                    "{\"type\":\"tool_call\",\"name\":\"edit_multitrack\",\"args\":{}}"));
            stubFor(post(urlPathEqualTo("/api/render/proxy/lambda")).willReturn(okJson("{\"success\":true,\"data\":{\"id\":\"render_3\"}}")));
            stubFor(get(urlPathEqualTo("/api/render/proxy/lambda/render_3")).willReturn(okJson(
                    "{\"success\":true,\"data\":{\"status\":\"completed\",\"outputUrl\":\"/missing.mp4\"}}")));
            stubFor(get(urlPathEqualTo("/missing.mp4")).willReturn(aResponse().withStatus(500)));
            stubFor(get(urlPathMatching("/api/render/proxy/render_3/download")).willReturn(aResponse().withBody("V")));

            CloudConfig config = CloudFixture.config(wm.getRuntimeInfo(), dir.resolve("cfg"));
            CloudBackend backend = CloudFixture.backend(config);
            seen.append(backend.connect((n, f) -> seen.append(n))).append('\n');
            seen.append(backend.credits().describe()).append('\n');
            List<ChatEvent> events = new ArrayList<>();
            backend.chat("add music", events::add, CancelToken.none());
            seen.append(events).append('\n');
            seen.append(backend.export(ExportRequest.to(dir.resolve("o.mp4")), p -> seen.append(p), CancelToken.none())).append('\n');

            stubFor(get(urlPathEqualTo("/api/credits/balance/simple")).willReturn(okJson(CloudFixture.err(1001, "expired"))));
            CloudBackend user = CloudFixture.backend(config.withEnvToken(java.util.Optional.of(USER_TOKEN)));
            try {
                user.credits();
            } catch (BackendException e) {
                seen.append(e.getMessage()).append(e.getCause()).append('\n');
            }
            var cli = CloudCommandRunner.run(Map.of("NEMO_TOKEN", USER_TOKEN), "--api-base", wm.baseUrl(),
                    "--config-dir", dir.resolve("cfg2").toString(), "credits");
            seen.append(cli.out()).append(cli.err());
            var cli2 = CloudCommandRunner.run(Map.of(), "--api-base", wm.baseUrl(), "--config-dir",
                    config.configDir().toString(), "status");
            seen.append(cli2.out()).append(cli2.err());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        List<String> logs;
        synchronized (CloudFixture.LOGS) {
            logs = new ArrayList<>(CloudFixture.LOGS.subList(logsBefore, CloudFixture.LOGS.size()));
        }
        String everything = String.join("\n", logs) + "\n" + console.toString(StandardCharsets.UTF_8) + "\n" + seen;
        assertTrue(logs.size() > 5, "the scenario produced logs to check: " + logs);
        assertTrue(everything.contains("nmv_usr_****"), "the masked form is what appears");
        List<String> secrets = List.of(TOKEN, TOKEN_2, USER_TOKEN, "S3cretT0ken", "UserOwnedSecret");
        for (int i = 0; i < secrets.size(); i++) {
            // the message names the secret by number: a failure report must not leak it either
            assertFalse(everything.contains(secrets.get(i)), "secret #" + i + " appeared in the captured output");
        }
        assertAllLogsInTheRunAreClean();
    }

    /** Every log line captured by any test in this JVM, plus the report files this run has written so far. */
    private static void assertAllLogsInTheRunAreClean() throws Exception {
        synchronized (CloudFixture.LOGS) {
            for (String line : CloudFixture.LOGS) {
                assertFalse(line.contains("S3cretT0ken") || line.contains("UserOwnedSecret") || line.contains("MyOwnToken"),
                        "a token in a log line of another test");
            }
        }
        Path reports = Path.of("target", "surefire-reports");
        if (Files.isDirectory(reports)) {
            try (var files = Files.list(reports)) {
                long runStarted = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                for (Path f : files.filter(p -> p.getFileName().toString().contains("dev.backbeat.service.cloud"))
                        .filter(p -> p.toFile().lastModified() >= runStarted).toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    assertFalse(text.contains("S3cretT0ken") || text.contains("UserOwnedSecret"), "token in " + f);
                }
            }
        }
    }
}

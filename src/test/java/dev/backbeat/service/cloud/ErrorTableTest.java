package dev.backbeat.service.cloud;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.BackendException.Kind;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.ExportRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.backbeat.service.cloud.CloudFixture.SESSION;
import static dev.backbeat.service.cloud.CloudFixture.TOKEN;
import static dev.backbeat.service.cloud.CloudFixture.TOKEN_2;
import static dev.backbeat.service.cloud.CloudFixture.err;
import static dev.backbeat.service.cloud.CloudFixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each row of the protocol's error table, and the faults a network can throw. */
class ErrorTableTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .configureStaticDsl(true).build();

    private static final String CREDITS = "/api/credits/balance/simple";
    private static final String STATE = "/api/state/nemo_agent/me/" + SESSION + "/latest";

    @TempDir
    Path dir;
    CloudBackend backend;
    CloudConfig config;

    @BeforeEach
    void setUp() {
        CloudFixture.stubBasics();
        config = CloudFixture.config(wm.getRuntimeInfo(), dir.resolve("config"));
        backend = CloudFixture.backend(config);
    }

    /** A reply for the first call, then another for every later one. */
    private static void firstThen(String path, boolean isGet, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first,
                                  com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder then) {
        var m1 = isGet ? get(urlPathEqualTo(path)) : post(urlPathEqualTo(path));
        var m2 = isGet ? get(urlPathEqualTo(path)) : post(urlPathEqualTo(path));
        stubFor(m1.inScenario(path).whenScenarioStateIs("Started").willReturn(first).willSetStateTo("after"));
        stubFor(m2.inScenario(path).whenScenarioStateIs("after").willReturn(then));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder credits() {
        return okJson(ok("{\"available\":7,\"frozen\":0,\"total\":100}"));
    }

    @Test
    void code1001GetsANewTokenOnceAndRetriesOnce() throws Exception {
        firstThen("/api/auth/anonymous-token", false,
                okJson(ok("{\"token\":\"" + TOKEN + "\",\"user_id\":\"a\",\"expires_at\":\"2099-01-01T00:00:00Z\"}")),
                okJson(ok("{\"token\":\"" + TOKEN_2 + "\",\"user_id\":\"a\",\"expires_at\":\"2099-01-01T00:00:00Z\"}")));
        stubFor(get(urlPathEqualTo(CREDITS)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(err(1001, "token expired"))));
        stubFor(get(urlPathEqualTo(CREDITS)).withHeader("Authorization", equalTo("Bearer " + TOKEN_2)).willReturn(credits()));
        assertEquals(7, backend.credits().available());
        verify(2, postRequestedFor(urlPathEqualTo("/api/auth/anonymous-token")));
        verify(2, getRequestedFor(urlPathEqualTo(CREDITS)));
        assertTrue(Files.readString(config.configDir().resolve(TokenStore.FILE)).contains(TOKEN_2), "new token cached");
    }

    @Test
    void code1001TwiceIsAnAuthErrorNotALoop() {
        stubFor(get(urlPathEqualTo(CREDITS)).willReturn(okJson(err(1001, "token expired"))));
        BackendException e = assertThrows(BackendException.class, backend::credits);
        assertEquals(Kind.AUTH, e.kind());
        verify(2, getRequestedFor(urlPathEqualTo(CREDITS)));
        verify(2, postRequestedFor(urlPathEqualTo("/api/auth/anonymous-token")));
    }

    @Test
    void code1001WithUserTokenDoesNotSwapAccounts() {
        backend = CloudFixture.backend(config.withEnvToken(Optional.of("nmv_usr_MyOwnToken")));
        stubFor(get(urlPathEqualTo(CREDITS)).willReturn(okJson(err(1001, "bad"))));
        BackendException e = assertThrows(BackendException.class, backend::credits);
        assertEquals(Kind.AUTH, e.kind());
        assertTrue(e.getMessage().contains("NEMO_TOKEN"), e.getMessage());
        verify(0, postRequestedFor(urlPathEqualTo("/api/auth/anonymous-token")));
        verify(1, getRequestedFor(urlPathEqualTo(CREDITS)));
    }

    @Test
    void code1002StartsANewSessionAndTellsTheUser() throws Exception {
        backend.connect((n, f) -> { });
        stubFor(get(urlPathEqualTo(STATE)).willReturn(okJson(err(1002, "session not found"))));
        CloudFixture.stubSession("sess_beta");
        BackendException e = assertThrows(BackendException.class, backend::state);
        assertEquals(Kind.SESSION_LOST, e.kind());
        assertTrue(e.getMessage().contains("new one was started"), e.getMessage());
        verify(2, postRequestedFor(urlPathEqualTo("/api/tasks/me/with-session/nemo_agent")));
        assertTrue(Files.readString(config.configDir().resolve(SessionStore.FILE)).contains("sess_beta"));
    }

    @Test
    void code1002DuringChatIsNotResent() {
        stubFor(post(urlPathEqualTo("/run_sse")).willReturn(okJson(err(1002, "session not found"))));
        List<ChatEvent> events = new ArrayList<>();
        backend.chat("add music", events::add, CancelToken.none());
        ChatEvent.Failed failed = assertInstanceOf(ChatEvent.Failed.class, events.get(events.size() - 1));
        assertEquals(Kind.SESSION_LOST, failed.error().kind());
        verify(1, postRequestedFor(urlPathEqualTo("/run_sse")));
    }

    @Test
    void code2001AnonymousGetsTheRegistrationLinkWithClientId() throws Exception {
        stubFor(get(urlPathEqualTo(CREDITS)).willReturn(okJson(err(2001, "no credits"))));
        BackendException e = assertThrows(BackendException.class, backend::credits);
        assertEquals(Kind.OUT_OF_CREDITS, e.kind());
        String clientId = Files.readString(config.configDir().resolve(ClientIdentity.FILE)).trim();
        assertTrue(e.getMessage().contains("?bind=" + clientId), e.getMessage());
    }

    @Test
    void code2001RegisteredIsToldToTopUp() {
        backend = CloudFixture.backend(config.withEnvToken(Optional.of("nmv_usr_MyOwnToken")));
        stubFor(get(urlPathEqualTo(CREDITS)).willReturn(okJson(err(2001, "no credits"))));
        BackendException e = assertThrows(BackendException.class, backend::credits);
        assertEquals(Kind.OUT_OF_CREDITS, e.kind());
        assertTrue(e.getMessage().contains("Top up"), e.getMessage());
        assertTrue(!e.getMessage().contains("bind="), e.getMessage());
    }

    @Test
    void code4001ListsTheAcceptedFormats() throws Exception {
        stubFor(post(urlPathEqualTo("/api/upload-video/nemo_agent/me/" + SESSION)).willReturn(okJson(err(4001, "type"))));
        Path f = Files.writeString(dir.resolve("a.mp4"), "x");
        BackendException e = assertThrows(BackendException.class, () -> backend.upload(List.of(f), (n, x) -> { }, CancelToken.none()));
        assertEquals(Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("mp4, mov, avi, webm, mkv"), e.getMessage());
    }

    @Test
    void code4002SuggestsTrimming() throws Exception {
        stubFor(post(urlPathEqualTo("/api/upload-video/nemo_agent/me/" + SESSION)).willReturn(okJson(err(4002, "big"))));
        Path f = Files.writeString(dir.resolve("a.mp4"), "x");
        BackendException e = assertThrows(BackendException.class, () -> backend.upload(List.of(f), (n, x) -> { }, CancelToken.none()));
        assertEquals(Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("Trim or compress") && e.getMessage().contains("500 MB"), e.getMessage());
    }

    @Test
    void http400MakesANewClientIdAndRetriesOnce() throws Exception {
        firstThen("/api/auth/anonymous-token", false, aResponse().withStatus(400).withBody("missing X-Client-Id"),
                okJson(ok("{\"token\":\"" + TOKEN + "\",\"expires_at\":\"2099-01-01T00:00:00Z\"}")));
        backend.connect((n, f) -> { });
        var calls = wm.findAll(postRequestedFor(urlPathEqualTo("/api/auth/anonymous-token")));
        assertEquals(2, calls.size());
        assertNotEquals(calls.get(0).getHeader("X-Client-Id"), calls.get(1).getHeader("X-Client-Id"));
        assertEquals(calls.get(1).getHeader("X-Client-Id"),
                Files.readString(config.configDir().resolve(ClientIdentity.FILE)).trim(), "the new id is kept");
    }

    @Test
    void http400TwiceIsAnErrorAfterOneRetry() {
        stubFor(post(urlPathEqualTo("/api/auth/anonymous-token")).willReturn(aResponse().withStatus(400)));
        BackendException e = assertThrows(BackendException.class, () -> backend.connect((n, f) -> { }));
        assertEquals(Kind.SERVER, e.kind());
        verify(2, postRequestedFor(urlPathEqualTo("/api/auth/anonymous-token")));
    }

    @Test
    void http402SaysExportIsNotOnTheFreePlan() {
        stubFor(post(urlPathEqualTo("/api/render/proxy/lambda")).willReturn(aResponse().withStatus(402)));
        BackendException e = assertThrows(BackendException.class,
                () -> backend.export(ExportRequest.to(dir.resolve("o.mp4")), p -> { }, CancelToken.none()));
        assertEquals(Kind.PLAN, e.kind());
        assertTrue(e.getMessage().startsWith("Export is not available on the free plan"), e.getMessage());
        assertTrue(e.getMessage().contains("not a credits problem"), e.getMessage());
        verify(1, postRequestedFor(urlPathEqualTo("/api/render/proxy/lambda")));
    }

    @Test
    void http429WaitsAndRetriesOnce() throws Exception {
        firstThen(CREDITS, true, aResponse().withStatus(429), credits());
        long start = System.nanoTime();
        assertEquals(7, backend.credits().available());
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMs >= config.rateLimitWait().toMillis(), "waited " + waitedMs + " ms");
        verify(2, getRequestedFor(urlPathEqualTo(CREDITS)));
    }

    @Test
    void http429TwiceIsRateLimited() {
        stubFor(get(urlPathEqualTo(CREDITS)).willReturn(aResponse().withStatus(429)));
        BackendException e = assertThrows(BackendException.class, backend::credits);
        assertEquals(Kind.RATE_LIMITED, e.kind());
        verify(2, getRequestedFor(urlPathEqualTo(CREDITS)));
    }

    @Test
    void http500ThenSuccessOnARead() throws Exception {
        firstThen(CREDITS, true, aResponse().withStatus(500), credits());
        assertEquals(7, backend.credits().available());
        verify(2, getRequestedFor(urlPathEqualTo(CREDITS)));
    }

    @Test
    void http503TwiceIsAServerError() {
        stubFor(get(urlPathEqualTo(CREDITS)).willReturn(aResponse().withStatus(503)));
        BackendException e = assertThrows(BackendException.class, backend::credits);
        assertEquals(Kind.SERVER, e.kind());
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
    }

    @Test
    void http500OnChatIsNeverResent() {
        stubFor(post(urlPathEqualTo("/run_sse")).willReturn(aResponse().withStatus(500)));
        List<ChatEvent> events = new ArrayList<>();
        backend.chat("add music", events::add, CancelToken.none());
        assertEquals(Kind.SERVER, assertInstanceOf(ChatEvent.Failed.class, events.get(0)).error().kind());
        verify(1, postRequestedFor(urlPathEqualTo("/run_sse")));
    }

    @Test
    void garbageJsonIsAServerError() {
        stubFor(get(urlPathEqualTo(CREDITS)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"code\":0,\"data\":{\"available\":")));
        BackendException e = assertThrows(BackendException.class, backend::credits);
        assertEquals(Kind.SERVER, e.kind());
        assertTrue(e.getMessage().contains("cannot read"), e.getMessage());
    }

    @Test
    void htmlErrorPageIsNamedAsSuch() {
        stubFor(get(urlPathEqualTo(CREDITS)).willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));
        BackendException e = assertThrows(BackendException.class, backend::credits);
        assertEquals(Kind.SERVER, e.kind());
        stubFor(get(urlPathEqualTo(CREDITS)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<!doctype html><title>Login</title>")));
        BackendException page = assertThrows(BackendException.class, backend::credits);
        assertTrue(page.getMessage().contains("web page"), page.getMessage());
    }

    @Test
    void connectionResetIsANetworkError() {
        stubFor(get(urlPathEqualTo(CREDITS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        BackendException e = assertThrows(BackendException.class, backend::credits);
        assertEquals(Kind.NETWORK, e.kind());
        assertTrue(e.getMessage().contains("cut"), e.getMessage());
    }

    @Test
    void connectionResetOnChatIsNotResent() {
        stubFor(post(urlPathEqualTo("/run_sse")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        List<ChatEvent> events = new ArrayList<>();
        backend.chat("add music", events::add, CancelToken.none());
        assertEquals(Kind.NETWORK, assertInstanceOf(ChatEvent.Failed.class, events.get(0)).error().kind());
        verify(1, postRequestedFor(urlPathEqualTo("/run_sse")));
    }

    @Test
    void slowReplyTimesOut() {
        backend = CloudFixture.backend(config.withTimeouts(config.connectTimeout(), java.time.Duration.ofMillis(300),
                config.chatTimeout(), config.downloadStallTimeout()));
        stubFor(get(urlPathEqualTo(CREDITS)).willReturn(credits().withFixedDelay(2000)));
        BackendException e = assertThrows(BackendException.class, backend::credits);
        assertEquals(Kind.NETWORK, e.kind());
        assertTrue(e.getMessage().contains("did not answer within 300 ms"), e.getMessage());
    }

    @Test
    void unknownCodeIsWordedWithTheServersMessage() {
        stubFor(get(urlPathEqualTo(CREDITS)).willReturn(okJson(err(3007, "quota service down"))));
        BackendException e = assertThrows(BackendException.class, backend::credits);
        assertEquals(Kind.SERVER, e.kind());
        assertTrue(e.getMessage().contains("code 3007: quota service down"), e.getMessage());
    }

    @Test
    void renderFailureIsReportedAndForgotten() {
        stubFor(post(urlPathEqualTo("/api/render/proxy/lambda")).willReturn(okJson("{\"success\":true,\"data\":{\"id\":\"render_9\"}}")));
        stubFor(get(urlPathEqualTo("/api/render/proxy/lambda/render_9")).willReturn(okJson(
                "{\"success\":true,\"data\":{\"status\":\"failed\",\"error\":\"GPU node lost\"}}")));
        BackendException e = assertThrows(BackendException.class,
                () -> backend.export(ExportRequest.to(dir.resolve("o.mp4")), p -> { }, CancelToken.none()));
        assertTrue(e.getMessage().contains("GPU node lost"), e.getMessage());
        assertTrue(backend.pendingExports().isEmpty());
        assertTrue(!Files.exists(dir.resolve("o.mp4")));
    }

    @Test
    void nothingIsSentForARefusedFile() throws Exception {
        Path txt = Files.writeString(dir.resolve("notes.txt"), "x");
        BackendException e = assertThrows(BackendException.class, () -> backend.upload(List.of(txt), (n, x) -> { }, CancelToken.none()));
        assertTrue(e.getMessage().contains(".txt"), e.getMessage());
        Path big = dir.resolve("big.mp4");
        try (var raf = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(UploadRules.MAX_BYTES + 1);
        }
        BackendException tooBig = assertThrows(BackendException.class, () -> backend.upload(List.of(big), (n, x) -> { }, CancelToken.none()));
        assertTrue(tooBig.getMessage().contains("500 MB"), tooBig.getMessage());
        assertEquals(0, wm.getAllServeEvents().size(), "nothing was sent");
    }

    @Test
    void anExpiredCachedTokenIsReplaced() throws Exception {
        stubFor(get(urlPathEqualTo(CREDITS)).willReturn(credits()));
        new TokenStore(config.configDir(), java.time.Clock.systemUTC()).save(new TokenStore.Stored("nmv_usr_OldExpired", "a",
                java.time.Instant.now().minusSeconds(60), new ClientIdentity(config.configDir()).id()));
        backend.credits();
        verify(1, postRequestedFor(urlPathEqualTo("/api/auth/anonymous-token")));
        verify(getRequestedFor(urlPathEqualTo(CREDITS)).withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN)));
    }

    @Test
    void refusedChatIsSentOnceMoreOnlyAfterARefusalThatProvesItWasNotRun() {
        // 429 comes before the agent runs, so the one retry the table asks for cannot charge twice
        firstThen("/run_sse", false, aResponse().withStatus(429), aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(CloudFixture.sse("{\"type\":\"text\",\"content\":\"ok\"}")));
        List<ChatEvent> events = new ArrayList<>();
        backend.chat("add music", events::add, CancelToken.none());
        assertEquals(List.of(new ChatEvent.Text("ok"), new ChatEvent.Done()), events);
        verify(2, postRequestedFor(urlPathEqualTo("/run_sse")));
    }

    @Test
    void aRenderTheServiceForgotIsNotPolledForever() {
        stubFor(post(urlPathEqualTo("/api/render/proxy/lambda")).willReturn(okJson("{\"success\":true,\"data\":{\"id\":\"render_8\"}}")));
        stubFor(get(urlPathEqualTo("/api/render/proxy/lambda/render_8")).willReturn(aResponse().withStatus(404)));
        BackendException e = assertThrows(BackendException.class,
                () -> backend.export(ExportRequest.to(dir.resolve("o.mp4")), p -> { }, CancelToken.none()));
        assertTrue(e.getMessage().contains("no longer knows this render"), e.getMessage());
        assertTrue(backend.pendingExports().isEmpty());
        verify(1, getRequestedFor(urlPathEqualTo("/api/render/proxy/lambda/render_8")));
    }
}

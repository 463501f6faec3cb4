package dev.backbeat.service.cloud;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.Credits;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.SessionState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import static dev.backbeat.service.cloud.CloudFixture.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every endpoint of the protocol, on its happy path, with the headers it must carry. */
class CloudEndpointsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .configureStaticDsl(true).build();

    @TempDir
    Path dir;
    CloudBackend backend;
    WireMockRuntimeInfo info;

    @BeforeEach
    void setUp() {
        info = wm.getRuntimeInfo();
        CloudFixture.stubBasics();
        backend = CloudFixture.backend(CloudFixture.config(info, dir.resolve("config")));
    }

    @Test
    void connectGetsAnonymousTokenAndSessionWithLanguageAndHeaders() throws Exception {
        String line = backend.connect((n, f) -> { });
        assertTrue(line.startsWith("Connected"), line);
        verify(postRequestedFor(urlPathEqualTo("/api/auth/anonymous-token"))
                .withHeader("X-Client-Id", WireMock.matching("[0-9a-f-]{36}"))
                .withHeader("X-Skill-Source", equalTo("automatic-music-generator")));
        verify(postRequestedFor(urlPathEqualTo("/api/tasks/me/with-session/nemo_agent"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-Skill-Source", equalTo("automatic-music-generator"))
                .withHeader("X-Skill-Version", WireMock.matching(".+"))
                .withHeader("X-Skill-Platform", equalTo("desktop"))
                .withRequestBody(equalToJson("{\"task_name\":\"project\",\"language\":\"en\"}")));
    }

    @Test
    void everyCallCarriesTheAttributionHeaders() throws Exception {
        stubFor(get(urlPathEqualTo("/api/credits/balance/simple")).willReturn(okJson(ok("{\"available\":1,\"frozen\":0,\"total\":1}"))));
        backend.connect((n, f) -> { });
        backend.credits();
        backend.state();
        for (var e : wm.getAllServeEvents()) {
            var r = e.getRequest();
            assertEquals("automatic-music-generator", r.getHeader("X-Skill-Source"), r.getUrl());
            assertEquals("desktop", r.getHeader("X-Skill-Platform"), r.getUrl());
            assertFalse(r.getHeader("X-Skill-Version").isBlank(), r.getUrl());
        }
        assertEquals(4, wm.getAllServeEvents().size());
    }

    @Test
    void sessionIsReusedByANewClientOnTheSameConfigFolder() throws Exception {
        backend.connect((n, f) -> { });
        CloudFixture.backend(CloudFixture.config(info, dir.resolve("config"))).state();
        verify(1, postRequestedFor(urlPathEqualTo("/api/tasks/me/with-session/nemo_agent")));
        verify(1, postRequestedFor(urlPathEqualTo("/api/auth/anonymous-token")));
        verify(getRequestedFor(urlPathEqualTo("/api/state/nemo_agent/me/" + SESSION + "/latest"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void uploadStreamsMultipartWithProgressAndKeepsFileInfo() throws Exception {
        stubFor(post(urlPathEqualTo("/api/upload-video/nemo_agent/me/" + SESSION)).willReturn(okJson(ok(
                "{\"files\":[{\"filename\":\"clip.mp4\",\"file_type\":\"video\",\"cdn_url\":\"https://cdn.example/c.mp4\","
                        + "\"duration\":12.5,\"width\":1280,\"height\":720,\"fps\":25,\"hash\":\"h\"},"
                        + "{\"filename\":\"song.mp3\",\"file_type\":\"audio\",\"cdn_url\":\"https://cdn.example/s.mp3\",\"duration\":3}]}"))));
        Path clip = dir.resolve("clip.mp4");
        Path song = dir.resolve("song.mp3");
        byte[] clipBytes = new byte[300_000];
        new java.util.Random(1).nextBytes(clipBytes);
        Files.write(clip, clipBytes);
        Files.writeString(song, "ID3 fake");
        List<Double> fractions = new ArrayList<>();
        List<MediaInfo> media = backend.upload(List.of(clip, song), (n, f) -> fractions.add(f), CancelToken.none());
        assertEquals(2, media.size());
        assertEquals(new MediaInfo("clip.mp4", "https://cdn.example/c.mp4", "video", 12500, 1280, 720, 25, true), media.get(0));
        assertTrue(fractions.size() > 2, "progress reported while sending");
        assertTrue(fractions.get(fractions.size() - 1) >= 0.99, "progress reaches the end: " + fractions);
        assertTrue(fractions.stream().allMatch(f -> f >= 0 && f <= 1.0), "a fraction of the whole body: " + fractions);
        var request = wm.findAll(postRequestedFor(urlPathEqualTo("/api/upload-video/nemo_agent/me/" + SESSION))).get(0);
        assertTrue(request.getHeader("Content-Type").startsWith("multipart/form-data; boundary="));
        assertEquals(2, request.getParts().stream().filter(p -> p.getName().equals("files")).count());
        assertArrayEquals(clipBytes, request.getPart("files").getBody().asBytes());
        assertTrue(Files.readString(dir.resolve("config").resolve(SessionStore.FILE)).contains("clip.mp4"),
                "file info kept with the session");
    }

    @Test
    void uploadByUrl() throws Exception {
        stubFor(post(urlPathEqualTo("/api/upload-video/nemo_agent/me/" + SESSION))
                .withRequestBody(equalToJson("{\"urls\":[\"https://example.com/a.mp4\"],\"source_type\":\"url\"}"))
                .willReturn(okJson(ok("{\"files\":[{\"filename\":\"a.mp4\",\"file_type\":\"video\",\"cdn_url\":\"https://cdn/a.mp4\"}]}"))));
        List<MediaInfo> media = backend.uploadUrls(List.of(URI.create("https://example.com/a.mp4")), (n, f) -> { }, CancelToken.none());
        assertEquals("a.mp4", media.get(0).name());
    }

    @Test
    void creditsAndState() throws Exception {
        stubFor(get(urlPathEqualTo("/api/credits/balance/simple")).willReturn(okJson(ok("{\"available\":80,\"frozen\":5,\"total\":100}"))));
        Credits c = backend.credits();
        assertEquals(80, c.available());
        assertEquals(5, c.frozen());
        assertEquals(100, c.total());
        SessionState s = backend.state();
        assertEquals("Timeline (1 track): 1. Video: city timelapse (0-10s)", s.draft().summary());
        assertEquals("clip.mp4", s.media().get(0).name());
    }

    @Test
    void stateAcceptsADoubleEncodedDraft() throws Exception {
        stubFor(get(urlPathEqualTo("/api/state/nemo_agent/me/" + SESSION + "/latest")).willReturn(okJson(ok(
                "{\"state\":{\"draft\":" + com.google.gson.JsonParser.parseString("\"" + CloudFixture.WITH_BGM.replace("\"", "\\\"") + "\"")
                        + "}}"))));
        assertEquals(2, backend.state().draft().tracks().size());
    }

    @Test
    void chatStreamsTextAndSendsTheDocumentedBody() throws Exception {
        CloudFixture.stubChat(CloudFixture.sse("{\"type\":\"text\",\"content\":\"I'll add a lo-fi track. \"}",
                "{\"type\":\"text\",\"content\":\"Done.\"}"));
        List<ChatEvent> events = new ArrayList<>();
        backend.chat("add lo-fi music", events::add, CancelToken.none());
        assertEquals(List.of(new ChatEvent.Text("I'll add a lo-fi track. "), new ChatEvent.Text("Done."), new ChatEvent.Done()), events);
        verify(1, postRequestedFor(urlPathEqualTo("/run_sse"))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withRequestBody(equalToJson("{\"app_name\":\"nemo_agent\",\"user_id\":\"me\",\"session_id\":\"" + SESSION
                        + "\",\"new_message\":{\"parts\":[{\"text\":\"add lo-fi music\"}]}}")));
    }

    @Test
    void exportRendersPollsAndDownloadsWithDataShape() throws Exception {
        stubFor(post(urlPathEqualTo("/api/render/proxy/lambda"))
                .withRequestBody(matchingJsonPath("$.id", WireMock.matching("render_[0-9]+")))
                .withRequestBody(matchingJsonPath("$.sessionId", equalTo(SESSION)))
                .withRequestBody(matchingJsonPath("$.output.format", equalTo("mp4")))
                .withRequestBody(matchingJsonPath("$.draft.t[0].tt", equalTo("0")))
                .willReturn(okJson("{\"success\":true,\"data\":{\"id\":\"render_42\",\"status\":\"pending\",\"progress\":0}}")));
        stubFor(get(urlPathEqualTo("/api/render/proxy/lambda/render_42")).inScenario("r").whenScenarioStateIs("Started")
                .willReturn(okJson("{\"success\":true,\"data\":{\"status\":\"processing\",\"progress\":40}}"))
                .willSetStateTo("done"));
        stubFor(get(urlPathEqualTo("/api/render/proxy/lambda/render_42")).inScenario("r").whenScenarioStateIs("done")
                .willReturn(okJson("{\"success\":true,\"data\":{\"status\":\"completed\",\"progress\":100,\"outputUrl\":\""
                        + wm.baseUrl() + "/files/out.mp4\"}}")));
        byte[] video = new byte[200_000];
        new java.util.Random(2).nextBytes(video);
        stubFor(get(urlPathEqualTo("/files/out.mp4")).willReturn(aResponse().withBody(video)));
        Path target = dir.resolve("out.mp4");
        List<Double> fractions = new ArrayList<>();
        ExportResult result = backend.export(ExportRequest.to(target), p -> fractions.add(p.fraction()), CancelToken.none());
        assertEquals(target, result.file());
        assertArrayEquals(video, Files.readAllBytes(target));
        assertTrue(fractions.contains(0.4), fractions.toString());
        assertEquals(List.of("out.mp4"), listing(dir));
        assertTrue(backend.pendingExports().isEmpty());
    }

    @Test
    void exportAcceptsTopLevelStatusAndOutputUrlAndFallsBackToProxyDownload() throws Exception {
        stubFor(post(urlPathEqualTo("/api/render/proxy/lambda")).willReturn(okJson("{\"success\":true,\"data\":{\"status\":\"pending\"}}")));
        stubFor(get(urlPathMatching("/api/render/proxy/lambda/render_[0-9]+")).willReturn(okJson(
                "{\"status\":\"completed\",\"output\":{\"url\":\"" + wm.baseUrl() + "/gone.mp4\"}}")));
        stubFor(get(urlPathEqualTo("/gone.mp4")).willReturn(aResponse().withStatus(404)));
        stubFor(get(urlPathMatching("/api/render/proxy/render_[0-9]+/download")).willReturn(aResponse().withBody("MP4BYTES")));
        Path target = dir.resolve("out.mp4");
        backend.export(ExportRequest.to(target), p -> { }, CancelToken.none());
        assertEquals("MP4BYTES", Files.readString(target));
        verify(getRequestedFor(urlPathMatching("/api/render/proxy/render_[0-9]+/download"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        verify(getRequestedFor(urlPathEqualTo("/gone.mp4")));
    }

    @Test
    void tokenIsNotSentToAnotherHostServingTheFile() throws Exception {
        // the same server under another name ("localhost" vs "127.0.0.1") stands in for a CDN
        String cdn = "http://127.0.0.1:" + info.getHttpPort();
        backend = CloudFixture.backend(CloudFixture.config("http://localhost:" + info.getHttpPort(), dir.resolve("config")));
        stubFor(post(urlPathEqualTo("/api/render/proxy/lambda")).willReturn(okJson("{\"success\":true,\"data\":{}}")));
        stubFor(get(urlPathMatching("/api/render/proxy/lambda/.*")).willReturn(okJson(
                "{\"success\":true,\"data\":{\"status\":\"completed\",\"outputUrl\":\"" + cdn + "/cdn/out.mp4\"}}")));
        stubFor(get(urlPathEqualTo("/cdn/out.mp4")).willReturn(aResponse().withBody("CDN")));
        backend.export(ExportRequest.to(dir.resolve("o.mp4")), p -> { }, CancelToken.none());
        var req = wm.findAll(getRequestedFor(urlPathEqualTo("/cdn/out.mp4"))).get(0);
        assertFalse(req.containsHeader("Authorization"));
    }

    @Test
    void duplicateRenderIdGetsANewId() throws Exception {
        stubFor(post(urlPathEqualTo("/api/render/proxy/lambda")).inScenario("dup").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":false,\"error\":\"Render id already exists\"}")).willSetStateTo("second"));
        stubFor(post(urlPathEqualTo("/api/render/proxy/lambda")).inScenario("dup").whenScenarioStateIs("second")
                .willReturn(okJson("{\"success\":true,\"data\":{\"status\":\"pending\"}}")));
        stubFor(get(urlPathMatching("/api/render/proxy/lambda/render_[0-9]+")).willReturn(okJson(
                "{\"success\":true,\"data\":{\"status\":\"completed\"}}")));
        stubFor(get(urlPathMatching("/api/render/proxy/render_[0-9]+/download")).willReturn(aResponse().withBody("V")));
        backend.export(ExportRequest.to(dir.resolve("o.mp4")), p -> { }, CancelToken.none());
        var ids = wm.findAll(postRequestedFor(urlPathEqualTo("/api/render/proxy/lambda"))).stream()
                .map(r -> com.google.gson.JsonParser.parseString(r.getBodyAsString()).getAsJsonObject().get("id").getAsString())
                .toList();
        assertEquals(2, ids.size());
        assertFalse(ids.get(0).equals(ids.get(1)), ids.toString());
    }

    @Test
    void cancelCallsTheCancelEndpointAndLeavesNoFile() throws Exception {
        stubFor(post(urlPathEqualTo("/api/render/proxy/lambda")).willReturn(okJson("{\"success\":true,\"data\":{\"id\":\"render_7\"}}")));
        stubFor(get(urlPathEqualTo("/api/render/proxy/lambda/render_7")).willReturn(okJson(
                "{\"success\":true,\"data\":{\"status\":\"processing\",\"progress\":10}}")));
        stubFor(post(urlPathEqualTo("/api/render/proxy/lambda/render_7/cancel")).willReturn(okJson("{\"success\":true}")));
        CancelToken cancel = new CancelToken();
        Path target = dir.resolve("o.mp4");
        var error = org.junit.jupiter.api.Assertions.assertThrows(dev.backbeat.service.BackendException.class,
                () -> backend.export(ExportRequest.to(target), p -> {
                    if (p.fraction() > 0) {
                        cancel.cancel();
                    }
                }, cancel));
        assertEquals(dev.backbeat.service.BackendException.Kind.CANCELLED, error.kind());
        verify(1, postRequestedFor(urlPathEqualTo("/api/render/proxy/lambda/render_7/cancel")));
        assertEquals(List.of(), listing(dir));
        assertTrue(backend.pendingExports().isEmpty());
    }

    @Test
    void chatWithNoTextFetchesStateAndSaysWhatChanged() throws Exception {
        stubFor(get(urlPathEqualTo("/api/state/nemo_agent/me/" + SESSION + "/latest")).inScenario("s")
                .whenScenarioStateIs("Started").willReturn(okJson(ok("{\"state\":{\"draft\":" + CloudFixture.VIDEO_ONLY + "}}")))
                .willSetStateTo("edited"));
        stubFor(get(urlPathEqualTo("/api/state/nemo_agent/me/" + SESSION + "/latest")).inScenario("s")
                .whenScenarioStateIs("edited").willReturn(okJson(ok("{\"state\":{\"draft\":" + CloudFixture.WITH_BGM + "}}"))));
        CloudFixture.stubChat(CloudFixture.sse("{\"type\":\"tool_call\",\"name\":\"edit_multitrack\",\"args\":{}}",
                "{\"type\":\"tool_result\",\"name\":\"edit_multitrack\",\"result\":{\"ok\":true}}"));
        List<ChatEvent> events = new ArrayList<>();
        backend.chat("add lo-fi at 35%", events::add, CancelToken.none());
        assertEquals(new ChatEvent.Progress("editing the timeline…", -1), events.get(0));
        ChatEvent.TimelineChanged changed = assertInstanceOf(ChatEvent.TimelineChanged.class, events.get(1));
        assertEquals("Added a BGM track: Lo-fi 0-10 s at 35%.", changed.description());
        assertInstanceOf(ChatEvent.Done.class, events.get(2));
        assertEquals(3, events.size());
        verify(1, postRequestedFor(urlPathEqualTo("/run_sse")));
    }

    static List<String> listing(Path folder) throws java.io.IOException {
        try (var s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("config")).sorted().toList();
        }
    }
}

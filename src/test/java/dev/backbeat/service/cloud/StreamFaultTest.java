package dev.backbeat.service.cloud;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.BackendException.Kind;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.ExportRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.backbeat.service.cloud.CloudFixture.SESSION;
import static dev.backbeat.service.cloud.CloudFixture.TOKEN;
import static dev.backbeat.service.cloud.CloudFixture.VIDEO_ONLY;
import static dev.backbeat.service.cloud.CloudFixture.ok;
import static dev.backbeat.service.cloud.LoopbackServer.chunk;
import static dev.backbeat.service.cloud.LoopbackServer.endChunks;
import static dev.backbeat.service.cloud.LoopbackServer.json;
import static dev.backbeat.service.cloud.LoopbackServer.sseHead;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults in the middle of a stream, staged byte by byte on a loopback server. */
class StreamFaultTest {
    @TempDir
    Path dir;
    LoopbackServer server;
    CloudConfig config;
    CloudBackend backend;

    @BeforeEach
    void setUp() throws Exception {
        server = new LoopbackServer();
        server.on("POST /api/auth/anonymous-token", (r, s, out) -> json(out, 200,
                ok("{\"token\":\"" + TOKEN + "\",\"expires_at\":\"2099-01-01T00:00:00Z\"}")));
        server.on("POST /api/tasks/me/with-session", (r, s, out) -> json(out, 200, ok("{\"session_id\":\"" + SESSION + "\"}")));
        server.on("GET /api/state/", (r, s, out) -> json(out, 200, ok("{\"state\":{\"draft\":" + VIDEO_ONLY + "}}")));
        config = CloudFixture.config(server.baseUrl(), dir.resolve("config"));
        backend = CloudFixture.backend(config);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private List<ChatEvent> chat(String message) {
        List<ChatEvent> events = new ArrayList<>();
        backend.chat(message, events::add, CancelToken.none());
        return events;
    }

    @Test
    void connectionResetMidStreamFailsOnceWithoutResending() {
        server.on("POST /run_sse", (r, s, out) -> {
            sseHead(out);
            chunk(out, "data: {\"type\":\"text\",\"content\":\"Adding a lo-fi \"}\n\n");
            Thread.sleep(50);
            chunk(out, "data: {\"type\":\"text\",\"con");
            LoopbackServer.reset(s);
        });
        List<ChatEvent> events = chat("add lo-fi");
        assertEquals(new ChatEvent.Text("Adding a lo-fi "), events.get(0));
        ChatEvent.Failed failed = assertInstanceOf(ChatEvent.Failed.class, events.get(events.size() - 1));
        assertEquals(Kind.NETWORK, failed.error().kind());
        assertTrue(failed.error().getMessage().contains("not re-sent"), failed.error().getMessage());
        assertEquals(1, server.count("POST", "/run_sse"));
    }

    @Test
    void streamThatStallsPastTheTimeoutIsAbandoned() {
        backend = CloudFixture.backend(config.withTimeouts(config.connectTimeout(), config.callTimeout(),
                Duration.ofMillis(400), config.downloadStallTimeout()).withStillWorkingEvery(Duration.ofSeconds(10)));
        server.on("POST /run_sse", (r, s, out) -> {
            sseHead(out);
            chunk(out, "data: {\"type\":\"text\",\"content\":\"Thinking. \"}\n\n");
            Thread.sleep(5_000);
        });
        long start = System.nanoTime();
        List<ChatEvent> events = chat("add music");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 2_500, "gave up after " + ms + " ms");
        assertEquals(new ChatEvent.Text("Thinking. "), events.get(0));
        ChatEvent.Failed failed = assertInstanceOf(ChatEvent.Failed.class, events.get(events.size() - 1));
        assertTrue(failed.error().getMessage().contains("No complete reply after 400 ms"), failed.error().getMessage());
        assertEquals(1, server.count("POST", "/run_sse"));
    }

    @Test
    void heartbeatsAndSilenceGiveStillWorkingNotes() {
        server.on("POST /run_sse", (r, s, out) -> {
            sseHead(out);
            for (int i = 0; i < 8; i++) {
                chunk(out, i % 2 == 0 ? "data: {\"type\":\"heartbeat\"}\n\n" : "data:\n\n");
                Thread.sleep(60);
            }
            chunk(out, ": comment\n\ndata: {\"type\":\"text\",\"content\":\"Here it is.\"}\n\n");
            endChunks(out);
        });
        List<ChatEvent> events = chat("make it epic");
        long notes = events.stream().filter(e -> e instanceof ChatEvent.StillWorking).count();
        assertTrue(notes >= 2 && notes <= 4, events.toString());
        assertEquals(new ChatEvent.Text("Here it is."), events.get(events.size() - 2));
        assertInstanceOf(ChatEvent.Done.class, events.get(events.size() - 1));
    }

    @Test
    void bytesDribbledOneByOneKeepUtf8AndGuiWordsIntact() {
        byte[] stream = ("data: {\"type\":\"text\",\"content\":\"完成了。请点击导出。\"}\r\n\r\n"
                + "data: {\"content\":{\"parts\":[{\"text\":\"Then cli\"}]},\"partial\":true}\r\n\r\n"
                + "data: {\"content\":{\"parts\":[{\"text\":\"ck Export to save it.\"}]},\"partial\":true}\r\n\r\n"
                + "data: {\"content\":{\"parts\":[{\"text\":\"Then click Export to save it.\"}]},\"partial\":false}\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        server.on("POST /run_sse", (r, s, out) -> {
            sseHead(out);
            for (byte b : stream) {
                chunk(out, new byte[] {b});
            }
            endChunks(out);
        });
        List<ChatEvent> events = chat("add music");
        String text = events.stream().filter(e -> e instanceof ChatEvent.Text).map(e -> ((ChatEvent.Text) e).chunk())
                .reduce("", String::concat);
        assertEquals("完成了。请输入“导出”。Then type \"export\" to save it.", text);
    }

    private void stubRender(String outputPath) {
        server.on("POST /api/render/proxy/lambda", (r, s, out) -> json(out, 200, "{\"success\":true,\"data\":{\"id\":\"render_5\"}}"));
        server.on("GET /api/render/proxy/lambda/render_5", (r, s, out) -> json(out, 200,
                "{\"success\":true,\"data\":{\"status\":\"completed\",\"outputUrl\":\"" + server.baseUrl() + outputPath + "\"}}"));
    }

    private static LoopbackServer.Handler truncated(int promised, int sent) {
        return (r, s, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: " + promised + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[sent]);
            out.flush();
            s.close();
        };
    }

    @Test
    void truncatedDownloadLeavesNoFileAndKeepsTheJob() throws Exception {
        stubRender("/files/out.mp4");
        server.on("GET /files/out.mp4", truncated(100_000, 40_000));
        server.on("GET /api/render/proxy/render_5/download", truncated(100_000, 10));
        Path target = dir.resolve("out.mp4");
        BackendException e = assertThrows(BackendException.class,
                () -> backend.export(ExportRequest.to(target), p -> { }, CancelToken.none()));
        assertEquals(Kind.NETWORK, e.kind());
        assertTrue(e.getMessage().contains("resume"), e.getMessage());
        assertEquals(List.of(), CloudEndpointsTest.listing(dir), "no partial file");
        assertEquals(1, backend.pendingExports().size(), "the job is kept for a later resume");
    }

    @Test
    void truncatedOutputUrlFallsBackToTheServiceRoute() throws Exception {
        stubRender("/files/out.mp4");
        server.on("GET /files/out.mp4", truncated(100_000, 40_000));
        byte[] video = new byte[100_000];
        new java.util.Random(3).nextBytes(video);
        server.on("GET /api/render/proxy/render_5/download", (r, s, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: " + video.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(video);
        });
        Path target = dir.resolve("out.mp4");
        backend.export(ExportRequest.to(target), p -> { }, CancelToken.none());
        assertArrayEquals(video, Files.readAllBytes(target));
        assertEquals(List.of("out.mp4"), CloudEndpointsTest.listing(dir));
        assertEquals(1, server.count("GET", "/api/render/proxy/render_5/download"));
        assertEquals(1, server.count("POST", "/api/render/proxy/lambda"), "one render started");
    }

    @Test
    void stalledDownloadIsAbandoned() throws Exception {
        backend = CloudFixture.backend(new CloudConfig(config.apiBase(), config.configDir(), config.envToken(), "en",
                config.connectTimeout(), config.callTimeout(), config.chatTimeout(), config.stillWorkingEvery(),
                config.pollInterval(), config.renderTimeout(), config.rateLimitWait(), config.retryDelay(),
                Duration.ofMillis(300), config.registerUrl()));
        stubRender("/files/out.mp4");
        LoopbackServer.Handler stall = (r, s, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[100]);
            out.flush();
            Thread.sleep(5_000);
        };
        server.on("GET /files/out.mp4", stall);
        server.on("GET /api/render/proxy/render_5/download", stall);
        long start = System.nanoTime();
        BackendException e = assertThrows(BackendException.class,
                () -> backend.export(ExportRequest.to(dir.resolve("o.mp4")), p -> { }, CancelToken.none()));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 3_000);
        assertTrue(e.getMessage().contains("stalled"), e.getMessage());
        assertEquals(List.of(), CloudEndpointsTest.listing(dir));
    }

    @Test
    void pollServerErrorsThenSuccess() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        server.on("POST /api/render/proxy/lambda", (r, s, out) -> json(out, 200, "{\"success\":true,\"data\":{\"id\":\"render_5\"}}"));
        server.on("GET /api/render/proxy/lambda/render_5", (r, s, out) -> {
            if (polls.incrementAndGet() <= 2) {
                json(out, 500, "{\"message\":\"boom\"}");
            } else {
                json(out, 200, "{\"status\":\"completed\",\"output\":{\"url\":\"/files/v.mp4\"}}");
            }
        });
        server.on("GET /files/v.mp4", (r, s, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nMP4".getBytes(StandardCharsets.ISO_8859_1));
        });
        backend.export(ExportRequest.to(dir.resolve("o.mp4")), p -> { }, CancelToken.none());
        assertEquals("MP4", Files.readString(dir.resolve("o.mp4")));
        assertEquals(3, polls.get());
    }

    @Test
    void cancelMidStreamStopsAtOnceWithoutResending() {
        server.on("POST /run_sse", (r, s, out) -> {
            sseHead(out);
            chunk(out, "data: {\"type\":\"text\",\"content\":\"Starting. \"}\n\n");
            Thread.sleep(5_000);
        });
        CancelToken cancel = new CancelToken();
        List<ChatEvent> events = new ArrayList<>();
        long start = System.nanoTime();
        backend.chat("add music", e -> {
            events.add(e);
            if (e instanceof ChatEvent.Text) {
                cancel.cancel();
            }
        }, cancel);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000);
        ChatEvent.Failed failed = assertInstanceOf(ChatEvent.Failed.class, events.get(events.size() - 1));
        assertEquals(Kind.CANCELLED, failed.error().kind());
        assertEquals(1, server.count("POST", "/run_sse"));
    }
}

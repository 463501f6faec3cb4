package dev.backbeat.server;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The error table as served, the data folder's walls, several sessions at once, and a restart. */
class ServeErrorsTest {

    private static int code(HttpResponse<String> r) {
        return ServeClient.json(r).get("code").getAsInt();
    }

    @Test
    void aMissingOrWrongTokenIs1001(@TempDir Path dir) throws Exception {
        try (BackbeatServer server = BackbeatServer.start(ServeClient.options(dir.resolve("data")))) {
            ServeClient c = new ServeClient(server.baseUri());
            HttpResponse<String> none = c.get("/api/credits/balance/simple", null);
            assertEquals(401, none.statusCode());
            assertEquals(1001, code(none));
            String token = c.token();
            HttpResponse<String> wrong = c.get("/api/credits/balance/simple", token.substring(0, token.length() - 2) + "xx");
            assertEquals(1001, code(wrong));
            HttpResponse<String> foreign = c.get("/api/credits/balance/simple", "some-other-token");
            assertEquals(1001, code(foreign));
            assertEquals(0, code(c.get("/api/credits/balance/simple", token)));
            // an upload sent with a wrong token gets its refusal, not a broken connection
            String sid = c.session(token);
            HttpResponse<String> up = c.upload("nmv_usr_wrong", sid, "a.mp4", new byte[8 << 20]);
            assertEquals(401, up.statusCode());
            assertEquals(1001, code(up));
            // the anonymous token wants a client id (HTTP 400 in the table)
            HttpResponse<String> noId = c.send(java.net.http.HttpRequest.newBuilder(server.baseUri().resolve("/api/auth/anonymous-token"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
            assertEquals(400, noId.statusCode());
            // the token is kept only as a hash
            String kept = Files.readString(dir.resolve("data/tokens.json"));
            assertFalse(kept.contains(token.substring(8)), "the data folder holds no usable token");
        }
    }

    @Test
    void anUnknownOrSomeoneElsesSessionIs1002(@TempDir Path dir) throws Exception {
        try (BackbeatServer server = BackbeatServer.start(ServeClient.options(dir.resolve("data")))) {
            ServeClient alice = new ServeClient(server.baseUri());
            ServeClient bob = new ServeClient(server.baseUri());
            String aliceToken = alice.token();
            String bobToken = bob.token();
            String sid = alice.session(aliceToken);
            HttpResponse<String> unknown = alice.get("/api/state/nemo_agent/me/sess_nosuchsession/latest", aliceToken);
            assertEquals(1002, code(unknown));
            HttpResponse<String> notHers = bob.get("/api/state/nemo_agent/me/" + sid + "/latest", bobToken);
            assertEquals(1002, code(notHers), "another user's session does not exist for bob");
            HttpResponse<String> chat = bob.post("/run_sse", bobToken, "{\"session_id\":\"" + sid
                    + "\",\"new_message\":{\"parts\":[{\"text\":\"calm\"}]}}");
            assertEquals(1002, code(chat));
            HttpResponse<String> up = bob.upload(bobToken, "sess_nosuchsession", "a.mp4", new byte[100]);
            assertEquals(1002, code(up));
            assertEquals(0, code(alice.get("/api/state/nemo_agent/me/" + sid + "/latest", aliceToken)));
        }
    }

    @Test
    void anUnsupportedTypeIs4001AndNothingIsKept(@TempDir Path dir) throws Exception {
        try (BackbeatServer server = BackbeatServer.start(ServeClient.options(dir.resolve("data")))) {
            ServeClient c = new ServeClient(server.baseUri());
            String token = c.token();
            String sid = c.session(token);
            HttpResponse<String> text = c.upload(token, sid, "notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
            assertEquals(4001, code(text), text.body());
            assertTrue(ServeClient.json(text).get("message").getAsString().contains("mp4"), "says what is accepted");
            HttpResponse<String> song = c.upload(token, sid, "song.mp3", new byte[2000]);
            assertEquals(4001, code(song));
            // named like a video, but not one: the engine's reading refuses it
            HttpResponse<String> fake = c.upload(token, sid, "fake.mp4", "not a video at all".repeat(100).getBytes(StandardCharsets.UTF_8));
            assertEquals(4001, code(fake), fake.body());
            try (Stream<Path> left = Files.list(dir.resolve("data/sessions").resolve(sid).resolve("uploads"))) {
                assertEquals(List.of(), left.toList());
            }
        }
    }

    @Test
    void aFileOverTheLimitIs4002AndNothingIsKept(@TempDir Path dir) throws Exception {
        ServeOptions small = ServeClient.options(dir.resolve("data")).withMaxUploadBytes(64 * 1024);
        try (BackbeatServer server = BackbeatServer.start(small)) {
            ServeClient c = new ServeClient(server.baseUri());
            String token = c.token();
            String sid = c.session(token);
            HttpResponse<String> big = c.upload(token, sid, "big.mp4", new byte[300 * 1024]);
            assertEquals(413, big.statusCode());
            assertEquals(4002, code(big), big.body());
            try (Stream<Path> left = Files.list(dir.resolve("data/sessions").resolve(sid).resolve("uploads"))) {
                assertEquals(List.of(), left.toList(), "the partial file is gone");
            }
            HttpResponse<String> viaUrl = c.post("/api/upload-video/nemo_agent/me/" + sid, token,
                    "{\"urls\":[\"" + writeBytes(dir.resolve("big2.mp4"), 100 * 1024).toUri() + "\"],\"source_type\":\"url\"}");
            assertEquals(4002, code(viaUrl));
            HttpResponse<String> web = c.post("/api/upload-video/nemo_agent/me/" + sid, token,
                    "{\"urls\":[\"https://example.com/clip.mp4\"],\"source_type\":\"url\"}");
            assertEquals(422, web.statusCode());
            assertTrue(ServeClient.json(web).get("message").getAsString().contains("offline"), web.body());
        }
    }

    private static Path writeBytes(Path p, int n) throws Exception {
        return Files.write(p, new byte[n]);
    }

    @Test
    void pastTheRateA429(@TempDir Path dir) throws Exception {
        ServeOptions strict = ServeClient.options(dir.resolve("data")).withRate(5, 0.2);
        try (BackbeatServer server = BackbeatServer.start(strict)) {
            ServeClient c = new ServeClient(server.baseUri());
            String token = c.token();
            for (int i = 0; i < 5; i++) {
                assertEquals(200, c.get("/api/credits/balance/simple", token).statusCode());
            }
            HttpResponse<String> limited = c.get("/api/credits/balance/simple", token);
            assertEquals(429, limited.statusCode());
            assertEquals(429, code(limited));
            assertTrue(limited.headers().firstValue("Retry-After").isPresent());
            // the allowance is per token: another token is not held back
            String other = new ServeClient(server.baseUri()).token();
            assertEquals(200, c.get("/api/credits/balance/simple", other).statusCode());
        }
    }

    /** Sends the request line exactly as written (no client normalises it), returns status line and body. */
    private static String raw(URI base, String target, String token) throws Exception {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void traversalIsRefusedWhateverTheEncoding(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-4711");
        Path data = dir.resolve("data");
        try (BackbeatServer server = BackbeatServer.start(ServeClient.options(data))) {
            ServeClient c = new ServeClient(server.baseUri());
            String token = c.token();
            String sid = c.session(token);
            Path clip = ServeClient.clip(dir, "c.mp4", 2);
            // a file name that tries to climb out lands inside the session's uploads all the same
            JsonObject up = ServeClient.data(c.upload(token, sid, "../../../../escape.mp4", Files.readAllBytes(clip)));
            String fileId = up.getAsJsonArray("files").get(0).getAsJsonObject().get("id").getAsString();
            assertFalse(Files.exists(dir.resolve("escape.mp4")));
            assertFalse(Files.exists(data.resolve("escape.mp4")));
            try (Stream<Path> stored = Files.walk(data.resolve("sessions").resolve(sid).resolve("uploads"))) {
                assertTrue(stored.anyMatch(p -> p.getFileName().toString().equals("escape.mp4")));
            }
            assertEquals(200, c.get("/api/media/" + sid + "/" + fileId, token).statusCode(), "the upload itself is served");

            String secretPath = secret.toAbsolutePath().toString();
            List<String> attempts = List.of(
                    "/api/media/" + sid + "/../../../../secret.txt",
                    "/api/media/" + sid + "/%2e%2e/%2e%2e/%2e%2e/tokens.json",
                    "/api/media/" + sid + "/%2E%2E%2F%2E%2E%2Fsecret.txt",
                    "/api/media/" + sid + "/..%2f..%2f..%2fsecret.txt",
                    "/api/media/" + sid + "/%252e%252e%252fsecret.txt",
                    "/api/media/" + sid + "/..%5c..%5csecret.txt",
                    "/api/media/" + sid + "/" + fileId + "%00.txt",
                    "/api/media/" + sid + "/.",
                    "/api/media//" + secretPath.substring(1),
                    "/api/media/" + sid + "/" + secretPath,
                    "/api/render/proxy/..%2f..%2ftokens.json/download",
                    "/api/render/proxy/../../tokens.json/download",
                    "/api/state/nemo_agent/me/../../../tokens.json/latest",
                    "/api/state/nemo_agent/me/%2e%2e/latest",
                    "/../../../../" + secretPath.substring(1),
                    server.baseUri() + "/api/media/" + sid + "/../../../../secret.txt",
                    "/api/media/" + sid + "/\\..\\..\\secret.txt");
            for (String a : attempts) {
                String reply = raw(server.baseUri(), a, token);
                String status = reply.substring(0, reply.indexOf("\r\n"));
                assertTrue(status.matches("HTTP/1\\.1 4\\d\\d .*"), a + " -> " + status);
                assertFalse(reply.contains("TOP-SECRET"), a + " leaked the secret");
                assertFalse(reply.contains("expiresAt"), a + " leaked the token list");
            }

            // a stored file swapped for a link to something outside is not followed
            Path stored;
            try (Stream<Path> s = Files.walk(data.resolve("sessions").resolve(sid).resolve("uploads"))) {
                stored = s.filter(p -> p.getFileName().toString().equals("escape.mp4")).findFirst().orElseThrow();
            }
            Files.delete(stored);
            Files.createSymbolicLink(stored, secret);
            HttpResponse<String> linked = c.get("/api/media/" + sid + "/" + fileId, token);
            assertEquals(404, linked.statusCode());
            assertFalse(linked.body().contains("TOP-SECRET"));

            // the data folder is the owner's alone
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("tokens.json"))));
        }
    }

    @Test
    void twoSessionsWorkAtOnceEachWithItsOwnEngine(@TempDir Path dir) throws Exception {
        Path short2 = ServeClient.clip(dir, "two.mp4", 2);
        Path long3 = ServeClient.clip(dir, "three.mp4", 3);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (BackbeatServer server = BackbeatServer.start(ServeClient.options(dir.resolve("data")))) {
            List<Future<Path>> runs = new ArrayList<>();
            for (Path clip : List.of(short2, long3)) {
                runs.add(pool.submit(() -> {
                    ServeClient c = new ServeClient(server.baseUri());
                    String token = c.token();
                    String sid = c.session(token);
                    ServeClient.data(c.upload(token, sid, clip.getFileName().toString(), Files.readAllBytes(clip)));
                    String said = ServeClient.text(c.chat(token, sid, clip.equals(short2) ? "calm piano" : "upbeat pop"));
                    assertFalse(said.isBlank());
                    JsonObject state = ServeClient.data(c.get("/api/state/nemo_agent/me/" + sid + "/latest", token))
                            .getAsJsonObject("state");
                    assertEquals(1, state.getAsJsonArray("video_infos").size(), "only this session's clip");
                    assertEquals(clip.getFileName().toString(), state.getAsJsonArray("video_infos").get(0).getAsJsonObject()
                            .get("filename").getAsString());
                    String id = c.render(token, sid, "render_" + clip.getFileName().toString().replace(".mp4", ""));
                    JsonObject done = c.awaitRender(token, id, Duration.ofSeconds(150));
                    assertEquals("completed", done.get("status").getAsString(), done.toString());
                    return c.download(URI.create(done.getAsJsonObject("data").get("outputUrl").getAsString()).getPath(), token,
                            dir.resolve("out-" + clip.getFileName()));
                }));
            }
            Path a = runs.get(0).get();
            Path b = runs.get(1).get();
            ServeClient.assertValidMp4(a);
            ServeClient.assertValidMp4(b);
            double da = duration(a);
            double db = duration(b);
            assertEquals(2.0, da, 0.3);
            assertEquals(3.0, db, 0.3);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double duration(Path mp4) throws Exception {
        String probe = ServeClient.probe(mp4);
        return Arrays.stream(probe.split("[|\\n]")).filter(s -> s.startsWith("duration=")).mapToDouble(s ->
                Double.parseDouble(s.substring(9))).max().orElseThrow();
    }

    @Test
    void aRestartKeepsTheSessionAndItsFinishedRender(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path clip = ServeClient.clip(dir, "trip.mp4", 3);
        String token;
        String sid;
        String id;
        byte[] rendered;
        String draftBefore;
        try (BackbeatServer first = BackbeatServer.start(ServeClient.options(data))) {
            ServeClient c = new ServeClient(first.baseUri());
            token = c.token();
            sid = c.session(token);
            ServeClient.data(c.upload(token, sid, "trip.mp4", Files.readAllBytes(clip)));
            c.chat(token, sid, "calm piano");
            draftBefore = ServeClient.data(c.get("/api/state/nemo_agent/me/" + sid + "/latest", token))
                    .getAsJsonObject("state").get("draft").toString();
            id = c.render(token, sid, "render_before_restart");
            JsonObject done = c.awaitRender(token, id, Duration.ofSeconds(120));
            assertEquals("completed", done.get("status").getAsString(), done.toString());
            rendered = Files.readAllBytes(c.download("/api/render/proxy/" + id + "/download", token, dir.resolve("first.mp4")));
            c.render(token, sid, "render_cut_short"); // still running when the server stops
        }
        try (BackbeatServer second = BackbeatServer.start(ServeClient.options(data))) {
            assertEquals(1, second.sessionCount());
            java.io.IOException twice = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> BackbeatServer.start(ServeClient.options(data)).close());
            assertTrue(twice.getMessage().contains("Another backbeat serve"), twice.getMessage());
            ServeClient c = new ServeClient(second.baseUri());
            JsonObject state = ServeClient.data(c.get("/api/state/nemo_agent/me/" + sid + "/latest", token)).getAsJsonObject("state");
            assertEquals(draftBefore, state.get("draft").toString(), "the same timeline");
            assertEquals("trip.mp4", state.getAsJsonArray("video_infos").get(0).getAsJsonObject().get("filename").getAsString());
            JsonObject poll = ServeClient.json(c.get("/api/render/proxy/lambda/" + id, token));
            assertEquals("completed", poll.get("status").getAsString());
            JsonObject cut = ServeClient.json(c.get("/api/render/proxy/lambda/render_cut_short", token));
            assertEquals("failed", cut.get("status").getAsString(), cut.toString());
            assertTrue(cut.getAsJsonObject("data").get("error").getAsString().contains("server stopped"), cut.toString());
            byte[] again = Files.readAllBytes(c.download("/api/render/proxy/" + id + "/download", token, dir.resolve("again.mp4")));
            assertArrayEquals(rendered, again, "the finished render is served as it was");
            // the chat's brief came back with the clip: a new message builds on it
            List<String> events = c.chat(token, sid, "make it faster");
            assertFalse(ServeClient.text(events).isBlank(), events.toString());
            JsonObject after = ServeClient.data(c.get("/api/state/nemo_agent/me/" + sid + "/latest", token)).getAsJsonObject("state");
            assertNotEquals(draftBefore, after.get("draft").toString(), "the new message changed the timeline");
            String record = Files.readString(data.resolve("sessions").resolve(sid).resolve("session.json"));
            assertTrue(record.contains("calm piano") && record.contains("make it faster"), "the chat is kept");
            // a render id that exists is refused (409), as the protocol's clients expect
            HttpResponse<String> dup = c.post("/api/render/proxy/lambda", token, "{\"id\":\"" + id + "\",\"sessionId\":\"" + sid + "\"}");
            assertEquals(409, dup.statusCode());
        }
    }

    @Test
    void anIdleEngineIsPutAwayAndComesBackFromItsProject(@TempDir Path dir) throws Exception {
        Path clip = ServeClient.clip(dir, "a.mp4", 2);
        try (BackbeatServer server = BackbeatServer.start(ServeClient.options(dir.resolve("data")).withLoadedSessions(1))) {
            ServeClient c = new ServeClient(server.baseUri());
            String token = c.token();
            String first = c.session(token);
            ServeClient.data(c.upload(token, first, "a.mp4", Files.readAllBytes(clip)));
            c.chat(token, first, "calm piano");
            String before = ServeClient.data(c.get("/api/state/nemo_agent/me/" + first + "/latest", token)).toString();
            String second = c.session(token);
            ServeClient.data(c.upload(token, second, "a.mp4", Files.readAllBytes(clip)));
            assertEquals(1, server.openEngines(), "the first session's engine was put away");
            List<String> events = c.chat(token, first, "make it faster");
            assertFalse(ServeClient.text(events).isBlank(), events.toString());
            String after = ServeClient.data(c.get("/api/state/nemo_agent/me/" + first + "/latest", token)).toString();
            assertNotEquals(before, after);
            assertTrue(after.contains("a.mp4"), "the clip came back with the project: " + after);
            assertEquals(1, server.openEngines());
        }
    }
}

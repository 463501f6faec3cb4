package dev.backbeat.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's documented flow against {@code backbeat serve}, with the JDK HttpClient only. */
class ServeFlowTest {

    @Test
    void tokenSessionUploadChatStateRenderPollDownloadGivesA1080pMp4(@TempDir Path dir) throws Exception {
        Path clip = ServeClient.clip(dir, "beach.mp4", 4);
        try (BackbeatServer server = BackbeatServer.start(ServeClient.options(dir.resolve("data")))) {
            ServeClient c = new ServeClient(server.baseUri());
            HttpResponse<String> tokenReply = c.post("/api/auth/anonymous-token", null, "{}");
            JsonObject t = ServeClient.data(tokenReply);
            String token = t.get("token").getAsString();
            assertTrue(token.startsWith("nmv_usr_") && token.length() >= 8 + 43, "32 random bytes, base64url");
            assertTrue(t.get("user_id").getAsString().startsWith("anon_"));
            assertTrue(t.get("credits").getAsLong() > 0);

            String sid = c.session(token);
            assertTrue(sid.startsWith("sess_"));

            JsonObject up = ServeClient.data(c.upload(token, sid, "beach.mp4", Files.readAllBytes(clip)));
            JsonObject file = up.getAsJsonArray("files").get(0).getAsJsonObject();
            assertEquals("beach.mp4", file.get("filename").getAsString());
            assertEquals("video", file.get("file_type").getAsString());
            assertEquals(4.0, file.get("duration").getAsDouble(), 0.2);
            assertEquals(320, file.get("width").getAsInt());
            assertEquals(240, file.get("height").getAsInt());
            assertEquals(64, file.get("hash").getAsString().length());
            assertTrue(file.get("cdn_url").getAsString().startsWith(server.baseUri().toString()));

            List<String> events = c.chat(token, sid, "upbeat pop");
            String said = ServeClient.text(events);
            assertFalse(said.isBlank(), "the chat answered in words: " + events);
            assertTrue(events.stream().anyMatch(e -> e.contains("\"type\":\"tool_result\"")), "the timeline change is told: " + events);

            JsonObject credits = ServeClient.data(c.get("/api/credits/balance/simple", token));
            assertTrue(credits.get("available").getAsLong() >= 1000);
            assertEquals(0, credits.get("frozen").getAsLong());

            JsonObject state = ServeClient.data(c.get("/api/state/nemo_agent/me/" + sid + "/latest", token)).getAsJsonObject("state");
            JsonArray tracks = state.getAsJsonObject("draft").getAsJsonArray("t");
            assertTrue(tracks.asList().stream().anyMatch(x -> x.getAsJsonObject().get("tt").getAsInt() == 0
                    && x.getAsJsonObject().getAsJsonArray("sg").size() > 0), "a video track: " + tracks);
            assertTrue(tracks.asList().stream().anyMatch(x -> x.getAsJsonObject().get("tt").getAsInt() == 1), "a music track: " + tracks);
            long videoMs = tracks.get(0).getAsJsonObject().getAsJsonArray("sg").get(0).getAsJsonObject().get("d").getAsLong();
            assertEquals(4000, videoMs, 200);
            assertEquals(1, state.getAsJsonArray("video_infos").size());
            assertTrue(state.getAsJsonArray("generated_media").asList().stream()
                    .anyMatch(m -> m.getAsJsonObject().get("file_type").getAsString().equals("audio")));

            String id = c.render(token, sid, "render_" + System.currentTimeMillis());
            JsonObject done = c.awaitRender(token, id, Duration.ofSeconds(120));
            JsonObject data = done.getAsJsonObject("data");
            assertEquals("completed", data.get("status").getAsString(), done.toString());
            assertEquals(100, data.get("progress").getAsInt());
            String url = data.get("outputUrl").getAsString();
            assertEquals(url, done.getAsJsonObject("output").get("url").getAsString(), "output.url at the top as well");
            assertEquals("completed", done.get("status").getAsString());
            URI u = URI.create(url);
            assertEquals(server.baseUri().getPort(), u.getPort(), "the download is on the same server");
            assertEquals("/api/render/proxy/" + id + "/download", u.getPath());

            Path mp4 = c.download(u.getPath(), token, dir.resolve("out.mp4"));
            ServeClient.assertValidMp4(mp4);

            JsonObject after = ServeClient.data(c.get("/api/state/nemo_agent/me/" + sid + "/latest", token)).getAsJsonObject("state");
            assertTrue(after.getAsJsonArray("generated_media").toString().contains(id + ".mp4"), "the render is listed: " + after);
            assertTrue(JsonParser.parseString(events.get(events.size() - 1)).isJsonObject());
        }
    }

    @Test
    void aFileAddressUploadsAndAChatQueuedBehindARenderHearsHeartbeats(@TempDir Path dir) throws Exception {
        Path clip = ServeClient.clip(dir, "local clip.mp4", 3);
        try (BackbeatServer server = BackbeatServer.start(ServeClient.options(dir.resolve("data")))) {
            ServeClient c = new ServeClient(server.baseUri());
            String token = c.token();
            String sid = c.session(token);
            HttpResponse<String> up = c.post("/api/upload-video/nemo_agent/me/" + sid, token,
                    "{\"urls\":[\"" + clip.toUri() + "\"],\"source_type\":\"url\"}");
            JsonObject file = ServeClient.data(up).getAsJsonArray("files").get(0).getAsJsonObject();
            assertEquals("local_clip.mp4", file.get("filename").getAsString());
            assertEquals(3.0, file.get("duration").getAsDouble(), 0.2);
            assertTrue(Files.exists(clip), "the original stays where it was (a copy is kept in the session)");

            String id = c.render(token, sid, "render_first");
            // a second render waits behind the first in the session's queue, and can be withdrawn there
            String second = c.render(token, sid, "render_second");
            HttpResponse<String> cancel = c.post("/api/render/proxy/lambda/" + second + "/cancel", token, "{}");
            assertEquals(200, cancel.statusCode(), cancel.body());
            JsonObject withdrawn = c.awaitRender(token, second, Duration.ofSeconds(30));
            assertEquals("cancelled", withdrawn.get("status").getAsString(), withdrawn.toString());
            assertFalse(Files.exists(dir.resolve("data/sessions").resolve(sid).resolve("renders/render_second.mp4")));
            // the session's queue is busy with the export: the chat waits its turn, and the stream says it is alive
            List<String> events = c.chat(token, sid, "add the title 'Summer' for 2 s");
            JsonObject poll = ServeClient.json(c.get("/api/render/proxy/lambda/" + id, token));
            assertTrue(events.stream().anyMatch(e -> e.equals("{\"type\":\"heartbeat\"}")), events.toString());
            assertFalse(ServeClient.text(events).isBlank());
            assertEquals("completed", poll.get("status").getAsString(), "the render ran first: " + poll);
            JsonObject state = ServeClient.data(c.get("/api/state/nemo_agent/me/" + sid + "/latest", token)).getAsJsonObject("state");
            assertTrue(state.getAsJsonObject("draft").getAsJsonArray("t").asList().stream()
                    .anyMatch(t -> t.getAsJsonObject().get("tt").getAsInt() == 7), "a title track: " + state);
        }
    }
}

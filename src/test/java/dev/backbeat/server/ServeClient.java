package dev.backbeat.server;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Ffmpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The seed's documented flow, call by call, with nothing but the JDK's HttpClient (as a script with curl would). */
final class ServeClient {
    final URI base;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String clientId = UUID.randomUUID().toString();

    ServeClient(URI base) {
        this.base = base;
    }

    /** A short clip with sound: 4:3 and small, so the export draws it anew into a 1080p frame. */
    static Path clip(Path dir, String name, double seconds) {
        return Fixtures.make(dir.resolve(name), "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=48000:duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
    }

    static ServeOptions options(Path data) {
        return ServeOptions.defaults(data).withAddress("127.0.0.1", 0).withHeartbeatEvery(Duration.ofMillis(300));
    }

    HttpRequest.Builder call(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("X-Skill-Source", "automatic-music-generator").header("X-Skill-Version", "test")
                .header("X-Skill-Platform", "unknown").header("X-Client-Id", clientId);
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    static JsonObject data(HttpResponse<String> r) {
        JsonObject root = json(r);
        assertEquals(200, r.statusCode(), r.body());
        return root.getAsJsonObject("data");
    }

    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return send(call(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(call(path, token).GET().build());
    }

    String token() throws IOException, InterruptedException {
        return data(post("/api/auth/anonymous-token", null, "{}")).get("token").getAsString();
    }

    String session(String token) throws IOException, InterruptedException {
        return data(post("/api/tasks/me/with-session/nemo_agent", token, "{\"task_name\":\"project\",\"language\":\"en\"}"))
                .get("session_id").getAsString();
    }

    /** A multipart body as curl -F files=@clip.mp4 sends it. */
    static byte[] multipart(String boundary, String filename, byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename
                + "\"\r\nContent-Type: video/mp4\r\n\r\n";
        b.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(content);
        b.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    HttpResponse<String> upload(String token, String sid, String filename, byte[] content) throws IOException, InterruptedException {
        String boundary = "------------------------" + UUID.randomUUID().toString().replace("-", "");
        return send(call("/api/upload-video/nemo_agent/me/" + sid, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, filename, content))).build());
    }

    /** The chat turn's data lines, read until the server closes the stream. */
    List<String> chat(String token, String sid, String text) throws IOException, InterruptedException {
        JsonObject part = new JsonObject();
        part.addProperty("text", text);
        String body = "{\"app_name\":\"nemo_agent\",\"user_id\":\"me\",\"session_id\":\"" + sid
                + "\",\"new_message\":{\"parts\":[" + part + "]}}";
        HttpResponse<java.util.stream.Stream<String>> r = http.send(call("/run_sse", token)
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        return r.body().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).trim()).collect(Collectors.toList());
    }

    /** The text events of a turn, joined as the user reads them. */
    static String text(List<String> events) {
        StringBuilder sb = new StringBuilder();
        for (String e : events) {
            JsonObject o = JsonParser.parseString(e).getAsJsonObject();
            if (o.get("type").getAsString().equals("text")) {
                sb.append(o.get("content").getAsString());
            }
        }
        return sb.toString();
    }

    String render(String token, String sid, String id) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/render/proxy/lambda", token, "{\"id\":\"" + id + "\",\"sessionId\":\"" + sid
                + "\",\"draft\":{},\"output\":{\"format\":\"mp4\",\"quality\":\"high\"}}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(json(r).get("success").getAsBoolean());
        return json(r).getAsJsonObject("data").get("id").getAsString();
    }

    /** Polls until the render is done; returns the last poll's reply. */
    JsonObject awaitRender(String token, String id, Duration within) throws IOException, InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            JsonObject root = json(get("/api/render/proxy/lambda/" + id, token));
            String status = root.getAsJsonObject("data").get("status").getAsString();
            if (status.equals("completed") || status.equals("failed") || status.equals("cancelled")) {
                return root;
            }
            Thread.sleep(250);
        }
        fail("render " + id + " not done within " + within);
        return null;
    }

    Path download(String url, String token, Path target) throws IOException, InterruptedException {
        HttpResponse<Path> r = http.send(call(url, token).GET().build(), HttpResponse.BodyHandlers.ofFile(target));
        assertEquals(200, r.statusCode());
        return target;
    }

    /** "codec_type=video|codec_name=h264|width=1920|height=1080" lines, one a stream. */
    static String probe(Path file) throws IOException, InterruptedException {
        Process p = Fixtures.ffmpeg().builder(Ffmpeg.Tool.FFPROBE, List.of("-v", "error", "-show_entries",
                "stream=codec_type,codec_name,width,height:format=duration", "-of", "compact", file.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    static void assertValidMp4(Path file) throws IOException, InterruptedException {
        assertTrue(Files.size(file) > 10_000, "tiny file: " + Files.size(file));
        String probe = probe(file);
        List<java.util.Map<String, String>> streams = probe.lines().filter(l -> l.startsWith("stream|")).map(l -> {
            java.util.Map<String, String> m = new java.util.HashMap<>();
            for (String kv : l.split("\\|")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    m.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            return m;
        }).toList();
        assertTrue(streams.stream().anyMatch(m -> "video".equals(m.get("codec_type")) && "h264".equals(m.get("codec_name"))
                && "1920".equals(m.get("width")) && "1080".equals(m.get("height"))), probe);
        assertTrue(streams.stream().anyMatch(m -> "audio".equals(m.get("codec_type")) && "aac".equals(m.get("codec_name"))), probe);
    }
}

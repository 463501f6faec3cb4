package dev.backbeat.service.cloud;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Shared stubs and settings for the WireMock tests: every wait shrunk to milliseconds. */
final class CloudFixture {
    static final String TOKEN = "nmv_usr_S3cretT0kenForTests0001";
    static final String TOKEN_2 = "nmv_usr_S3cretT0kenForTests0002";
    static final String SESSION = "sess_alpha";
    static final String VIDEO_ONLY = "{\"t\":[{\"tt\":0,\"sg\":[{\"d\":10000,\"m\":{\"title\":\"city timelapse\"}}]}]}";
    static final String WITH_BGM = "{\"t\":[{\"tt\":0,\"sg\":[{\"d\":10000,\"m\":{\"title\":\"city timelapse\"}}]},"
            + "{\"tt\":1,\"sg\":[{\"d\":10000,\"m\":{\"title\":\"Lo-fi\",\"volume\":0.35}}],\"keep\":\"me\"}],\"x\":1}";

    /** Every log line of the cloud package, from every test, for the leak check. */
    static final List<String> LOGS = Collections.synchronizedList(new ArrayList<>());
    private static final Handler CAPTURE = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord r) {
            LOGS.add(format.format(r));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static final Logger CLOUD_LOGGER = Logger.getLogger("dev.backbeat.service.cloud");

    static {
        CLOUD_LOGGER.setLevel(Level.ALL);
        CLOUD_LOGGER.addHandler(CAPTURE);
        CLOUD_LOGGER.setUseParentHandlers(false);
    }

    private CloudFixture() {
    }

    static CloudConfig config(String baseUrl, Path dir) {
        return CloudConfig.defaults(dir).withApiBase(URI.create(baseUrl)).withLanguage("en")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(2))
                .withStillWorkingEvery(Duration.ofMillis(150)).withPollInterval(Duration.ofMillis(20))
                .withRateLimitWait(Duration.ofMillis(60)).withRetryDelay(Duration.ofMillis(10))
                .withRenderTimeout(Duration.ofSeconds(10));
    }

    static CloudConfig config(WireMockRuntimeInfo wm, Path dir) {
        return config(wm.getHttpBaseUrl(), dir);
    }

    static CloudBackend backend(CloudConfig config) {
        return new CloudBackend(config, HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build(), Clock.systemUTC());
    }

    static String ok(String dataJson) {
        return "{\"code\":0,\"data\":" + dataJson + "}";
    }

    static String err(int code, String message) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
    }

    static void stubToken(String token) {
        stubFor(post(urlPathEqualTo("/api/auth/anonymous-token")).willReturn(WireMock.okJson(ok(
                "{\"token\":\"" + token + "\",\"user_id\":\"anon_1\",\"expires_at\":\"2099-01-01T00:00:00Z\",\"credits\":100}"))));
    }

    static void stubSession(String sid) {
        stubFor(post(urlPathEqualTo("/api/tasks/me/with-session/nemo_agent")).willReturn(WireMock.okJson(ok(
                "{\"task_id\":\"task_1\",\"session_id\":\"" + sid + "\",\"user_id\":\"anon_1\"}"))));
    }

    static void stubState(String sid, String draftJson) {
        stubFor(get(urlPathEqualTo("/api/state/nemo_agent/me/" + sid + "/latest")).willReturn(WireMock.okJson(ok(
                "{\"state\":{\"draft\":" + draftJson + ",\"video_infos\":[{\"filename\":\"clip.mp4\",\"file_type\":\"video\","
                        + "\"cdn_url\":\"https://cdn.example/clip.mp4\",\"duration\":10.0,\"width\":1920,\"height\":1080,"
                        + "\"fps\":30}],\"generated_media\":[],\"canvas_config\":{}}}"))));
    }

    static void stubBasics() {
        stubToken(TOKEN);
        stubSession(SESSION);
        stubState(SESSION, VIDEO_ONLY);
    }

    static String sse(String... dataLines) {
        StringBuilder sb = new StringBuilder();
        for (String d : dataLines) {
            sb.append("data: ").append(d).append("\n\n");
        }
        return sb.toString();
    }

    static void stubChat(String body) {
        stubFor(post(urlPathEqualTo("/run_sse")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(body)));
    }
}

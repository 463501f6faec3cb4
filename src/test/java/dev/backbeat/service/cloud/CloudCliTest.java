package dev.backbeat.service.cloud;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.backbeat.cli.CloudCommandRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.backbeat.service.cloud.CloudFixture.SESSION;
import static dev.backbeat.service.cloud.CloudFixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "backbeat cloud" commands as separate runs sharing one config folder, with their exit codes. */
class CloudCliTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .configureStaticDsl(true).build();

    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void setUp() throws Exception {
        CloudFixture.stubBasics();
        config = dir.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve(CloudConfig.SETTINGS_FILE), "poll_interval_seconds=0.02\nrate_limit_wait_seconds=0.05\n");
    }

    private CloudCommandRunner.Result cli(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--api-base";
        all[1] = wm.baseUrl();
        all[2] = "--config-dir";
        all[3] = config.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return CloudCommandRunner.run(Map.of(), all);
    }

    @Test
    void uploadThenChatThenExportAsSeparateRuns() throws Exception {
        stubFor(post(urlPathEqualTo("/api/upload-video/nemo_agent/me/" + SESSION)).willReturn(okJson(ok(
                "{\"files\":[{\"filename\":\"clip.mp4\",\"file_type\":\"video\",\"duration\":10,\"width\":1920,\"height\":1080}]}"))));
        CloudFixture.stubChat(CloudFixture.sse("{\"type\":\"text\",\"content\":\"Added lo-fi. Click Export when ready.\"}"));
        stubFor(post(urlPathEqualTo("/api/render/proxy/lambda")).willReturn(okJson("{\"success\":true,\"data\":{\"id\":\"render_1\"}}")));
        stubFor(get(urlPathEqualTo("/api/render/proxy/lambda/render_1")).willReturn(okJson(
                "{\"success\":true,\"data\":{\"status\":\"completed\",\"outputUrl\":\"/f/o.mp4\"}}")));
        stubFor(get(urlPathEqualTo("/f/o.mp4")).willReturn(aResponse().withBody("VIDEO")));
        Path clip = Files.writeString(dir.resolve("clip.mp4"), "fake video");

        var login = cli("login");
        assertEquals(0, login.code(), login.err());
        assertTrue(login.out().contains("Connected to the NemoVideo cloud"), login.out());

        var upload = cli("upload", clip.toString());
        assertEquals(0, upload.code(), upload.err());
        assertTrue(upload.out().contains("Uploaded clip.mp4 (video, 10.0 s, 1920x1080)"), upload.out());

        var chat = cli("chat", "add lo-fi music");
        assertEquals(0, chat.code(), chat.err());
        assertTrue(chat.out().contains("Added lo-fi. Type \"export\" when ready."), chat.out());

        var status = cli("status");
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().contains("Timeline (1 track): 1. Video: city timelapse (0-10s)"), status.out());

        Path out = dir.resolve("o.mp4");
        var export = cli("export", "-o", out.toString());
        assertEquals(0, export.code(), export.err());
        assertEquals("VIDEO", Files.readString(out));
        assertTrue(export.out().contains("Saved " + out), export.out());

        var resume = cli("resume");
        assertEquals(0, resume.code());
        assertTrue(resume.out().contains("No unfinished exports."));

        verify(1, postRequestedFor(urlPathEqualTo("/api/tasks/me/with-session/nemo_agent")));
        verify(1, postRequestedFor(urlPathEqualTo("/api/auth/anonymous-token")));
        verify(1, postRequestedFor(urlPathEqualTo("/run_sse")));
    }

    @Test
    void chatRoutesCreditsWithoutTheStream() {
        stubFor(get(urlPathEqualTo("/api/credits/balance/simple")).willReturn(okJson(ok("{\"available\":42,\"frozen\":0,\"total\":100}"))));
        var r = cli("chat", "how many credits do I have?");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Credits: 42 available"), r.out());
        verify(0, postRequestedFor(urlPathEqualTo("/run_sse")));
    }

    @Test
    void exitCodesPerOutcome() throws Exception {
        Path txt = Files.writeString(dir.resolve("notes.txt"), "x");
        assertEquals(2, cli("upload", txt.toString()).code());

        stubFor(post(urlPathEqualTo("/api/render/proxy/lambda")).willReturn(aResponse().withStatus(402)));
        var plan = cli("export", "-o", dir.resolve("x.mp4").toString());
        assertEquals(6, plan.code());
        assertTrue(plan.err().contains("not available on the free plan"), plan.err());

        stubFor(get(urlPathEqualTo("/api/credits/balance/simple")).willReturn(okJson(CloudFixture.err(2001, "none"))));
        var credits = cli("credits");
        assertEquals(6, credits.code());
        assertTrue(credits.err().contains("?bind="), credits.err());

        stubFor(post(urlPathEqualTo("/run_sse")).willReturn(aResponse().withStatus(503)));
        assertEquals(4, cli("chat", "make it epic").code());

        stubFor(get(urlPathMatching("/api/state/.*")).willReturn(okJson(CloudFixture.err(1002, "gone"))));
        var lost = cli("status");
        assertEquals(8, lost.code());
        assertTrue(lost.err().contains("new one was started"), lost.err());

        var unreachable = CloudCommandRunner.run(Map.of(), "--api-base", "http://127.0.0.1:9", "--config-dir",
                dir.resolve("other").toString(), "credits");
        assertEquals(3, unreachable.code(), unreachable.err());
        assertTrue(unreachable.err().contains("Could not reach"), unreachable.err());
    }

    @Test
    void helpListsTheExitCodes() {
        var help = CloudCommandRunner.run(Map.of(), "--help");
        assertEquals(0, help.code());
        for (String line : List.of("Exit codes:", "network problem", "out of credits", "login", "resume")) {
            assertTrue(help.out().contains(line), help.out());
        }
    }
}

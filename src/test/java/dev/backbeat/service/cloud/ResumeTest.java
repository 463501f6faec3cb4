package dev.backbeat.service.cloud;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app closes mid-render; the next client on the same config folder finishes the job. */
class ResumeTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .configureStaticDsl(true).build();

    @TempDir
    Path dir;

    @Test
    void aNewClientResumesPollingAndDownloads() throws Exception {
        CloudFixture.stubBasics();
        stubFor(post(urlPathEqualTo("/api/render/proxy/lambda")).willReturn(okJson("{\"success\":true,\"data\":{\"id\":\"render_77\"}}")));
        stubFor(get(urlPathEqualTo("/api/render/proxy/lambda/render_77")).willReturn(okJson(
                "{\"success\":true,\"data\":{\"status\":\"processing\",\"progress\":30}}")));
        CloudConfig config = CloudFixture.config(wm.getRuntimeInfo(), dir.resolve("config"));
        Path target = dir.resolve("final.mp4");

        CloudBackend first = CloudFixture.backend(config);
        CompletableFuture<ExportResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return first.export(ExportRequest.to(target), p -> { }, CancelToken.none());
            } catch (BackendException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.currentTimeMillis() + 5_000;
        while (wm.findAll(getRequestedFor(urlPathEqualTo("/api/render/proxy/lambda/render_77"))).size() < 3) {
            assertTrue(System.currentTimeMillis() < deadline, "the first client never polled");
            Thread.sleep(10);
        }
        first.close();
        ExecutionException dropped = assertThrows(ExecutionException.class, () -> running.get(5, TimeUnit.SECONDS));
        BackendException why = assertInstanceOf(BackendException.class, dropped.getCause().getCause());
        assertTrue(why.getMessage().contains("picked up at the next start"), why.getMessage());
        assertTrue(Files.readString(config.configDir().resolve(RenderJobStore.FILE)).contains("render_77"));
        assertTrue(Files.notExists(target));

        byte[] video = new byte[150_000];
        new java.util.Random(4).nextBytes(video);
        stubFor(get(urlPathEqualTo("/api/render/proxy/lambda/render_77")).willReturn(okJson(
                "{\"success\":true,\"data\":{\"status\":\"completed\",\"progress\":100,\"outputUrl\":\"/out/77.mp4\"}}")));
        stubFor(get(urlPathEqualTo("/out/77.mp4")).willReturn(aResponse().withBody(video)));

        CloudBackend second = CloudFixture.backend(config);
        assertEquals(1, second.pendingExports().size());
        List<ExportResult> done = second.resumeExports(p -> { }, CancelToken.none());
        assertEquals(1, done.size());
        assertEquals(target.toAbsolutePath(), done.get(0).file());
        assertArrayEquals(video, Files.readAllBytes(target));
        assertTrue(second.pendingExports().isEmpty());
        assertEquals(List.of("final.mp4"), CloudEndpointsTest.listing(dir));
        verify(1, postRequestedFor(urlPathEqualTo("/api/render/proxy/lambda")));
        verify(0, postRequestedFor(urlPathMatching(".*/cancel")));
    }
}

package dev.backbeat.server;

import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.Credits;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.ProgressListener;
import dev.backbeat.service.SessionState;
import dev.backbeat.service.cloud.CloudBackend;
import dev.backbeat.service.cloud.CloudConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our own cloud client, unchanged, against {@code backbeat serve} instead of the vendor's service. */
class CloudBackendAgainstServeTest {

    @Test
    void uploadChatStateExportWritesA1080pMp4(@TempDir Path dir) throws Exception {
        Path clip = ServeClient.clip(dir, "street.mp4", 3);
        try (BackbeatServer server = BackbeatServer.start(ServeClient.options(dir.resolve("data")))) {
            CloudConfig config = CloudConfig.defaults(dir.resolve("client")).withApiBase(server.baseUri()).withLanguage("en")
                    .withPollInterval(Duration.ofMillis(200)).withRenderTimeout(Duration.ofMinutes(2))
                    .withStillWorkingEvery(Duration.ofSeconds(30));
            try (CloudBackend cloud = new CloudBackend(config)) {
                String hello = cloud.connect(ProgressListener.none());
                assertTrue(hello.startsWith("Connected"), hello);

                List<MediaInfo> up = cloud.upload(List.of(clip), ProgressListener.none(), CancelToken.none());
                assertEquals(1, up.size());
                assertEquals("street.mp4", up.get(0).name());
                assertEquals(3000, up.get(0).durationMs(), 200);

                List<ChatEvent> events = new ArrayList<>();
                cloud.chat("upbeat pop", events::add, CancelToken.none());
                assertInstanceOf(ChatEvent.Done.class, events.get(events.size() - 1), events.toString());
                String said = events.stream().filter(e -> e instanceof ChatEvent.Text).map(e -> ((ChatEvent.Text) e).chunk())
                        .collect(Collectors.joining());
                assertFalse(said.isBlank(), events.toString());
                assertTrue(events.stream().noneMatch(e -> e instanceof ChatEvent.Failed), events.toString());

                SessionState state = cloud.state();
                assertTrue(state.draft().isExportable());
                assertTrue(state.draft().tracks().size() >= 2, state.draft().summary());
                assertTrue(state.media().stream().anyMatch(m -> m.name().equals("street.mp4") && m.width() == 320));

                Credits credits = cloud.credits();
                assertTrue(credits.available() > 0);

                Path target = dir.resolve("out").resolve("street-scored.mp4");
                Files.createDirectories(target.getParent());
                List<String> stages = new ArrayList<>();
                ExportResult done = cloud.export(ExportRequest.to(target), p -> stages.add(p.stage()), CancelToken.none());
                assertEquals(target, done.file());
                ServeClient.assertValidMp4(target);
                assertTrue(stages.contains("Downloading"), stages.toString());
                assertTrue(cloud.pendingExports().isEmpty(), "the render was picked up and forgotten");
            }
        }
    }
}

package dev.backbeat.service.local;

import dev.backbeat.draft.DraftCodec;
import dev.backbeat.engine.Fixtures;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;
import dev.backbeat.service.JobQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A chat sent while an export runs waits in the session's queue, says so, and can be withdrawn. */
class ChatDuringExportTest {
    @TempDir
    Path dir;

    @Test
    void aChatDuringAnExportIsQueuedShownAsQueuedAndCanBeWithdrawn() throws Exception {
        Path clip = Fixtures.make(dir.resolve("c.mp4"), "-f", "lavfi", "-i", "color=c=green:s=160x90:r=25:d=3,format=yuv420p",
                "-f", "lavfi", "-i", "sine=f=330:d=3", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        try (LocalBackend backend = new LocalBackend(new FfmpegSource(null))) {
            backend.upload(List.of(clip), (n, f) -> { }, CancelToken.none());
            String draftBefore = DraftCodec.encode(backend.state().draft()).toString();
            JobQueue jobs = backend.jobs().orElseThrow();
            CountDownLatch exporting = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<ExportResult> export = CompletableFuture.supplyAsync(() -> {
                try {
                    return backend.export(new ExportRequest(dir.resolve("out.mp4"), "auto", -14), p -> {
                        exporting.countDown();
                        await(release); // the export is held here until the chat has been seen waiting
                    }, CancelToken.none());
                } catch (BackendException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(exporting.await(60, TimeUnit.SECONDS));

            List<ChatEvent> events = new CopyOnWriteArrayList<>();
            CancelToken withdraw = new CancelToken();
            CompletableFuture<Void> chat = CompletableFuture.runAsync(() -> backend.chat("calmer", events::add, withdraw));
            waitFor(() -> jobs.jobs().size() == 2);
            List<JobQueue.JobView> line = jobs.jobs();
            assertEquals("Export", line.get(0).label());
            assertEquals(JobQueue.State.RUNNING, line.get(0).state());
            assertEquals("exporting", line.get(0).doing());
            assertEquals("Chat: calmer", line.get(1).label());
            assertEquals(JobQueue.State.QUEUED, line.get(1).state());
            ChatEvent.Progress said = assertInstanceOf(ChatEvent.Progress.class, events.get(0));
            assertTrue(said.note().startsWith("Queued"), said.note());

            assertTrue(jobs.cancel(line.get(1).id()));
            chat.get(10, TimeUnit.SECONDS);
            ChatEvent.Failed failed = assertInstanceOf(ChatEvent.Failed.class, events.get(events.size() - 1));
            assertEquals(BackendException.Kind.CANCELLED, failed.error().kind());
            assertEquals(1, jobs.jobs().size(), "the withdrawn chat left the line; the export runs on");

            release.countDown();
            Path out = export.get(120, TimeUnit.SECONDS).file();
            assertTrue(Files.size(out) > 0);
            assertEquals(draftBefore, DraftCodec.encode(backend.state().draft()).toString(), "the withdrawn chat changed nothing");
            assertTrue(jobs.jobs().isEmpty());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out waiting");
            Thread.sleep(10);
        }
    }
}

package dev.backbeat.service.local;

import com.sun.net.httpserver.HttpServer;
import dev.backbeat.engine.Fixtures;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.MediaInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Links the user gave, fetched from a server on loopback: what is kept, what is refused, and nothing left behind. */
class LinkFetcherTest {
    @TempDir
    static Path dir;
    static HttpServer server;
    static String base;
    static byte[] clip;
    static final List<Double> shown = new ArrayList<>();

    @BeforeAll
    static void serve() throws Exception {
        clip = Files.readAllBytes(Fixtures.make(dir.resolve("src.mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x240:r=30:d=3",
                "-f", "lavfi", "-i", "sine=f=330:d=3", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/clips/harbour.mp4", x -> send(x, 200, "video/mp4", clip, null));
        server.createContext("/noname", x -> send(x, 200, "application/octet-stream", clip, null));
        server.createContext("/named", x -> send(x, 200, "video/mp4", clip, "attachment; filename=\"../../evil/.hidden trip.mp4\""));
        server.createContext("/page.mp4", x -> send(x, 200, "text/html", "<!doctype html><p>watch</p>".getBytes(), null));
        server.createContext("/notes.mp4", x -> send(x, 200, "application/octet-stream",
                "just some text, not a video at all, long enough".getBytes(), null));
        server.createContext("/gone.mp4", x -> send(x, 404, "text/plain", "no".getBytes(), null));
        server.createContext("/huge.mp4", x -> {
            x.getResponseHeaders().add("Content-Type", "video/mp4");
            x.sendResponseHeaders(200, 600L * 1024 * 1024); // says 600 MB: refused before a byte is read
            x.close();
        });
        server.createContext("/endless.mp4", x -> {
            // no length given: the limit is checked while the bytes come
            x.getResponseHeaders().add("Content-Type", "video/mp4");
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                out.write(clip, 0, 64);
                byte[] more = new byte[64 * 1024];
                for (int i = 0; i < 200; i++) {
                    out.write(more);
                }
            } catch (IOException ignored) {
                // the client hung up, as it should
            }
        });
        server.createContext("/stalls.mp4", x -> {
            x.getResponseHeaders().add("Content-Type", "video/mp4");
            x.sendResponseHeaders(200, clip.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(clip, 0, 4096);
                out.flush();
                Thread.sleep(5000);
            } catch (IOException | InterruptedException ignored) {
                // the client gave up, as it should
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void send(com.sun.net.httpserver.HttpExchange x, int status, String type, byte[] body, String disposition)
            throws IOException {
        x.getResponseHeaders().add("Content-Type", type);
        if (disposition != null) {
            x.getResponseHeaders().add("Content-Disposition", disposition);
        }
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    private static LinkFetcher fetcher(Path into, long max, Duration stall) {
        return new LinkFetcher(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), into, max, stall);
    }

    private static Path fetch(Path into, String path) throws BackendException {
        shown.clear();
        return fetcher(into, 500L * 1024 * 1024, Duration.ofSeconds(30)).fetch(URI.create(base + path),
                (what, f) -> shown.add(f), CancelToken.none());
    }

    private static List<Path> left(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }

    @Test
    void aVideoLinkIsDownloadedWholeUnderItsName() throws Exception {
        Path into = dir.resolve("a");
        Path got = fetch(into, "/clips/harbour.mp4");
        assertEquals(into.resolve("harbour.mp4"), got);
        assertArrayEquals(clip, Files.readAllBytes(got));
        assertEquals(1.0, shown.get(shown.size() - 1), 1e-9, "the progress ends full");
        // the same link again never replaces the first file
        assertEquals(into.resolve("harbour (2).mp4"), fetch(into, "/clips/harbour.mp4"));
    }

    @Test
    void aNameFromTheServerIsOnlyAName() throws Exception {
        Path into = dir.resolve("b");
        Path got = fetch(into, "/named");
        assertEquals(into.resolve("hidden trip.mp4"), got, "no folder, no hidden file, nothing outside the folder");
        Path bare = fetch(into, "/noname");
        assertEquals("noname.mp4", bare.getFileName().toString(), "the type from the bytes gives the extension");
    }

    @Test
    void webPagesTextAndMissingFilesAreRefusedInWords() throws Exception {
        Path into = dir.resolve("c");
        BackendException page = assertThrows(BackendException.class, () -> fetch(into, "/page.mp4"));
        assertTrue(page.getMessage().contains("web page"), page.getMessage());
        BackendException text = assertThrows(BackendException.class, () -> fetch(into, "/notes.mp4"));
        assertTrue(text.getMessage().contains("not a video, photo or song"), text.getMessage());
        assertTrue(text.getMessage().contains("MP4") && text.getMessage().contains("JPG"), "names what is accepted");
        BackendException gone = assertThrows(BackendException.class, () -> fetch(into, "/gone.mp4"));
        assertTrue(gone.getMessage().contains("404"), gone.getMessage());
        BackendException ftp = assertThrows(BackendException.class, () -> LinkFetcher.parse("ftp://example.org/a.mp4"));
        assertTrue(ftp.getMessage().contains("http and https links only"), ftp.getMessage());
        assertEquals(List.of(), left(into), "nothing kept, no partial file");
    }

    @Test
    void theSizeLimitIsCheckedFromTheHeadersAndWhileDownloading() throws Exception {
        Path into = dir.resolve("d");
        BackendException said = assertThrows(BackendException.class, () -> fetch(into, "/huge.mp4"));
        assertTrue(said.getMessage().contains("600 MB; the limit is 500 MB"), said.getMessage());
        BackendException counted = assertThrows(BackendException.class, () -> fetcher(into, 1024 * 1024,
                Duration.ofSeconds(30)).fetch(URI.create(base + "/endless.mp4"), (w, f) -> { }, CancelToken.none()));
        assertTrue(counted.getMessage().contains("too large"), counted.getMessage());
        assertEquals(List.of(), left(into));
    }

    @Test
    void aServerThatStopsSendingIsGivenUpAndACancelStopsAtOnce() throws Exception {
        Path into = dir.resolve("e");
        long t0 = System.nanoTime();
        BackendException stalled = assertThrows(BackendException.class, () -> fetcher(into, 500L * 1024 * 1024,
                Duration.ofMillis(800)).fetch(URI.create(base + "/stalls.mp4"), (w, f) -> { }, CancelToken.none()));
        assertTrue(stalled.getMessage().contains("stopped sending"), stalled.getMessage());
        assertTrue((System.nanoTime() - t0) / 1e9 < 4, "given up after the stall, not at the server's pace");

        CancelToken cancel = new CancelToken();
        new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                // cancel anyway
            }
            cancel.cancel();
        }).start();
        BackendException cancelled = assertThrows(BackendException.class, () -> fetcher(into, 500L * 1024 * 1024,
                Duration.ofSeconds(30)).fetch(URI.create(base + "/stalls.mp4"), (w, f) -> { }, cancel));
        assertEquals(BackendException.Kind.CANCELLED, cancelled.kind());
        assertEquals(List.of(), left(into), "the partial download is gone");
    }

    @Test
    void theLocalBackEndScoresALinkAsADroppedFile() throws Exception {
        try (LocalBackend backend = new LocalBackend(new FfmpegSource(null))) {
            backend.downloadInto(fetcher(dir.resolve("f"), 500L * 1024 * 1024, Duration.ofSeconds(30)));
            List<MediaInfo> added = backend.uploadUrls(List.of(URI.create(base + "/clips/harbour.mp4")), (w, f) -> { },
                    CancelToken.none());
            assertEquals(1, added.size());
            assertEquals("harbour.mp4", added.get(0).name());
            assertEquals(3000, added.get(0).durationMs(), 100);
            assertTrue(backend.state().draft().toString().length() > 0);
        }
    }
}

package dev.backbeat.service.cloud;

import dev.backbeat.service.BackendException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The multipart body and the upload rules, without a server. */
class UploadPiecesTest {
    @TempDir
    Path dir;

    private static byte[] drain(BodyPublisher publisher) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] b = new byte[item.remaining()];
                item.get(b);
                out.write(b, 0, b.length);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get(10, TimeUnit.SECONDS);
        return out.toByteArray();
    }

    @Test
    void multipartBodyIsExactAndCanBeSentAgain() throws Exception {
        Path a = Files.writeString(dir.resolve("a \"quoted\".mp4"), "AAAA");
        Path b = Files.write(dir.resolve("b.wav"), new byte[] {1, 2, 3});
        MultipartBody body = new MultipartBody("files", List.of(a, b));
        String boundary = body.contentType().substring(body.contentType().indexOf("boundary=") + 9);
        AtomicLong sent = new AtomicLong();
        var supplier = body.publisher(sent::set);
        byte[] first = drain(supplier.get());
        byte[] again = drain(supplier.get());
        assertEquals(body.length(), first.length);
        assertEquals(body.length(), supplier.get().contentLength(), "sent with a Content-Length");
        assertEquals(new String(first, StandardCharsets.ISO_8859_1), new String(again, StandardCharsets.ISO_8859_1));
        assertEquals(first.length, sent.get());
        String text = new String(first, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a %22quoted%22.mp4\"\r\n"), text);
        assertTrue(text.contains("\r\n\r\nAAAA\r\n--" + boundary + "\r\n"), text);
        assertTrue(text.contains("filename=\"b.wav\""), text);
        assertTrue(text.endsWith("\u0001\u0002\u0003\r\n--" + boundary + "--\r\n"), text);
    }

    @Test
    void filesAreReadFromDiskWhileSendingNotBefore() throws Exception {
        Path a = Files.write(dir.resolve("a.mp4"), new byte[1000]);
        var supplier = new MultipartBody("files", List.of(a)).publisher(n -> { });
        BodyPublisher publisher = supplier.get();
        // a body built in memory would not notice; one streamed from disk sees the new bytes
        Files.write(a, new byte[] {'X'}, java.nio.file.StandardOpenOption.WRITE);
        String sent = new String(drain(publisher), StandardCharsets.ISO_8859_1);
        assertTrue(sent.contains("\r\n\r\nX"), "the file is read when the body is sent");
    }

    @Test
    void rulesCheckExtensionSizeAndExistence() throws Exception {
        Path ok = Files.writeString(dir.resolve("song.M4A"), "x");
        assertEquals(1, UploadRules.check(List.of(ok)));
        assertThrows(BackendException.class, () -> UploadRules.check(List.of(dir.resolve("missing.mp4"))));
        assertThrows(BackendException.class, () -> UploadRules.check(List.of(Files.writeString(dir.resolve("noext"), "x"))));
        assertThrows(BackendException.class, () -> UploadRules.check(List.of(Files.createFile(dir.resolve("empty.mp4")))));
        assertThrows(BackendException.class, () -> UploadRules.check(List.of()));
    }

    @Test
    void urlRules() throws Exception {
        UploadRules.checkUrls(List.of(URI.create("https://example.com/v.mp4"), URI.create("https://example.com/watch?v=1")));
        assertThrows(BackendException.class, () -> UploadRules.checkUrls(List.of(URI.create("file:///etc/passwd"))));
        assertThrows(BackendException.class, () -> UploadRules.checkUrls(List.of(URI.create("https://example.com/a.exe"))));
    }

    @Test
    void serviceCloudStaysOffTheUiAndUsesOnlyTheJdkClient() throws Exception {
        Path src = Path.of("src/main/java/dev/backbeat/service/cloud");
        try (var files = Files.list(src)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                for (String banned : List.of("import javafx", "Platform.runLater", "okhttp", "org.apache.http", "System.out", "System.err")) {
                    assertTrue(!text.contains(banned), f + " uses " + banned);
                }
            }
        }
    }
}

package dev.backbeat.server;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The streaming multipart reader on literal bodies, fed in awkward pieces. */
class MultipartReaderTest {
    private static final String B = "XyZ-boundary-42";

    /** Hands out at most {@code n} bytes a read, so delimiters straddle the window. */
    private static InputStream trickle(byte[] body, int n) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(n, len));
            }
        };
    }

    private static byte[] body(byte[] first, byte[] second) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(("preamble to ignore\r\n--" + B + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--" + B
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"caf\u00e9.mp4\"\r\nContent-Type: video/mp4\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        o.writeBytes(first);
        o.writeBytes(("\r\n--" + B + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"b.mov\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        o.writeBytes(second);
        o.writeBytes(("\r\n--" + B + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return o.toByteArray();
    }

    @Test
    void readsEveryPartWholeWhateverThePieces() throws IOException {
        byte[] first = new byte[200_000];
        new Random(7).nextBytes(first);
        // bytes that look like the start of a delimiter must come through untouched
        byte[] tricky = ("a\r\n--" + B.substring(0, 5) + "\r\n--\r\n" + "z").getBytes(StandardCharsets.ISO_8859_1);
        for (int piece : new int[] {1, 7, 64, 4096, 1 << 20}) {
            MultipartReader r = new MultipartReader(trickle(body(first, tricky), piece), B);
            MultipartReader.Part note = r.next();
            assertEquals("note", note.field());
            assertNull(note.filename());
            r.skip();
            MultipartReader.Part a = r.next();
            assertEquals("files", a.field());
            assertEquals("caf\u00e9.mp4", a.filename());
            assertEquals("video/mp4", a.contentType());
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            assertEquals(first.length, r.copy(got, Long.MAX_VALUE));
            assertArrayEquals(first, got.toByteArray(), "piece " + piece);
            MultipartReader.Part b = r.next();
            assertEquals("b.mov", b.filename());
            ByteArrayOutputStream got2 = new ByteArrayOutputStream();
            r.copy(got2, Long.MAX_VALUE);
            assertArrayEquals(tricky, got2.toByteArray(), "piece " + piece);
            assertNull(r.next());
        }
    }

    @Test
    void stopsPastTheLimitAndOnATruncatedBody() {
        byte[] first = new byte[10_000];
        MultipartReader r = new MultipartReader(new ByteArrayInputStream(body(first, new byte[1])), B);
        assertThrows(MultipartReader.TooLarge.class, () -> {
            r.next();
            r.skip();
            r.next();
            r.copy(OutputStreamSink.INSTANCE, 9_999);
        });
        byte[] whole = body(first, new byte[1]);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        MultipartReader t = new MultipartReader(new ByteArrayInputStream(cut), B);
        assertThrows(IOException.class, () -> {
            t.next();
            t.skip();
            t.next();
            t.copy(OutputStreamSink.INSTANCE, Long.MAX_VALUE);
        });
    }

    @Test
    void findsTheBoundaryInTheContentType() {
        assertEquals("abc", MultipartReader.boundary("multipart/form-data; boundary=abc"));
        assertEquals("a b", MultipartReader.boundary("multipart/form-data; boundary=\"a b\"; charset=utf-8"));
        assertNull(MultipartReader.boundary("application/json"));
        assertNull(MultipartReader.boundary(null));
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }
    }
}

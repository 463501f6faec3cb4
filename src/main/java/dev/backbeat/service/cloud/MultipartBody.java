package dev.backbeat.service.cloud;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * A {@code multipart/form-data} body of files read from disk as it is sent: a chain of small
 * header streams and file streams, so a 500 MB video never sits in memory. Each call of
 * {@link #publisher} re-opens the files, so a refused upload can be sent again.
 */
final class MultipartBody {
    private final String boundary = "backbeat-" + UUID.randomUUID();
    private final String field;
    private final List<Path> files;

    MultipartBody(String field, List<Path> files) {
        this.field = field;
        this.files = List.copyOf(files);
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The exact size of the body, so it goes with a Content-Length. */
    long length() throws IOException {
        long n = closing().length;
        for (Path f : files) {
            n += head(f).length + Files.size(f) + 2;
        }
        return n;
    }

    /** A fresh publisher; {@code sent} hears the running count of bytes handed to the network. */
    Supplier<BodyPublisher> publisher(LongConsumer sent) throws IOException {
        long length = length();
        return () -> BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> open(sent)), length);
    }

    private InputStream open(LongConsumer sent) {
        List<InputStream> parts = new ArrayList<>();
        try {
            for (Path f : files) {
                parts.add(new ByteArrayInputStream(head(f)));
                parts.add(new LazyFile(f));
                parts.add(new ByteArrayInputStream(CRLF));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parts.add(new ByteArrayInputStream(closing()));
        return new Counting(new java.io.SequenceInputStream(Collections.enumeration(parts)), sent);
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private byte[] head(Path f) throws IOException {
        String name = f.getFileName().toString().replace("\"", "%22").replace("\r", "").replace("\n", "");
        String type = Files.probeContentType(f);
        String text = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: " + (type == null ? "application/octet-stream" : type) + "\r\n\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] closing() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Opens its file on first read, so only one file is open at a time. */
    private static final class LazyFile extends InputStream {
        private final Path file;
        private InputStream in;

        LazyFile(Path file) {
            this.file = file;
        }

        private InputStream in() throws IOException {
            if (in == null) {
                in = Files.newInputStream(file);
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            return in().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in().read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }

    private static final class Counting extends FilterInputStream {
        private final LongConsumer sent;
        private long count;

        Counting(InputStream in, LongConsumer sent) {
            super(in);
            this.sent = sent;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                sent.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                sent.accept(count);
            }
            return n;
        }
    }
}

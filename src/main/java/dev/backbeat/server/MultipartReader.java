package dev.backbeat.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body part by part as it arrives: each part's bytes are
 * copied to the caller's stream through a 64 kB window, so a 500 MB video never sits in memory.
 */
final class MultipartReader {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final int HEADERS_MAX = 16 * 1024;

    /** One part's headers: its form field, the file name the client gave (or null), its declared type. */
    record Part(String field, String filename, String contentType) {
    }

    /** A part was longer than allowed; the rest of the body is left unread. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("part too large");
        }
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf;
    private int pos;
    private int lim;
    private boolean ended;
    private boolean started;

    MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[64 * 1024 + delimiter.length];
        // the body opens with "--boundary": a CR LF in front makes every delimiter look alike
        buf[0] = '\r';
        buf[1] = '\n';
        lim = 2;
    }

    /** The boundary of a multipart Content-Type, or null when it is not one. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        Matcher m = BOUNDARY.matcher(contentType);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    /** The next part's headers, or null after the last part. The previous part must have been read or skipped. */
    Part next() throws IOException {
        if (ended) {
            return null;
        }
        if (!started) {
            started = true;
            skip(); // the preamble, up to the first delimiter
        }
        if (ended) {
            return null;
        }
        String headers = readHeaders();
        String disposition = "";
        String type = "application/octet-stream";
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-disposition")) {
                disposition = value;
            } else if (name.equals("content-type")) {
                type = value;
            }
        }
        Matcher n = NAME.matcher(disposition);
        Matcher f = FILENAME.matcher(disposition);
        return new Part(n.find() ? n.group(1) : "", f.find() ? f.group(1) : null, type);
    }

    /** Copies the current part to {@code out}; returns its length, or throws {@link TooLarge} past {@code limit} bytes. */
    long copy(OutputStream out, long limit) throws IOException {
        long n = 0;
        while (true) {
            int found = indexOf();
            int safe = found >= 0 ? found : Math.max(pos, lim - delimiter.length + 1);
            int len = safe - pos;
            if (len > 0) {
                n += len;
                if (n > limit) {
                    throw new TooLarge();
                }
                out.write(buf, pos, len);
                pos = safe;
            }
            if (found >= 0) {
                pos += delimiter.length;
                afterDelimiter();
                return n;
            }
            if (!fill()) {
                throw new IOException("the upload ended before its last part was complete");
            }
        }
    }

    /** Reads past the current part without keeping it. */
    void skip() throws IOException {
        copy(OutputStream.nullOutputStream(), Long.MAX_VALUE);
    }

    private void afterDelimiter() throws IOException {
        while (lim - pos < 2) {
            if (!fill()) {
                throw new IOException("the upload ended inside a boundary");
            }
        }
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            ended = true;
            return;
        }
        // transport padding, then CR LF
        while (true) {
            if (pos >= lim && !fill()) {
                throw new IOException("the upload ended inside a boundary");
            }
            byte b = buf[pos++];
            if (b == '\n') {
                return;
            }
        }
    }

    private String readHeaders() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= lim && !fill()) {
                throw new IOException("the upload ended inside a part's headers");
            }
            sb.append((char) (buf[pos++] & 0xff));
            int len = sb.length();
            if (len >= 4 && sb.charAt(len - 4) == '\r' && sb.charAt(len - 3) == '\n' && sb.charAt(len - 2) == '\r'
                    && sb.charAt(len - 1) == '\n') {
                // the names travel as UTF-8 bytes; they were read one byte to a char
                return new String(sb.substring(0, len - 4).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
            if (len > HEADERS_MAX) {
                throw new IOException("a part's headers are too long");
            }
        }
    }

    private int indexOf() {
        outer:
        for (int i = pos; i <= lim - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Moves what is left to the front and reads more; false at the end of the body. */
    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            return true;
        }
        int r = in.read(buf, lim, buf.length - lim);
        if (r < 0) {
            return false;
        }
        lim += r;
        return true;
    }
}

package dev.backbeat.service.cloud;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@code text/event-stream} parser per the WHATWG specification, fed raw bytes in chunks of any
 * size. Lines are cut on bytes (CR, LF or CRLF, even when CR and LF arrive in different chunks) and
 * decoded only when whole, so a UTF-8 character split across reads survives. Knows nothing of HTTP.
 */
public final class SseParser {

    /** Receives what the stream carries. */
    public interface Listener {
        void onEvent(SseEvent event);

        default void onComment(String comment) {
        }

        default void onRetry(long millis) {
        }
    }

    private final Listener listener;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventId = "";
    private boolean afterCr;
    private boolean firstLine = true;

    public SseParser(Listener listener) {
        this.listener = listener;
    }

    public void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (afterCr && b == '\n') {
                afterCr = false;
                continue;
            }
            afterCr = false;
            if (b == '\r') {
                afterCr = true;
                endLine();
            } else if (b == '\n') {
                endLine();
            } else {
                line.write(b);
            }
        }
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /** Reads the stream to its end; an event not closed by a blank line is dropped, as the spec says. */
    public void readAll(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            feed(buffer, 0, n);
        }
    }

    public String lastEventId() {
        return lastEventId;
    }

    private void endLine() {
        String text = new String(line.toByteArray(), StandardCharsets.UTF_8);
        line.reset();
        if (firstLine) {
            firstLine = false;
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
        }
        processLine(text);
    }

    private void processLine(String text) {
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.charAt(0) == ':') {
            listener.onComment(text.substring(1).startsWith(" ") ? text.substring(2) : text.substring(1));
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> data.append(value).append('\n');
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    try {
                        listener.onRetry(Long.parseLong(value));
                    } catch (NumberFormatException ignored) {
                        // more digits than a long holds: the spec's "ignore the field"
                    }
                }
            }
            default -> {
                // unknown fields are ignored by the spec
            }
        }
    }

    private void dispatch() {
        if (data.length() == 0) {
            eventType = "";
            return;
        }
        data.setLength(data.length() - 1);
        SseEvent event = new SseEvent(eventType.isEmpty() ? "message" : eventType, data.toString(), lastEventId);
        data.setLength(0);
        eventType = "";
        listener.onEvent(event);
    }
}

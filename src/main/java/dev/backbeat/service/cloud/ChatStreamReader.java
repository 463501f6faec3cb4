package dev.backbeat.service.cloud;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.BackendException.Kind;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Turns one chat reply stream into {@link ChatEvent}s on the caller's thread. A daemon thread
 * only reads bytes; this side keeps the clock, so a silent stream still yields a "Still
 * working…" note on time and the hard timeout holds even when no byte arrives.
 */
final class ChatStreamReader {
    private static final Logger LOG = Logger.getLogger(ChatStreamReader.class.getName());

    /** How the stream ended. {@code failure} is null when it closed normally. */
    record Outcome(boolean sawText, boolean sawTool, BackendException failure) {
    }

    private record End() {
    }

    private record Fault(IOException error) {
    }

    private final Duration stillWorkingEvery;
    private final Duration hardTimeout;

    ChatStreamReader(Duration stillWorkingEvery, Duration hardTimeout) {
        this.stillWorkingEvery = stillWorkingEvery;
        this.hardTimeout = hardTimeout;
    }

    Outcome read(InputStream in, Consumer<ChatEvent> events, CancelToken cancel) {
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> pump(in, queue), "nemo-sse-reader");
        pump.setDaemon(true);
        pump.start();
        cancel.onCancel(() -> {
            abandon(in, pump);
            queue.add(new End());
        });

        GuiWordTranslator.Streaming words = new GuiWordTranslator.Streaming();
        StringBuilder partialSoFar = new StringBuilder();
        boolean sawText = false;
        boolean sawTool = false;
        String lastNote = null;
        BackendException agentError = null;
        long start = System.nanoTime();
        long deadline = start + hardTimeout.toNanos();
        long lastShown = start;
        try {
            while (true) {
                long now = System.nanoTime();
                if (cancel.isCancelled()) {
                    emit(events, words.flush());
                    return new Outcome(sawText, sawTool, BackendException.cancelled());
                }
                if (now >= deadline) {
                    abandon(in, pump);
                    emit(events, words.flush());
                    return new Outcome(sawText, sawTool, new BackendException(Kind.NETWORK,
                            "No complete reply after " + CloudConfig.spoken(hardTimeout) + ", so Backbeat stopped "
                                    + "waiting. Your message was sent once and not re-sent; type \"status\" to see "
                                    + "whether the timeline changed."));
                }
                long noteDue = lastShown + stillWorkingEvery.toNanos();
                if (now >= noteDue) {
                    events.accept(new ChatEvent.StillWorking("Still working…"));
                    lastShown = now;
                    continue;
                }
                Object item = queue.poll(Math.min(deadline, noteDue) - now, TimeUnit.NANOSECONDS);
                if (item == null) {
                    continue;
                }
                if (item instanceof End) {
                    break;
                }
                if (item instanceof Fault f) {
                    emit(events, words.flush());
                    if (cancel.isCancelled()) {
                        return new Outcome(sawText, sawTool, BackendException.cancelled());
                    }
                    LOG.fine(() -> "chat stream broke: " + f.error());
                    return new Outcome(sawText, sawTool, new BackendException(Kind.NETWORK,
                            "The connection dropped while the reply was arriving. Your message was sent once and "
                                    + "not re-sent; type \"status\" to see whether the timeline changed.", f.error()));
                }
                if (item instanceof AgentItem.Text t) {
                    String fresh = newText(t, partialSoFar);
                    if (!fresh.isEmpty()) {
                        sawText = true;
                        if (emit(events, words.accept(fresh))) {
                            lastShown = System.nanoTime();
                        }
                    }
                } else if (item instanceof AgentItem.ToolCall call) {
                    sawTool = true;
                    String note = noteFor(call.name());
                    if (!note.equals(lastNote)) {
                        events.accept(new ChatEvent.Progress(note, -1));
                        lastNote = note;
                        lastShown = System.nanoTime();
                    }
                } else if (item instanceof AgentItem.ToolResult) {
                    sawTool = true;
                } else if (item instanceof AgentItem.Error e) {
                    agentError = new BackendException(Kind.SERVER, "The service could not finish this request"
                            + (e.message().isBlank() ? "." : ": " + e.message()) + " Try rephrasing it.");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(in, pump);
            return new Outcome(sawText, sawTool, BackendException.cancelled());
        }
        emit(events, words.flush());
        return new Outcome(sawText, sawTool, sawText ? null : agentError);
    }

    /**
     * ADK streams partial pieces and then the whole text again in a final event: show only what
     * the user has not seen yet.
     */
    private static String newText(AgentItem.Text t, StringBuilder partialSoFar) {
        if (t.partial()) {
            partialSoFar.append(t.text());
            return t.text();
        }
        if (partialSoFar.length() == 0) {
            return t.text();
        }
        String seen = partialSoFar.toString();
        partialSoFar.setLength(0);
        return t.text().startsWith(seen) ? t.text().substring(seen.length()) : "";
    }

    private static boolean emit(Consumer<ChatEvent> events, String text) {
        if (text.isEmpty()) {
            return false;
        }
        events.accept(new ChatEvent.Text(text));
        return true;
    }

    static String noteFor(String tool) {
        String t = tool == null ? "" : tool.toLowerCase(Locale.ROOT);
        if (t.contains("music") || t.contains("bgm") || t.contains("audio") || t.contains("sound")) {
            return "working on the music…";
        }
        if (t.contains("track") || t.contains("edit") || t.contains("timeline") || t.contains("draft")) {
            return "editing the timeline…";
        }
        if (t.contains("render") || t.contains("export")) {
            return "preparing the render…";
        }
        if (t.contains("upload") || t.contains("media") || t.contains("video")) {
            return "looking at the media…";
        }
        return "working…";
    }

    private static void pump(InputStream in, BlockingQueue<Object> queue) {
        SseParser parser = new SseParser(event -> queue.addAll(AgentPayloadDecoder.decode(event.data())));
        try (in) {
            parser.readAll(in);
            queue.add(new End());
        } catch (IOException e) {
            queue.add(new Fault(e));
        }
    }

    /** Closing alone may not wake a blocked read of the HTTP client's stream; the interrupt does. */
    private static void abandon(InputStream in, Thread pump) {
        pump.interrupt();
        closeQuietly(in);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is how a stalled read is abandoned; a failure to close changes nothing
        }
    }
}

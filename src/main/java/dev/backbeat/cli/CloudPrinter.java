package dev.backbeat.cli;

import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.ExportProgress;
import dev.backbeat.service.MediaInfo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How cloud results read on a terminal: media lines, export progress, a streamed chat turn. */
final class CloudPrinter {
    private CloudPrinter() {
    }

    static String describe(MediaInfo m) {
        List<String> facts = new ArrayList<>();
        if (!m.kind().isBlank()) {
            facts.add(m.kind());
        }
        if (m.durationMs() > 0) {
            facts.add(String.format(Locale.ROOT, "%.1f s", m.durationMs() / 1000.0));
        }
        if (m.width() > 0 && m.height() > 0) {
            facts.add(m.width() + "x" + m.height());
        }
        return m.name() + (facts.isEmpty() ? "" : " (" + String.join(", ", facts) + ")");
    }

    /** Prints export progress as a line per stage and every tenth of the way, not a flood. */
    static final class ProgressPrinter implements java.util.function.Consumer<ExportProgress> {
        private final PrintWriter out;
        private String stage = "";
        private int lastTenth = -1;

        ProgressPrinter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void accept(ExportProgress p) {
            int tenth = p.fraction() < 0 ? -1 : (int) Math.floor(p.fraction() * 10);
            if (!p.stage().equals(stage) || tenth > lastTenth) {
                out.println(p.stage() + "…" + (p.fraction() >= 0 ? " " + Math.round(p.fraction() * 100) + "%" : ""));
                out.flush();
                stage = p.stage();
                lastTenth = tenth;
            }
        }
    }

    /** Prints chat events as they come: text inline, notes on their own lines, failures on stderr. */
    static final class ChatPrinter implements java.util.function.Consumer<ChatEvent> {
        private final PrintWriter out;
        private final PrintWriter err;
        private boolean midLine;
        private int code;

        ChatPrinter(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        int exitCode() {
            return code;
        }

        @Override
        public void accept(ChatEvent event) {
            if (event instanceof ChatEvent.Text t) {
                out.print(t.chunk());
                midLine = !t.chunk().endsWith("\n");
                out.flush();
                return;
            }
            if (midLine) {
                out.println();
                midLine = false;
            }
            if (event instanceof ChatEvent.Progress p) {
                out.println("(" + p.note() + ")");
            } else if (event instanceof ChatEvent.StillWorking w) {
                out.println("⏳ " + w.note());
            } else if (event instanceof ChatEvent.TimelineChanged c) {
                out.println(c.description());
                out.println(c.draft().summary());
            } else if (event instanceof ChatEvent.Failed f) {
                out.flush();
                err.println(f.error().userMessage());
                code = CloudCommand.exitCode(f.error());
            }
            out.flush();
        }
    }
}

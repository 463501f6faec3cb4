package dev.backbeat.service.cloud;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SseParserTest {

    private final List<SseEvent> events = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final List<Long> retries = new ArrayList<>();
    private final SseParser parser = new SseParser(new SseParser.Listener() {
        @Override
        public void onEvent(SseEvent event) {
            events.add(event);
        }

        @Override
        public void onComment(String comment) {
            comments.add(comment);
        }

        @Override
        public void onRetry(long millis) {
            retries.add(millis);
        }
    });

    private void feed(String text) {
        parser.feed(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> datas() {
        return events.stream().map(SseEvent::data).toList();
    }

    @Test
    void lfLineEnds() {
        feed("data: one\n\ndata: two\n\n");
        assertEquals(List.of("one", "two"), datas());
    }

    @Test
    void crLineEnds() {
        feed("data: one\r\rdata: two\r\r");
        assertEquals(List.of("one", "two"), datas());
    }

    @Test
    void crlfLineEnds() {
        feed("data: one\r\n\r\ndata: two\r\n\r\n");
        assertEquals(List.of("one", "two"), datas());
    }

    @Test
    void crlfSplitBetweenChunksIsOneLineEnd() {
        feed("data: one\r");
        feed("\n");
        feed("\r");
        feed("\ndata: two\r\n\r\n");
        assertEquals(List.of("one", "two"), datas());
    }

    @Test
    void multiLineDataJoinsWithLf() {
        feed("data: first\ndata: second\ndata:third\n\n");
        assertEquals(List.of("first\nsecond\nthird"), datas());
    }

    @Test
    void onlyOneLeadingSpaceIsStripped() {
        feed("data:  two spaces\n\n");
        assertEquals(List.of(" two spaces"), datas());
    }

    @Test
    void commentsAreReportedNotDispatched() {
        feed(": keep-alive\n\n:ping\ndata: x\n\n");
        assertEquals(List.of("keep-alive", "ping"), comments);
        assertEquals(List.of("x"), datas());
    }

    @Test
    void eventIdAndRetryFields() {
        feed("event: update\nid: 42\nretry: 1500\ndata: a\n\ndata: b\n\nretry: soon\n\n");
        assertEquals(2, events.size());
        assertEquals(new SseEvent("update", "a", "42"), events.get(0));
        assertEquals(new SseEvent("message", "b", "42"), events.get(1));
        assertEquals(List.of(1500L), retries);
    }

    @Test
    void emptyDataLineDispatchesAnEmptyEvent() {
        feed("data:\n\ndata\n\n");
        assertEquals(List.of("", ""), datas());
    }

    @Test
    void blankLinesWithoutDataDispatchNothingAndResetTheType() {
        feed("event: stray\n\n\n\ndata: x\n\n");
        assertEquals(List.of(new SseEvent("message", "x", "")), events);
    }

    @Test
    void unknownFieldsAreIgnored() {
        feed("foo: bar\ndata: x\n\n");
        assertEquals(List.of("x"), datas());
    }

    @Test
    void eventWithoutClosingBlankLineIsDroppedAtEnd() throws IOException {
        parser.readAll(new ByteArrayInputStream("data: whole\n\ndata: cut".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("whole"), datas());
    }

    @Test
    void chunksSplitAtEveryByte() {
        byte[] all = "event: e\r\ndata: {\"type\":\"text\",\"content\":\"héllo 你好 🎵\"}\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : all) {
            parser.feed(new byte[] {b});
        }
        assertEquals(List.of(new SseEvent("e", "{\"type\":\"text\",\"content\":\"héllo 你好 🎵\"}", "")), events);
    }

    @Test
    void utf8CharacterSplitAcrossReadsOfAStream() throws IOException {
        byte[] all = "data: 点击导出\n\n".getBytes(StandardCharsets.UTF_8);
        // a stream that hands out two bytes per read, cutting every three-byte character
        InputStream twoAtATime = new ByteArrayInputStream(all) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(2, len));
            }
        };
        parser.readAll(twoAtATime);
        assertEquals(List.of("点击导出"), datas());
    }

    @Test
    void byteOrderMarkAtStartIsIgnored() {
        feed("\uFEFFdata: x\n\n");
        assertEquals(List.of("x"), datas());
    }

    @Test
    void mixedLineEndsInOneStream() {
        feed("data: a\rdata: b\ndata: c\r\n\n");
        assertEquals(List.of("a\nb\nc"), datas());
    }

    @Test
    void idWithNulIsIgnoredAndIdPersistsAcrossEvents() {
        feed("id: 1\ndata: a\n\nid: bad\u0000id\ndata: b\n\nid\ndata: c\n\n");
        assertEquals(List.of("1", "1", ""), events.stream().map(SseEvent::lastEventId).toList());
    }
}

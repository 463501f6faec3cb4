package dev.backbeat.service.cloud;

import dev.backbeat.draft.Draft;
import dev.backbeat.draft.DraftCodec;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The payload decoder, the GUI-word translator, the draft diff and the stream reader, without any network. */
class ChatPiecesTest {

    @Test
    void documentedPayloads() {
        assertEquals(List.of(new AgentItem.Text("hi", false)), AgentPayloadDecoder.decode("{\"type\":\"text\",\"content\":\"hi\"}"));
        assertEquals(List.of(new AgentItem.ToolCall("edit_multitrack")),
                AgentPayloadDecoder.decode("{\"type\":\"tool_call\",\"name\":\"edit_multitrack\",\"args\":{\"a\":1}}"));
        assertEquals(List.of(new AgentItem.ToolResult("edit_multitrack")),
                AgentPayloadDecoder.decode("{\"type\":\"tool_result\",\"name\":\"edit_multitrack\",\"result\":{}}"));
        assertEquals(List.of(new AgentItem.Heartbeat()), AgentPayloadDecoder.decode("{\"type\":\"heartbeat\"}"));
        assertEquals(List.of(new AgentItem.Heartbeat()), AgentPayloadDecoder.decode(""));
    }

    @Test
    void adkEventPayloads() {
        String event = "{\"author\":\"nemo_agent\",\"partial\":true,\"content\":{\"role\":\"model\",\"parts\":["
                + "{\"text\":\"Adding \"},{\"functionCall\":{\"name\":\"add_bgm\",\"args\":{}}},"
                + "{\"functionResponse\":{\"name\":\"add_bgm\",\"response\":{}}},{\"text\":\"secret\",\"thought\":true}]}}";
        assertEquals(List.of(new AgentItem.Text("Adding ", true), new AgentItem.ToolCall("add_bgm"),
                new AgentItem.ToolResult("add_bgm")), AgentPayloadDecoder.decode(event));
        assertEquals(List.of(new AgentItem.Error("quota")), AgentPayloadDecoder.decode("{\"error_message\":\"quota\"}"));
    }

    @Test
    void guiWordsBecomeWhatTheUserCanDoHere() {
        assertEquals("Type \"export\" to download the video.", GuiWordTranslator.translate("Click the Export button to download the video."));
        assertEquals("Then type \"export\".", GuiWordTranslator.translate("Then click \"Export\"."));
        assertEquals("请输入“导出”。", GuiWordTranslator.translate("请点击导出。"));
        assertEquals("You can type \"status\" to see the timeline.", GuiWordTranslator.translate("You can preview in timeline."));
        assertEquals("Type \"status\" to check the tracks.", GuiWordTranslator.translate("Open the timeline to check the tracks."));
        assertEquals("输入“状态”查看时间线", GuiWordTranslator.translate("打开时间线"));
        assertEquals("Ask me to move the music to 0:05.", GuiWordTranslator.translate("Drag the music to 0:05."));
        assertEquals("让我移动音乐", GuiWordTranslator.translate("拖拽音乐"));
        assertEquals("Ask me to use Apply.", GuiWordTranslator.translate("Click Apply."));
        assertEquals("The music is open and airy.", GuiWordTranslator.translate("The music is open and airy."));
    }

    @Test
    void streamingTranslationCatchesPhrasesSplitAcrossChunks() {
        GuiWordTranslator.Streaming s = new GuiWordTranslator.Streaming();
        StringBuilder out = new StringBuilder();
        for (String piece : List.of("Done! Now cli", "ck Exp", "ort. Or pre", "view in time", "line")) {
            out.append(s.accept(piece));
        }
        out.append(s.flush());
        assertEquals("Done! Now type \"export\". Or type \"status\" to see the timeline", out.toString());
    }

    @Test
    void diffSaysWhatWasAdded() throws Exception {
        Draft before = DraftCodec.decode(CloudFixture.VIDEO_ONLY);
        Draft after = DraftCodec.decode(CloudFixture.WITH_BGM);
        assertEquals("Added a BGM track: Lo-fi 0-10 s at 35%.", DraftDiff.describe(before, after));
        assertEquals("Removed the BGM track: Lo-fi 0-10 s at 35%.", DraftDiff.describe(after, before));
        assertNull(DraftDiff.describe(after, after));
        Draft louder = DraftCodec.decode(CloudFixture.WITH_BGM.replace("0.35", "0.5"));
        assertEquals("Changed the BGM track: Lo-fi 0-10 s at 50% (was Lo-fi 0-10 s at 35%).", DraftDiff.describe(after, louder));
        Draft titled = DraftCodec.decode("{\"t\":[{\"tt\":0,\"sg\":[{\"d\":10000,\"m\":{\"title\":\"city timelapse\"}}]},"
                + "{\"tt\":7,\"sg\":[{\"d\":3000,\"m\":{\"text\":\"Urban Dreams\"}}]}]}");
        assertEquals("Added a title track: \"Urban Dreams\" 0-3 s.", DraftDiff.describe(before, titled));
    }

    private static List<ChatEvent> read(InputStream in, Duration still, Duration hard) {
        List<ChatEvent> events = new ArrayList<>();
        ChatStreamReader.Outcome o = new ChatStreamReader(still, hard).read(in, events::add, CancelToken.none());
        if (o.failure() != null) {
            events.add(new ChatEvent.Failed(o.failure()));
        }
        return events;
    }

    @Test
    void readerShowsTextKeepsToolsInternalAndDoesNotRepeatAdkFinalText() {
        String stream = "data: {\"partial\":true,\"content\":{\"parts\":[{\"text\":\"I added \"}]}}\n\n"
                + "data: {\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"edit_multitrack\",\"args\":{\"secret\":1}}}]}}\n\n"
                + "data: {\"content\":{\"parts\":[{\"functionResponse\":{\"name\":\"edit_multitrack\",\"response\":{\"big\":\"x\"}}}]}}\n\n"
                + "data: {\"partial\":true,\"content\":{\"parts\":[{\"text\":\"lo-fi.\"}]}}\n\n"
                + "data: {\"partial\":false,\"content\":{\"parts\":[{\"text\":\"I added lo-fi.\"}]}}\n\n";
        List<ChatEvent> events = read(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertEquals(List.of(new ChatEvent.Progress("editing the timeline…", -1), new ChatEvent.Text("I added lo-fi.")), events);
    }

    @Test
    void readerSaysStillWorkingWhileTheStreamIsSilentAndStopsAtTheHardTimeout() {
        InputStream silent = new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return -1;
            }
        };
        List<ChatEvent> events = read(silent, Duration.ofMillis(100), Duration.ofMillis(450));
        long notes = events.stream().filter(e -> e instanceof ChatEvent.StillWorking).count();
        assertTrue(notes >= 3 && notes <= 5, events.toString());
        assertInstanceOf(ChatEvent.Failed.class, events.get(events.size() - 1));
    }
}

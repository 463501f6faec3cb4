package dev.backbeat.service.local;

import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local engine answers in the language the user wrote in. */
class ChatReplyLanguageTest {
    private final RequestParser parser = new RequestParser();

    private List<String> chinese(String message) {
        RequestParser.Parsed parsed = parser.parse(message);
        assertTrue(parsed.understood(), message);
        return EditPhrases.of(parsed.edits(), Replies.forMessage(message));
    }

    @Test
    void theLanguageIsTheMessages() {
        assertSame(Replies.CHINESE, Replies.forMessage("从10秒开始更激昂"));
        assertSame(Replies.CHINESE, Replies.forMessage("make it 更激昂"));
        assertSame(Replies.CHINESE, Replies.forMessage("音量调到35%"));
        assertSame(Replies.ENGLISH, Replies.forMessage("upbeat lo-fi, no drums"));
        assertSame(Replies.ENGLISH, Replies.forMessage("add the title 'Café' for 3 s"));
    }

    @Test
    void chinesePhrasingsAreAnsweredInChinese() {
        assertEquals(List.of("从 0:10 开始更激昂"), chinese("从10秒开始更激昂"));
        List<String> title = chinese("加标题“城市之梦”3秒");
        assertEquals(List.of("标题“城市之梦” 0:00-0:03"), title);
        assertEquals(List.of("音乐音量 35%"), chinese("音量调到35%"));
        List<String> drums = chinese("不要鼓，加弦乐");
        assertTrue(drums.toString().contains("不要鼓") && drums.toString().contains("加入弦乐"), drums.toString());
        assertEquals(List.of("每张照片约 2 秒"), chinese("每张照片2秒"));
        for (String phrase : List.of("更激昂", "中间平静一些", "不要鼓", "加标题“我的旅行”3秒", "改成竖屏", "换成钢琴", "再来一个变奏")) {
            String said = String.join("，", chinese(phrase));
            assertFalse(said.isBlank(), phrase);
            assertFalse(said.matches(".*[A-Za-z]{3,}.*"), phrase + " answered with English words: " + said);
        }
    }

    @Test
    void aChineseMessageGetsAChineseReplyFromTheBackEnd() {
        LocalBackend backend = new LocalBackend(new FfmpegSource(null));
        try {
            List<ChatEvent> events = new ArrayList<>();
            backend.chat("音量调到35%", events::add, CancelToken.none());
            String text = events.stream().filter(e -> e instanceof ChatEvent.Text).map(e -> ((ChatEvent.Text) e).chunk())
                    .collect(Collectors.joining());
            assertEquals("记下了：音乐音量 35%。拖入一个片段，我就按这个要求配乐。", text);
            assertTrue(events.stream().anyMatch(e -> e instanceof ChatEvent.Progress p && p.note().equals("正在理解你的要求…")));

            events.clear();
            backend.chat("把天空变蓝", events::add, CancelToken.none());
            String refused = events.stream().filter(e -> e instanceof ChatEvent.Text).map(e -> ((ChatEvent.Text) e).chunk())
                    .collect(Collectors.joining());
            assertTrue(refused.startsWith("我没有从这句话里找到要改的地方。我可以改变音乐的情绪"), refused);

            events.clear();
            backend.chat("louder music", events::add, CancelToken.none());
            String english = events.stream().filter(e -> e instanceof ChatEvent.Text).map(e -> ((ChatEvent.Text) e).chunk())
                    .collect(Collectors.joining());
            assertEquals("Noted: louder music. Drop a clip and I will score it that way.", english);
        } finally {
            backend.close();
        }
    }

    private static dev.backbeat.engine.compose.MusicPlan plan(dev.backbeat.engine.compose.Style style, double bpm, String key) {
        return new dev.backbeat.engine.compose.MusicPlan(style, bpm, bpm, bpm, 4, key, List.of(), List.of(), List.of(),
                new double[0], 0, 4, 0.5, 0.75, 0.5, 0.75, 18, 0, -14, 1);
    }

    @Test
    void theReportOfAChangeIsInTheMessagesLanguage() {
        var before = plan(dev.backbeat.engine.compose.Style.LOFI, 84, "A minor");
        var after = plan(dev.backbeat.engine.compose.Style.PIANO, 72, "C major");
        assertEquals("现在是平静：84 → 72 BPM，钢琴独奏，C 大调，4 个剪辑点中有 3 个踩在节拍上。背景音乐 0-18 秒，音量 35%。",
                ChangeReport.describe(List.of("平静"), before, after, 35, Replies.CHINESE));
        assertEquals("Calm now: 84 → 72 BPM, solo piano, C major, 3 of 4 cuts on the beat grid. BGM 0-18 s at 35%.",
                ChangeReport.describe(List.of("calm"), before, after, 35));
        assertEquals("标题“城市之梦” 0:00-0:03。背景音乐 0-18 秒，音量 35%。",
                ChangeReport.unchangedMusic(chinese("加标题“城市之梦”3秒"), after, 35, Replies.CHINESE));
    }

    @Test
    void theEnglishPhrasesSayWhatTheBriefSays() {
        for (String message : List.of("upbeat electronic with a drop at 0:14, add the title 'Harbour Days' for 3 s",
                "hip hop beat with no drums", "calmer in the middle", "twice as fast", "piano and strings only",
                "music at 35%", "make it vertical", "crop it", "turn off ducking", "another variation",
                "in a minor key", "mute the original sound", "busier at the end", "fade out in the last 5 s", "120 bpm",
                "each photo for 2.5 seconds", "one photo per beat", "no zoom", "hold the photos longer")) {
            List<MusicEdit> edits = parser.parse(message).edits();
            assertEquals(new SessionBrief().apply(edits, 100), EditPhrases.of(edits, Replies.ENGLISH), message);
        }
    }

    @Test
    void everyReplyKeyIsInBothLanguagesWithTheSamePlaceholders() throws IOException {
        Properties en = load("replies.properties");
        Properties zh = load("replies_zh_CN.properties");
        assertEquals(en.stringPropertyNames(), zh.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertEquals(placeholders(en.getProperty(key)), placeholders(zh.getProperty(key)), key);
        }
        for (dev.backbeat.engine.compose.Style s : dev.backbeat.engine.compose.Style.values()) {
            assertEquals(s.label(), en.getProperty("style." + s.name()), "the English style names are the engine's");
            assertTrue(zh.containsKey("style." + s.name()));
        }
        for (String mood : Vocabulary.MOODS.keySet()) {
            assertTrue(zh.containsKey("mood." + mood), mood);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Replies.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

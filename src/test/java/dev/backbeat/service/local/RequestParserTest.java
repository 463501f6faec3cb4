package dev.backbeat.service.local;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The chat parser on a table of phrasings, English and Chinese: each gives exactly these edits. */
class RequestParserTest {
    private final RequestParser parser = new RequestParser();

    private static MusicEdit mood(String m) {
        return new MusicEdit.Mood(m);
    }

    private static MusicEdit style(String s) {
        return new MusicEdit.Style(s);
    }

    private static MusicEdit bpm(int b) {
        return new MusicEdit.Tempo(OptionalInt.of(b), 1);
    }

    private static MusicEdit tempo(double f) {
        return new MusicEdit.Tempo(OptionalInt.empty(), f);
    }

    private static MusicEdit volume(int pct) {
        return new MusicEdit.Volume(OptionalInt.of(pct), 0);
    }

    private static MusicEdit volumeBy(double db) {
        return new MusicEdit.Volume(OptionalInt.empty(), db);
    }

    private static MusicEdit instruments(Set<String> add, Set<String> remove, boolean only) {
        return new MusicEdit.Instruments(add, remove, only);
    }

    private static MusicEdit level(TimeSpan span, double delta) {
        return new MusicEdit.Intensity(span, delta, "level");
    }

    private static final TimeSpan MIDDLE = new TimeSpan(1 / 3.0, 2 / 3.0, true);
    private static final TimeSpan START = new TimeSpan(0, 0.25, true);
    private static final TimeSpan END = new TimeSpan(0.75, 1, true);
    private static final double INF = Double.POSITIVE_INFINITY;

    static Stream<Arguments> phrasings() {
        return Stream.of(
                // moods
                arguments("calm", List.of(mood("calm"))),
                arguments("make it happy", List.of(mood("happy"))),
                arguments("something energetic", List.of(mood("energetic"))),
                arguments("epic please", List.of(mood("epic"))),
                arguments("I want sad music", List.of(mood("sad"))),
                arguments("tense and dark", List.of(mood("tense"))),
                arguments("romantic", List.of(mood("romantic"))),
                arguments("dreamy vibes", List.of(mood("dreamy"))),
                arguments("more uplifting", List.of(mood("inspiring"))),
                arguments("less intense", List.of(mood("calm"))),
                arguments("平静一点", List.of(mood("calm"))),
                arguments("欢快的音乐", List.of(mood("happy"))),
                arguments("要激昂", List.of(mood("energetic"))),
                arguments("史诗感", List.of(mood("epic"))),
                arguments("伤感一些", List.of(mood("sad"))),
                arguments("紧张的气氛", List.of(mood("tense"))),
                arguments("浪漫", List.of(mood("romantic"))),
                arguments("梦幻", List.of(mood("dreamy"))),
                // styles
                arguments("upbeat lo-fi", List.of(style("lofi"), mood("happy"))),
                arguments("lofi", List.of(style("lofi"))),
                arguments("cinematic", List.of(style("cinematic"))),
                arguments("upbeat pop", List.of(style("pop"), mood("happy"))),
                arguments("acoustic folk", List.of(style("acoustic"))),
                arguments("electronic house", List.of(style("electronic"))),
                arguments("corporate inspiring", List.of(style("corporate"), mood("inspiring"))),
                arguments("solo piano", List.of(style("piano"))),
                arguments("suspense thriller music", List.of(style("suspense"), mood("tense"))),
                arguments("电子舞曲", List.of(style("electronic"))),
                arguments("民谣风格", List.of(style("acoustic"))),
                arguments("钢琴曲", List.of(style("piano"))),
                // tempo
                arguments("faster", List.of(tempo(1.15))),
                arguments("a bit slower", List.of(tempo(0.93))),
                arguments("100 bpm", List.of(bpm(100))),
                arguments("set the tempo to 128", List.of(bpm(128))),
                arguments("half time", List.of(tempo(0.5))),
                arguments("double-time drums", List.of(tempo(2.0))),
                arguments("快一点", List.of(tempo(1.15))),
                arguments("节奏慢一点", List.of(tempo(0.87))),
                arguments("每分钟90拍", List.of(bpm(90))),
                // volume
                arguments("35%", List.of(volume(35))),
                arguments("music at 60 percent", List.of(volume(60))),
                arguments("quieter music", List.of(volumeBy(-4))),
                arguments("the music is too loud", List.of(volumeBy(-4))),
                arguments("louder", List.of(volumeBy(3))),
                arguments("音乐小一点", List.of(volumeBy(-4))),
                arguments("音量 40%", List.of(volume(40))),
                // instruments
                arguments("no drums", List.of(instruments(Set.of(), Set.of("drums"), false))),
                arguments("piano only", List.of(instruments(Set.of("piano"), Set.of(), true))),
                arguments("add strings", List.of(instruments(Set.of("strings"), Set.of(), false))),
                arguments("without bass or drums", List.of(instruments(Set.of(), Set.of("bass", "drums"), false))),
                arguments("just guitar", List.of(instruments(Set.of("guitar"), Set.of(), true))),
                arguments("不要鼓", List.of(instruments(Set.of(), Set.of("drums"), false))),
                arguments("只要钢琴", List.of(instruments(Set.of("piano"), Set.of(), true))),
                arguments("加弦乐", List.of(instruments(Set.of("strings"), Set.of(), false))),
                // time ranges
                arguments("calmer in the middle", List.of(level(MIDDLE, -0.35))),
                arguments("build up at 0:30", List.of(new MusicEdit.Intensity(TimeSpan.at(30), 0.4, "build"))),
                arguments("drop at 1:05", List.of(new MusicEdit.Intensity(TimeSpan.at(65), 0.5, "drop"))),
                arguments("从10秒开始更激昂", List.of(level(TimeSpan.seconds(10, INF), 0.35))),
                arguments("more energetic from 0:20 to 0:40", List.of(level(TimeSpan.seconds(20, 40), 0.35))),
                arguments("softer at the end", List.of(level(END, -0.35))),
                arguments("happier at the beginning", List.of(level(START, 0.35))),
                arguments("结尾平静一点", List.of(level(END, -0.35))),
                arguments("30秒处高潮", List.of(new MusicEdit.Intensity(TimeSpan.at(30), 0.5, "drop"))),
                arguments("calm for the first 10 seconds", List.of(level(TimeSpan.seconds(0, 10), -0.35))),
                // titles
                arguments("add the title 'Urban Dreams' for 3 seconds", List.of(new MusicEdit.Title("Urban Dreams", 0, 3))),
                arguments("add the title \"Happy Days\" for 5 s at 0:02", List.of(new MusicEdit.Title("Happy Days", 2, 5))),
                arguments("title “Tokyo at Night”", List.of(new MusicEdit.Title("Tokyo at Night", 0, 3))),
                arguments("添加标题“城市之梦”3秒", List.of(new MusicEdit.Title("城市之梦", 0, 3))),
                arguments("upbeat lo-fi, add the title 'Urban Dreams' for 3 s", List.of(style("lofi"), mood("happy"),
                        new MusicEdit.Title("Urban Dreams", 0, 3))),
                arguments("add the title 'Sad Songs' at 0:05 and make it calm", List.of(new MusicEdit.Title("Sad Songs", 5, 3),
                        mood("calm"))),
                // aspect
                arguments("make it vertical", List.of(new MusicEdit.Aspect("9:16"))),
                arguments("9:16", List.of(new MusicEdit.Aspect("9:16"))),
                arguments("square for instagram", List.of(new MusicEdit.Aspect("1:1"))),
                arguments("landscape 16:9", List.of(new MusicEdit.Aspect("16:9"))),
                arguments("改成竖屏", List.of(new MusicEdit.Aspect("9:16"))),
                arguments("vertical, cropped to fill the frame", List.of(new MusicEdit.Aspect("9:16"), new MusicEdit.Fit("crop"))),
                arguments("keep the whole picture with black bars", List.of(new MusicEdit.Fit("pad"))),
                // ducking, original sound
                arguments("turn off ducking", List.of(new MusicEdit.Ducking(false))),
                arguments("duck the music under my voice", List.of(new MusicEdit.Ducking(true))),
                arguments("关闭闪避", List.of(new MusicEdit.Ducking(false))),
                arguments("mute the original sound", List.of(new MusicEdit.OriginalSound("replace", OptionalDouble.empty()))),
                // variations, key
                arguments("another variation", List.of(new MusicEdit.Variation())),
                arguments("换一首", List.of(new MusicEdit.Variation())),
                arguments("in D minor", List.of(new MusicEdit.Key("D", "minor"))),
                arguments("in a minor key", List.of(new MusicEdit.Key("", "minor"))),
                // several at once
                arguments("upbeat lo-fi, no drums, 35%", List.of(style("lofi"), mood("happy"),
                        instruments(Set.of(), Set.of("drums"), false), volume(35))),
                arguments("calmer in the middle, then build up at 0:30",
                        List.of(level(MIDDLE, -0.35), new MusicEdit.Intensity(TimeSpan.at(30), 0.4, "build"))),
                // not understood: an honest answer, never a silent no-op
                arguments("what is the meaning of life", List.of()),
                arguments("make the colours pop more in the sky", List.of()),
                arguments("drop the drums at 1:05", List.of(instruments(Set.of(), Set.of("drums"), false)))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phrasings")
    void parses(String message, List<MusicEdit> expected) {
        assertEquals(expected, parser.parse(message).edits());
    }

    @org.junit.jupiter.api.Test
    void theTableIsBigEnough() {
        assertTrue(phrasings().count() >= 60);
    }
}

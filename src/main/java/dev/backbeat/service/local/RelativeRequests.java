package dev.backbeat.service.local;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Requests that are about the piece as it stands rather than a new brief: "back to the first
 * version", "undo", "less busy", "fade out at the end"; and the ones we cannot do, answered with
 * the nearest thing we can ("with lyrics" → a wordless choir).
 */
final class RelativeRequests {
    private RelativeRequests() {
    }

    private static final Pattern FIRST = Pattern.compile("\\b(?:(?:back|return|go back|revert) to (?:the )?(?:first|original|very first|initial|start)"
            + "(?: (?:version|one|take|music|track|piece))?|the first (?:version|one) (?:was|is) better|start over|reset (?:the |it|everything)?|from scratch)\\b"
            + "|(?:回到|恢复|还原到?|改回)\\s*(?:第一版|第一个版本|最初|原来|最开始|一开始)|第一版更好|重新开始");
    private static final Pattern PREVIOUS = Pattern.compile("\\b(?:undo(?: that| it)?|go back|revert(?: that| it)?|(?:back|return) to (?:the )?(?:previous|last|earlier|old|one before)(?: version| one)?"
            + "|previous version|the one before|i liked (?:it|the last one) better before|put it back|change it back)\\b"
            + "|撤销|撤回|回到上一(?:版|个版本|个)|上一版|还原|恢复原样|改回去|刚才那个更好|还是之前的");

    /** Adds a revert when asked for; true when the clause was one (it asks nothing else). */
    static boolean revert(String c, List<MusicEdit> edits) {
        if (FIRST.matcher(c).find()) {
            edits.add(new MusicEdit.Revert(true));
            return true;
        }
        if (PREVIOUS.matcher(c).find()) {
            edits.add(new MusicEdit.Revert(false));
            return true;
        }
        return false;
    }

    private static final Pattern LESS_BUSY = Pattern.compile("\\b(?:less (?:busy|cluttered|going on|complex|complicated|hectic|dense|crowded|notes)|not (?:so|as) busy|too busy"
            + "|too (?:much going on|cluttered|complex|complicated|hectic)|simpler|more (?:minimal|sparse|simple|space)|sparser|stripped[- ]back|strip it back|declutter|minimalist|fewer notes|fewer instruments)\\b"
            + "|简单一点|简单点|别太复杂|太复杂|太乱|太满|少一点乐器|乐器少一点|干净一点|简洁一点|精简");
    private static final Pattern MORE_BUSY = Pattern.compile("\\b(?:busier|fuller|richer|more (?:going on|layers|instruments|complex|detail|texture|movement)|thicker|more full|too (?:empty|sparse|bare|thin)|a bit empty)\\b"
            + "|丰富一点|更丰富|饱满一点|更饱满|太单调|太空了|多一点层次");
    private static final Pattern FADE_OUT = Pattern.compile("\\bfad(?:e|es|ing)[- ]?(?:it )?out\\b|\\bfade away\\b|\\b(?:die|dies|dying|trail|trails) (?:away|off|out)\\b|\\bend (?:softly|quietly|gently)\\b"
            + "|渐弱|淡出|慢慢结束|渐渐(?:变)?小|逐渐消失|慢慢(?:变)?弱");
    private static final Pattern FADE_IN = Pattern.compile("\\bfad(?:e|es|ing)[- ]?(?:it )?in\\b|\\bstart (?:softly|quietly|gently)\\b|\\beases? in\\b|渐入|淡入|慢慢进入|慢慢开始");

    /** "less busy", "fuller", "fade out at the end", "fade in": true when one was found. */
    static boolean busyOrFade(String c, List<MusicEdit> edits) {
        Optional<TimeSpan> span = TimeSpanParser.find(c);
        boolean found = false;
        if (FADE_OUT.matcher(c).find()) {
            edits.add(new MusicEdit.Intensity(span.orElse(new TimeSpan(0.75, 1, true)), -0.45, "fade"));
            found = true;
        }
        if (FADE_IN.matcher(c).find()) {
            edits.add(new MusicEdit.Intensity(span.orElse(new TimeSpan(0, 0.25, true)), -0.35, "level"));
            found = true;
        }
        if (LESS_BUSY.matcher(c).find()) {
            edits.add(new MusicEdit.Intensity(span.orElse(TimeSpan.WHOLE), -0.3, "busy"));
            found = true;
        } else if (MORE_BUSY.matcher(c).find()) {
            edits.add(new MusicEdit.Intensity(span.orElse(TimeSpan.WHOLE), 0.3, "busy"));
            found = true;
        }
        return found;
    }

    /** The clause without its busy/fade words, so "simpler" or "softly" do not read again as a mood. */
    static String withoutBusyOrFade(String c) {
        String out = c;
        for (Pattern p : new Pattern[] {FADE_OUT, FADE_IN, LESS_BUSY, MORE_BUSY}) {
            out = p.matcher(out).replaceAll(" ");
        }
        return TimeSpanParser.without(out);
    }

    private record Beyond(Pattern words, String what, String nearest) {
    }

    private static final List<Beyond> BEYOND = List.of(
            new Beyond(Pattern.compile("\\b(?:lyrics|singing|singer|sung|sing|vocalist|rapping|rapper|a voice singing|with words)\\b|歌词|唱歌|演唱|歌手|有人唱"),
                    "singing with words", "a wordless choir"),
            new Beyond(Pattern.compile("\\b(?:waltz|3/4|three[- ]four|6/8|triple (?:time|meter))\\b|华尔兹|三拍子"),
                    "another metre than 4/4", "a steady 4/4 with a gentle swing"),
            new Beyond(Pattern.compile("\\b(?:song by|track by|a real song|famous song|popular song|copyrighted|spotify|apple music|taylor swift|drake|beyonc[eé]|ed sheeran|the beatles|queen)\\b|周杰伦|某首歌|原曲|版权音乐|流行歌曲"),
                    "using a named song", "original music in the style you name"),
            new Beyond(Pattern.compile("\\b(?:slow[- ]?mo(?:tion)?|colou?r grade|colou?r grading|filter|transition|stabili[sz]e|zoom in|speed up the video|trim the video|cut the video)\\b|慢动作|调色|滤镜|转场|剪掉"),
                    "editing the picture", "music, titles and the frame shape"),
            new Beyond(Pattern.compile("\\b(?:sound effects?|sfx|whoosh(?:es)?|swoosh|foley|laugh track)\\b|音效"),
                    "sound effects", "a hit in the music on the cuts"));

    /** Adds what a clause asks that is beyond the engine, with the nearest thing it can do. */
    static void unsupported(String c, List<MusicEdit> edits) {
        for (Beyond b : BEYOND) {
            if (b.words().matcher(c).find()) {
                edits.add(new MusicEdit.Unsupported(b.what(), b.nearest()));
                if (b.nearest().equals("a wordless choir")) {
                    edits.add(new MusicEdit.Instruments(java.util.Set.of("choir"), java.util.Set.of(), false));
                }
            }
        }
    }
}

package dev.backbeat.service.local;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the user types to the local engine, in English or Chinese, into {@link MusicEdit}s:
 * moods, styles, tempo, volume, instruments, changes over time, titles, aspect, ducking,
 * variations. What it does not understand it leaves out; the caller answers honestly.
 */
public final class RequestParser {

    /** The edits found; empty when nothing in the message was understood. */
    public record Parsed(List<MusicEdit> edits) {
        public boolean understood() {
            return !edits.isEmpty();
        }
    }

    public static final String WHAT_I_CAN_DO = "I can change the music's mood (calm, happy, energetic, epic, sad, "
            + "tense, romantic, dreamy…), its style (lo-fi, cinematic, pop, acoustic, electronic, corporate, piano, "
            + "suspense), tempo (\"faster\", \"100 bpm\", \"half time\"), volume (\"35%\", \"quieter music\"), "
            + "instruments (\"no drums\", \"piano only\", \"add strings\"), changes over time (\"calmer in the "
            + "middle\", \"build up at 0:30\", \"drop at 1:05\"), titles (\"add the title 'Urban Dreams' for 3 s\"), "
            + "the aspect (\"make it vertical\"), ducking under speech, or make \"another variation\".";

    private static final Pattern TITLE_WORD = Pattern.compile("\\b(?:title|caption|text|heading|headline|subtitle|words)\\b|标题|字幕|文字|片名");
    /** A verb that puts quoted text on the picture even without the word "title" ("put 'Day One' at the start"). */
    private static final Pattern SHOW_WORD = Pattern.compile("\\b(?:add|put|show|write|display|overlay|say|saying|reading)\\b|加|写|显示|打上");
    /** "at 0:02", "from 3 s": the title's placement, once the title is taken out. */
    private static final Pattern TIME_WORDS = Pattern.compile(
            "(?:\\b(?:at|from|starting at|for)\\s+)?\\d+(?::\\d{1,2})?(?:\\.\\d+)?\\s*(?:s|sec|secs|seconds?|秒)?\\b");
    private static final Pattern DURATION = Pattern.compile("(?:for|lasting|持续)\\s*(\\d+(?:\\.\\d+)?)\\s*(?:s|sec|secs|seconds?|秒)?(?:钟)?"
            + "|(\\d+(?:\\.\\d+)?)\\s*(?:s|sec|secs|seconds?|秒)(?:钟)?\\s*(?:long)?");
    private static final Pattern BPM = Pattern.compile("(\\d{2,3})\\s*(?:bpm|beats per minute)\\b|每分钟\\s*(\\d{2,3})\\s*拍|(\\d{2,3})\\s*拍每分钟|(?:tempo|速度)\\s*(?:to|of|=|为|到|改成|调到)?\\s*(\\d{2,3})\\b");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})\\s*(?:%|percent|％)");

    public Parsed parse(String message) {
        List<MusicEdit> edits = new ArrayList<>();
        if (message == null || message.isBlank()) {
            return new Parsed(edits);
        }
        RequestSplitter.Split split = RequestSplitter.split(message, normalise(message));
        for (String request : split.requests()) {
            String quoted = split.quotedIn(request);
            String rest = TypoFixer.fix(RequestSplitter.MARK.matcher(request).replaceAll(" "));
            if (quoted != null && (TITLE_WORD.matcher(rest).find() || SHOW_WORD.matcher(rest).find())) {
                rest = title(quoted, rest, edits);
            }
            rest = rest.trim();
            if (!rest.isEmpty()) {
                clause(rest, edits);
            }
        }
        return new Parsed(dedupe(edits));
    }

    private static String normalise(String message) {
        StringBuilder sb = new StringBuilder();
        for (char c : message.toCharArray()) {
            if (c >= '０' && c <= '９') {
                c = (char) (c - '０' + '0');
            } else if (c == '：') {
                c = ':';
            }
            sb.append(c);
        }
        return sb.toString().toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    /**
     * A title from its own request: its duration ("for 3 s") and placement ("at 0:05", "from 0:05 to
     * 0:08") come from that request alone. Returns what is left to read as music requests.
     */
    private static String title(String text, String request, List<MusicEdit> edits) {
        String rest = request;
        double duration = 3;
        Matcher d = DURATION.matcher(rest);
        boolean timed = false;
        if (d.find()) {
            duration = Double.parseDouble(d.group(1) != null ? d.group(1) : d.group(2));
            rest = rest.substring(0, d.start()) + " " + rest.substring(d.end());
            timed = true;
        }
        double start = 0;
        Optional<TimeSpan> span = TimeSpanParser.find(rest);
        if (span.isPresent() && !span.get().relative() && span.get().start() >= 0) {
            start = span.get().start();
            if (!timed && !span.get().isPoint() && !Double.isInfinite(span.get().end())) {
                duration = span.get().end() - span.get().start();
            }
        }
        edits.add(new MusicEdit.Title(text, start, Math.max(0.5, duration)));
        // the title's own words and timing are gone, so neither reads as a music request
        String left = TIME_WORDS.matcher(TITLE_WORD.matcher(rest).replaceAll(" ")).replaceAll(" ");
        return TimeSpanParser.without(left).replaceAll("\\b(?:add|put|show|the|a|an|with|for|on|it|called|saying)\\b", " ").trim();
    }

    private void clause(String c, List<MusicEdit> edits) {
        boolean variation = c.matches(".*\\b(?:another (?:variation|version|take|one)|different (?:take|version|one)|something (?:else|different)|try again|regenerate|new variation|re-?roll|shuffle)\\b.*"
                + "|.*(?:换一(?:个|首|版)|再来一(?:版|首|个)|重新生成|换个).*");
        if (RelativeRequests.revert(c, edits)) {
            return;
        }
        if (variation) {
            edits.add(new MusicEdit.Variation());
        }
        c = PhotoRequests.find(c, edits);
        RelativeRequests.unsupported(c, edits);
        aspect(c, edits);
        fit(c, edits);
        ducking(c, edits);
        original(c, edits);
        tempo(c, edits);
        if (volume(c, edits)) {
            // "quieter music" is about the level, not the mood
            c = c.replaceAll("\\b(?:quieter|quiet|softer|soft|louder|loud)\\b", " ");
        }
        if (RelativeRequests.busyOrFade(c, edits)) {
            c = RelativeRequests.withoutBusyOrFade(c);
        }
        boolean switched = styles(c, edits);
        if (!switched) {
            instruments(c, edits);
        } else {
            instruments(c.replaceAll("\\b(?:switch(?:ed)? to|change (?:it |the music )?to|make it|turn it into)\\s+(?:a |an |some )?\\w+|(?:换成|改成|变成|切换到|换为|改为)\\s*\\p{IsHan}{1,3}", " "), edits);
        }
        key(c, edits);
        moodsAndIntensity(c, edits);
    }

    private static void aspect(String c, List<MusicEdit> edits) {
        if (c.matches(".*(?:\\bvertical\\b|\\bportrait\\b|9\\s*:\\s*16|\\bfor (?:tiktok|reels|shorts|stories)\\b|竖屏|竖版|竖的).*")) {
            edits.add(new MusicEdit.Aspect("9:16"));
        } else if (c.matches(".*(?:\\bsquare\\b|\\b1\\s*:\\s*1\\b|方形|正方形|方的).*")) {
            edits.add(new MusicEdit.Aspect("1:1"));
        } else if (c.matches(".*(?:\\bhorizontal\\b|\\blandscape\\b|\\bwidescreen\\b|16\\s*:\\s*9|横屏|横版|横的).*")) {
            edits.add(new MusicEdit.Aspect("16:9"));
        }
    }

    private static void fit(String c, List<MusicEdit> edits) {
        if (c.matches(".*\\b(?:blur(?:red)? (?:background|fill|edges|sides)|blur the (?:edges|sides|background))\\b.*|.*模糊(?:背景|填充).*")) {
            edits.add(new MusicEdit.Fit("blur"));
        } else if (c.matches(".*\\b(?:crop(?:ped)?|fill the (?:frame|screen)|zoom to fill|no (?:black )?bars)\\b.*|.*(?:裁剪|填满|铺满).*")) {
            edits.add(new MusicEdit.Fit("crop"));
        } else if (c.matches(".*\\b(?:pad(?:ded|ding)?|letterbox(?:ed)?|black bars|keep the whole (?:picture|frame))\\b.*|.*(?:黑边|留边).*")) {
            edits.add(new MusicEdit.Fit("pad"));
        }
    }

    private static void ducking(String c, List<MusicEdit> edits) {
        if (c.matches(".*(?:\\b(?:no|without|turn off|disable|stop|don't|do not) (?:the )?(?:auto[- ]?)?duck(?:ing)?\\b|\\bducking off\\b|关闭闪避|不要闪避|取消闪避|不要自动压低).*")) {
            edits.add(new MusicEdit.Ducking(false));
        } else if (c.matches(".*(?:\\bduck(?:ing)?\\b|\\b(?:lower|quieter|softer|dip) (?:the )?music (?:when|while|under) .*(?:speak|talk|voice|speech|dialog)|闪避|说话时.*(?:降低|压低|小)|人声.*(?:压低|降低)).*")) {
            edits.add(new MusicEdit.Ducking(true));
        }
    }

    private static void original(String c, List<MusicEdit> edits) {
        if (c.matches(".*\\b(?:mute|remove|replace|drop|no|without) (?:the |my )?(?:original|camera|clip'?s?) (?:sound|audio)\\b.*|.*(?:静音原声|去掉原声|不要原声|原声静音).*")) {
            edits.add(new MusicEdit.OriginalSound("replace", OptionalDouble.empty()));
        } else if (c.matches(".*\\b(?:lower|reduce|turn down|quieter) (?:the |my )?(?:original|camera|clip'?s?) (?:sound|audio)\\b.*|.*(?:降低原声|原声小一点|原声调低).*")) {
            Matcher p = PERCENT.matcher(c);
            edits.add(new MusicEdit.OriginalSound("lower", p.find() ? OptionalDouble.of(Integer.parseInt(p.group(1))) : OptionalDouble.empty()));
        } else if (c.matches(".*\\bkeep (?:the |my )?(?:original (?:sound|audio)|voice|voiceover|narration)\\b.*|.*保留原声.*")) {
            edits.add(new MusicEdit.OriginalSound("keep", OptionalDouble.empty()));
        }
    }

    private static void tempo(String c, List<MusicEdit> edits) {
        Matcher m = BPM.matcher(c);
        if (m.find()) {
            for (int g = 1; g <= 4; g++) {
                if (m.group(g) != null) {
                    int bpm = Integer.parseInt(m.group(g));
                    if (bpm >= 40 && bpm <= 220) {
                        edits.add(new MusicEdit.Tempo(OptionalInt.of(bpm), 1));
                    }
                    return;
                }
            }
        }
        if (c.matches(".*\\b(?:twice as fast|double (?:the )?(?:speed|tempo|pace)|two times (?:faster|as fast)|2x (?:faster|speed|the speed)|x2 speed)\\b.*|.*(?:快一倍|两倍速|2倍速|速度翻倍|加快一倍).*")) {
            edits.add(new MusicEdit.Tempo(OptionalInt.empty(), 2));
        } else if (c.matches(".*\\b(?:half as fast|half (?:the )?(?:speed|tempo|pace)|half speed|twice as slow)\\b.*|.*(?:慢一倍|速度减半|一半的速度).*")) {
            edits.add(new MusicEdit.Tempo(OptionalInt.empty(), 0.5));
        } else if (c.matches(".*\\b(?:a (?:little|tiny|wee) bit|a bit|a little|a tad|a touch|slightly|somewhat|just a bit) (?:faster|quicker|more tempo|more upbeat tempo)\\b.*|.*\\bspeed (?:it )?up (?:a (?:little|bit|tad|touch)|slightly)\\b.*|.*(?:稍微快|稍快|快一点点|略快).*")) {
            edits.add(new MusicEdit.Tempo(OptionalInt.empty(), 1.07));
        } else if (c.matches(".*\\b(?:a (?:little|tiny|wee) bit|a bit|a little|a tad|a touch|slightly|somewhat|just a bit) slower\\b.*|.*(?:稍微慢|稍慢|慢一点点|略慢).*")) {
            edits.add(new MusicEdit.Tempo(OptionalInt.empty(), 0.93));
        } else if (c.matches(".*\\bhalf[- ]?time\\b.*|.*半速.*")) {
            edits.add(new MusicEdit.Tempo(OptionalInt.empty(), 0.5));
        } else if (c.matches(".*\\bdouble[- ]?time\\b.*|.*(?:双倍速|倍速).*")) {
            edits.add(new MusicEdit.Tempo(OptionalInt.empty(), 2));
        } else if (c.matches(".*\\b(?:much|a lot|way) (?:faster|quicker)\\b.*|.*快很多.*")) {
            edits.add(new MusicEdit.Tempo(OptionalInt.empty(), 1.3));
        } else if (c.matches(".*\\b(?:much|a lot|way) slower\\b.*|.*慢很多.*")) {
            edits.add(new MusicEdit.Tempo(OptionalInt.empty(), 0.75));
        } else if (c.matches(".*\\b(?:faster|quicker|speed (?:it )?up|pick up the (?:pace|tempo)|up ?tempo|more tempo)\\b.*|.*\\b(?:too slow|way too slow|drags?|dragging)\\b.*|.*(?:快一点|快点|快一些|更快|加快|节奏快|太慢).*")) {
            edits.add(new MusicEdit.Tempo(OptionalInt.empty(), 1.15));
        } else if (c.matches(".*\\b(?:slower|slow (?:it )?down|less fast|down ?tempo)\\b.*|.*\\b(?:too fast|too quick|too rushed|rushed)\\b.*|.*(?:慢一点|慢点|慢一些|更慢|放慢|节奏慢|太快).*")) {
            edits.add(new MusicEdit.Tempo(OptionalInt.empty(), 0.87));
        }
    }

    /** Adds a volume edit; true when it was asked for in words (quieter, louder). */
    private static boolean volume(String c, List<MusicEdit> edits) {
        Matcher p = PERCENT.matcher(c);
        boolean aboutOriginal = c.matches(".*(?:original|camera|原声).*");
        if (p.find() && !aboutOriginal) {
            int pct = Integer.parseInt(p.group(1));
            if (pct <= 100) {
                edits.add(new MusicEdit.Volume(OptionalInt.of(pct), 0));
            }
            return false;
        }
        if (aboutOriginal) {
            return false;
        }
        if (c.matches(".*\\b(?:quieter|softer|lower|turn (?:it |the music |the bgm )?down|music (?:is )?too loud|too loud|less loud|reduce the (?:music|volume|bgm)|lower the (?:music|volume|bgm))\\b.*(?:music|bgm|volume|it|background)?.*")
                && c.matches(".*\\b(?:music|bgm|volume|background|it|down|loud)\\b.*")
                || c.matches(".*(?:音乐小|音量小|小声|调低音量|降低音量|音乐太吵|音乐太大|背景音乐小|音乐轻一点).*")) {
            edits.add(new MusicEdit.Volume(OptionalInt.empty(), -4));
            return true;
        } else if (c.matches(".*\\b(?:louder|turn (?:it |the music |the bgm )?up|music (?:is )?too quiet|raise the (?:music|volume|bgm)|boost the (?:music|bgm))\\b.*")
                || c.matches(".*(?:音乐大|音量大|大声|调高音量|提高音量|音乐太小|背景音乐大).*")) {
            edits.add(new MusicEdit.Volume(OptionalInt.empty(), 3));
            return true;
        }
        return false;
    }

    private static final Pattern REMOVE = Pattern.compile("\\b(?:no|without|remove|drop|lose|mute|cut|take out|get rid of|kill|less)\\s+(?:the\\s+|any\\s+)?([a-z -]+)|(?:不要|去掉|去除|没有|删掉|关掉|不用)\\s*(\\p{IsHan}+)");
    private static final Pattern ONLY = Pattern.compile("\\b(?:only|just)\\s+(?:the\\s+|a\\s+)?([a-z-]+)|\\b([a-z-]+)\\s+only\\b|(?:只要|只用|只有|纯|仅)\\s*(\\p{IsHan}+)");
    private static final Pattern ADD = Pattern.compile("\\b(?:add|with|more|bring in|include|use|introduce)\\s+(?:some\\s+|the\\s+|a\\s+|an\\s+)?([a-z -]+)|(?:加上?|添加|加入|多点|多一些|多一点|增加)\\s*(\\p{IsHan}+)");

    private static final Pattern OUT = Pattern.compile("\\b([a-z-]+(?: [a-z-]+)?) (?:out|off)\\b(?! of)");

    private static void instruments(String c, List<MusicEdit> edits) {
        Set<String> add = new LinkedHashSet<>();
        Set<String> remove = new LinkedHashSet<>();
        boolean only = false;
        Matcher m = ONLY.matcher(c);
        while (m.find()) {
            String found = instrumentIn(group(m));
            if (found != null) {
                add.add(found);
                only = true;
            }
        }
        m = REMOVE.matcher(c);
        while (m.find()) {
            for (String word : group(m).split("\\s+(?:or|and|nor)\\s+|和|或")) {
                String found = instrumentIn(word);
                if (found != null) {
                    remove.add(found);
                }
            }
        }
        m = ADD.matcher(c);
        while (m.find()) {
            for (String word : group(m).split("\\s+(?:and|&)\\s+|和|与")) {
                String found = instrumentIn(word);
                if (found != null && !remove.contains(found)) {
                    add.add(found);
                }
            }
        }
        m = OUT.matcher(c);
        while (m.find()) {
            String found = instrumentIn(m.group(1));
            if (found != null) {
                remove.add(found);
            }
        }
        if (add.isEmpty() && remove.isEmpty() && !c.matches(".*\\b(?:no|not|without|less|never)\\b.*|.*(?:不|没|别).*")) {
            // an instrument named beside a style or mood ("jazzy piano", "a sad piano piece") is one the user wants to hear
            for (Map.Entry<String, Pattern> e : Vocabulary.INSTRUMENTS.entrySet()) {
                if (!e.getKey().equals("drums") && !e.getKey().equals("melody") && !namesTheStyle(e.getKey(), edits)
                        && e.getValue().matcher(c).find()) {
                    add.add(e.getKey());
                }
            }
        }
        if (!add.isEmpty() || !remove.isEmpty()) {
            edits.add(new MusicEdit.Instruments(Set.copyOf(add), Set.copyOf(remove), only));
        }
    }

    /** Whether the instrument is the style already asked for ("solo piano", "acoustic guitar"): no need to add it again. */
    private static boolean namesTheStyle(String instrument, List<MusicEdit> edits) {
        return edits.stream().anyMatch(e -> e instanceof MusicEdit.Style s
                && (s.style().equals("piano") && instrument.equals("piano") || s.style().equals("acoustic") && instrument.equals("guitar")));
    }

    private static String group(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "";
    }

    /** The instrument a phrase starts with ("drums at the end" → drums), or null. */
    private static String instrumentIn(String phrase) {
        for (Map.Entry<String, Pattern> e : Vocabulary.INSTRUMENTS.entrySet()) {
            Matcher m = e.getValue().matcher(phrase);
            if (m.find() && m.start() <= 2) {
                return e.getKey();
            }
        }
        return null;
    }

    private static final Pattern KEY = Pattern.compile("\\bin ([a-g])(#|♯|b|♭| sharp| flat)? (major|minor)\\b|\\b([a-g])(#|b)?(m|min|maj)\\b");

    private static void key(String c, List<MusicEdit> edits) {
        Matcher m = KEY.matcher(c);
        if (m.find() && !(m.group(1) != null && m.group(1).equals("a") && c.matches(".*\\bin a (?:major|minor) key\\b.*"))) {
            if (m.group(1) != null) {
                edits.add(new MusicEdit.Key(m.group(1).toUpperCase(Locale.ROOT) + accidental(m.group(2)), m.group(3)));
                return;
            }
        }
        if (c.matches(".*\\b(?:minor key|in (?:a )?minor|in minor)\\b.*|.*小调.*")) {
            edits.add(new MusicEdit.Key("", "minor"));
        } else if (c.matches(".*\\b(?:major key|in (?:a )?major|in major)\\b.*|.*大调.*")) {
            edits.add(new MusicEdit.Key("", "major"));
        }
    }

    private static String accidental(String a) {
        if (a == null) {
            return "";
        }
        return a.contains("#") || a.contains("♯") || a.contains("sharp") ? "#" : "b";
    }

    /** "switch to piano", "把音乐换成钢琴": an instrument named as what the whole piece should be. */
    private static final Pattern SWITCH = Pattern.compile("\\b(?:switch(?:ed)? to|change (?:it |the music |this )?(?:in)?to|make it|turn it into|replace (?:it|the music) with|go with|i want|give me|how about)\\s+(?:a |an |some |just )?(piano|guitar|strings|synths?)\\b"
            + "|(?:换成|改成|变成|切换到|换为|改为|用|来点|来一段)\\s*(钢琴|吉他|弦乐|合成器)");

    /** Adds the style a clause names (a genre maps to its nearest style and mood); true when an instrument named the style. */
    private static boolean styles(String c, List<MusicEdit> edits) {
        Matcher sw = SWITCH.matcher(c);
        if (sw.find()) {
            String word = group(sw);
            String style = switch (word) {
                case "piano", "钢琴" -> "piano";
                case "guitar", "吉他" -> "acoustic";
                case "strings", "弦乐" -> "cinematic";
                default -> "electronic";
            };
            edits.add(style.equals("piano") ? new MusicEdit.Style(style) : new MusicEdit.Style(style, word));
            return true;
        }
        Optional<GenreWords.Found> found = GenreWords.find(c);
        if (found.isPresent()) {
            GenreWords.Genre g = found.get().genre();
            edits.add(g.exact() ? new MusicEdit.Style(g.style()) : new MusicEdit.Style(g.style(), found.get().said()));
            if (g.mood() != null && mood(c) == null) {
                edits.add(new MusicEdit.Mood(g.mood()));
            }
            return false;
        }
        for (Map.Entry<String, Pattern> e : Vocabulary.STYLES.entrySet()) {
            if (e.getValue().matcher(c).find()) {
                edits.add(new MusicEdit.Style(e.getKey()));
                return false;
            }
        }
        return false;
    }

    private static final Pattern BUILD = Pattern.compile("\\bbuild(?:s|ing)?(?: it)? ?up\\b|\\bbuild\\b|\\brise\\b|\\bcrescendo\\b|渐强|铺垫|推向高潮|逐渐.*(?:激昂|增强)");
    private static final Pattern DROP = Pattern.compile("\\b(?:a |the )?(?:beat )?drop\\b(?!\\s+(?:the\\s+)?(?:drums?|bass|piano|strings|guitar|synth))|\\bhit\\b|\\bclimax\\b|\\bpeak\\b|高潮|爆发|重拍");

    private static void moodsAndIntensity(String c, List<MusicEdit> edits) {
        Optional<TimeSpan> span = TimeSpanParser.find(c);
        if (span.isPresent()) {
            Matcher drop = DROP.matcher(c);
            Matcher build = BUILD.matcher(c);
            boolean isDrop = drop.find();
            if (isDrop || build.find()) {
                edits.add(isDrop ? new MusicEdit.Intensity(span.get(), 0.5, "drop") : new MusicEdit.Intensity(span.get(), 0.4, "build"));
                // the time belongs to the drop; mood words beside it ("upbeat electronic with a drop at 0:14") are for the whole piece
                c = TimeSpanParser.without((isDrop ? DROP : BUILD).matcher(c).replaceAll(" "));
                span = Optional.empty();
            }
        }
        String mood = mood(LESS.matcher(c).replaceAll(m -> lessMeans(m.group(1) != null ? m.group(1) : m.group(2))));
        if (mood == null) {
            return;
        }
        if (span.isPresent()) {
            double delta = Vocabulary.LOW_ENERGY.contains(mood) ? -0.35 : 0.35;
            edits.add(new MusicEdit.Intensity(span.get(), delta, "level"));
        } else {
            edits.add(new MusicEdit.Mood(mood));
        }
    }

    private static final Pattern LESS = Pattern.compile("\\b(?:less|not so|not as)\\s+(\\w+)|不那么\\s*(\\p{IsHan}{1,2})");

    /** "less intense" asks for calm, "less sad" for happy, "less calm" for energy. */
    private static String lessMeans(String word) {
        if (word == null) {
            return "";
        }
        String m = mood(word);
        if (m == null) {
            return "";
        }
        return Vocabulary.LOW_ENERGY.contains(m) ? (m.equals("sad") ? "happy" : "energetic") : "calm";
    }

    private static String mood(String c) {
        for (Map.Entry<String, Pattern> e : Vocabulary.MOODS.entrySet()) {
            if (e.getValue().matcher(c).find()) {
                return e.getKey();
            }
        }
        return null;
    }

    private static List<MusicEdit> dedupe(List<MusicEdit> edits) {
        return List.copyOf(new LinkedHashSet<>(edits));
    }
}

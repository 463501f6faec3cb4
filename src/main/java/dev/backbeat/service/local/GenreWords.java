package dev.backbeat.service.local;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The genres people name ("hip hop", "jazzy", "synthwave", "rock", 爵士), each with the nearest
 * style we play, the mood it usually carries and an instrument it is known by. Order matters: the
 * longer, more particular phrase comes first ("acoustic guitar" before "guitar", "epic trailer"
 * before "epic").
 */
final class GenreWords {
    private GenreWords() {
    }

    /**
     * @param style      our style
     * @param mood       a mood it carries, or null
     * @param instrument an instrument to bring in, or null
     * @param exact      true when the word simply names our style (no "nearest" to say)
     */
    record Genre(Pattern words, String style, String mood, String instrument, boolean exact) {
    }

    private static Genre g(String english, String chinese, String style, String mood, String instrument, boolean exact) {
        return new Genre(Pattern.compile("\\b(?:" + english + ")\\b" + (chinese.isEmpty() ? "" : "|" + chinese)),
                style, mood, instrument, exact);
    }

    static final List<Genre> GENRES = List.of(
            g("study beats|beats to (?:study|relax)(?: to)?|study music|for study(?:ing)?|homework|focus music|lofi beats|lo-?fi hip[- ]?hop",
                    "学习用?的?音乐|学习背景", "lofi", "calm", null, true),
            g("boom[- ]?bap|hip[- ]?hop|hiphop|rap beat|rap|r&b|rnb|neo[- ]?soul|soul", "嘻哈|说唱|节奏布鲁斯", "lofi", null, null, false),
            g("jazz(?:y|ier)?|smooth jazz|bossa(?: nova)?|swing", "爵士", "lofi", null, "piano", false),
            g("trap|dubstep|drum (?:and|n|&) bass|dnb|d&b|future bass", "陷阱|低音炮", "electronic", "energetic", "synth", false),
            g("synthwave|retrowave|vaporwave|outrun|80s synth|eighties|chiptune|8[- ]?bit|video game music|retro game",
                    "合成器浪潮|蒸汽波|八位|像素风", "electronic", "nostalgic", "synth", false),
            g("edm|house|techno|trance|club music|dance music|rave|electro|electronica|electronic", "电子|舞曲|蹦迪|夜店",
                    "electronic", null, null, true),
            g("epic trailer|movie trailer|trailer music|trailer", "预告片|大片", "cinematic", "epic", null, false),
            g("piano solo|solo piano|piano piece|piano music|just a piano|classical piano|piano ballad", "钢琴曲|纯钢琴|钢琴独奏|钢琴音乐",
                    "piano", null, null, true),
            g("orchestral|orchestra|symphonic|film score|movie score|soundtrack|cinematic|classical", "管弦|交响|电影配乐|电影感|古典|史诗配乐",
                    "cinematic", null, null, true),
            g("ambient|atmospheric|soundscape|meditation|spa music|yoga music", "氛围音乐|冥想|环境音乐", "cinematic", "calm", null, false),
            g("acoustic guitar|fingerstyle|fingerpicking|unplugged|acoustic|folk|country|campfire|singer-songwriter|bluegrass",
                    "木吉他|原声吉他|民谣|乡村", "acoustic", null, "guitar", true),
            g("rock|punk|metal|grunge|indie rock|guitar[- ]driven", "摇滚|朋克|金属", "pop", "energetic", "guitar", false),
            g("k-?pop|j-?pop|dance[- ]?pop|synth[- ]?pop|indie pop|electro[- ]?pop|upbeat pop|pop (?:music|song|style|vibe|track|beat|tune)s?", "^pop$|流行|韩流", "pop", null, null, true),
            g("funk|funky|disco|groovy", "放克|迪斯科", "electronic", "happy", "bass", false),
            g("reggae|ska|tropical|latin|salsa|reggaeton", "雷鬼|拉丁", "pop", "happy", null, false),
            g("corporate|business|commercial|presentation|explainer|product video|tech promo", "企业|商务|宣传片|广告",
                    "corporate", null, null, true),
            g("horror|thriller|suspense|spooky|creepy", "悬疑|惊悚|恐怖", "suspense", "tense", null, true),
            g("chillhop|chill ?hop|lo-?fi|low-?fi|lofi", "低保真", "lofi", null, null, true));

    /** The first genre a clause names, with the words it used. */
    static Optional<Found> find(String clause) {
        for (Genre g : GENRES) {
            var m = g.words().matcher(clause);
            if (m.find()) {
                return Optional.of(new Found(g, m.group()));
            }
        }
        return Optional.empty();
    }

    record Found(Genre genre, String said) {
    }
}

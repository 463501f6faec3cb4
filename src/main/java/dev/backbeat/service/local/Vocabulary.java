package dev.backbeat.service.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The words, English and Chinese, that name moods, styles and instruments. */
final class Vocabulary {
    private Vocabulary() {
    }

    private static Pattern words(String english, String chinese) {
        return Pattern.compile("\\b(?:" + english + ")\\b" + (chinese.isEmpty() ? "" : "|" + chinese));
    }

    /** Mood → its words; the order decides which wins when a clause holds several. */
    static final Map<String, Pattern> MOODS = new LinkedHashMap<>();
    /** Moods that lower the energy when asked for in a stretch of time ("calmer in the middle"). */
    static final java.util.Set<String> LOW_ENERGY = java.util.Set.of("calm", "sad", "dreamy", "romantic", "nostalgic");
    static final Map<String, Pattern> STYLES = new LinkedHashMap<>();
    static final Map<String, Pattern> INSTRUMENTS = new LinkedHashMap<>();

    static {
        MOODS.put("epic", words("epic|grand|heroic|triumphant|majestic", "史诗|宏大|大气|磅礴"));
        MOODS.put("energetic", words("energetic|more energy|high energy|intense|powerful|exciting|hype|punchy|punchier|more punch|more oomph|energised|energized|pumped|intens(?:e|er)|more (?:excit|energ|intens)\\w*",
                "激昂|激情|动感|燃|有力|带劲|热血|更有活力"));
        MOODS.put("tense", words("tense|tension|suspenseful|ominous|scary|creepy|menacing|dark(?:er)?", "紧张|阴暗|恐怖|压抑"));
        MOODS.put("sad", words("sad(?:der)?|melancholic|melancholy|sorrowful|tearful|somber|sombre|heartbreaking", "悲伤|伤感|难过|忧伤"));
        MOODS.put("romantic", words("romantic|tender|loving|love song", "浪漫|温柔|甜蜜"));
        MOODS.put("dreamy", words("dreamy|dreamlike|ethereal|floaty|atmospheric", "梦幻|空灵"));
        MOODS.put("inspiring", words("inspiring|inspirational|uplifting|motivational|hopeful", "励志|积极|振奋"));
        MOODS.put("playful", words("playful|quirky|cute|funny|whimsical", "俏皮|可爱|搞笑"));
        MOODS.put("nostalgic", words("nostalgic|retro|vintage", "怀旧|复古"));
        MOODS.put("mysterious", words("mysterious|mystery|enigmatic", "神秘"));
        MOODS.put("happy", words("happy|happier|cheerful|joyful|joyous|upbeat|bright(?:er)?|fun|sunny|positive",
                "欢快|开心|快乐|愉快|轻快|阳光"));
        MOODS.put("calm", words("calm(?:er)?|relax(?:ed|ing)?|peaceful|chill(?:er)?|gentle|gentler|soft(?:er)?|mellow|quiet(?:er)?|serene|soothing|laid[- ]back|less intense|tone it down|more relaxed",
                "平静|安静|舒缓|放松|轻柔|柔和|缓和|温和"));

        STYLES.put("lofi", words("lo-?fi|low-?fi|lo fi|chillhop|chill ?hop", "低保真"));
        STYLES.put("cinematic", words("cinematic|film score|movie score|orchestral|orchestra|ambient|soundtrack", "电影感?|氛围|管弦"));
        STYLES.put("electronic", words("electronic|edm|house|techno|dance music|synthwave|electro", "电子|舞曲"));
        STYLES.put("acoustic", words("acoustic|folk|unplugged|singer-songwriter", "民谣|原声吉他"));
        STYLES.put("corporate", words("corporate|business|commercial|presentation", "企业|商务|宣传片"));
        STYLES.put("piano", words("solo piano|piano solo|piano piece|just a piano", "钢琴曲|纯钢琴|钢琴独奏"));
        STYLES.put("suspense", words("suspense|thriller|horror", "悬疑|惊悚"));
        // "pop" alone is too common a word ("make the colours pop"): it must sound like music
        STYLES.put("pop", Pattern.compile("^pop$|\\bpop(?= music| song| style| vibe| track| beat| tune)|\\b(?:upbeat|synth|indie|k|electro|dance)[- ]?pop\\b|流行"));

        INSTRUMENTS.put("drums", words("drums?|percussion|beats?|kick|hi-?hats?", "鼓点?|打击乐|节拍"));
        INSTRUMENTS.put("bass", words("bass(?:line)?", "贝斯|低音"));
        INSTRUMENTS.put("piano", words("piano|keys|rhodes|keyboard", "钢琴"));
        INSTRUMENTS.put("strings", words("strings|violins?|cellos?|orchestra", "弦乐|小提琴|大提琴"));
        INSTRUMENTS.put("guitar", words("guitars?", "吉他"));
        INSTRUMENTS.put("synth", words("synths?|synthesi[sz]ers?|pads?", "合成器"));
        INSTRUMENTS.put("brass", words("brass|horns?|trumpets?", "铜管|小号"));
        INSTRUMENTS.put("flute", words("flutes?|woodwinds?", "长笛|笛子"));
        INSTRUMENTS.put("bells", words("bells|glockenspiel|chimes|celesta", "铃声|钟琴"));
        INSTRUMENTS.put("choir", words("choir|vocals?|voices? (?:ooh|aah)|oohs", "合唱|人声合唱"));
        INSTRUMENTS.put("melody", words("melody|melodies|lead line|lead melody|tune on top", "主旋律|旋律"));
    }
}

package dev.backbeat.service.local;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The local engine's chat replies in the language the user wrote in: a message with Chinese
 * characters is answered in 简体中文, any other in English ({@code replies*.properties}).
 */
final class Replies {
    static final Replies ENGLISH = new Replies(Locale.ENGLISH);
    static final Replies CHINESE = new Replies(Locale.SIMPLIFIED_CHINESE);
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\u3000-\\u303f\\uff00-\\uffef]");

    private final ResourceBundle bundle;
    private final boolean chinese;

    private Replies(Locale locale) {
        // no fallback to the JVM's locale: English is the base bundle
        this.bundle = ResourceBundle.getBundle("dev.backbeat.service.local.replies", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.chinese = locale.getLanguage().equals("zh");
    }

    /** The language to answer {@code message} in. */
    static Replies forMessage(String message) {
        return message != null && CJK.matcher(message).find() ? CHINESE : ENGLISH;
    }

    boolean chinese() {
        return chinese;
    }

    /** The reply text for a key with {0}, {1}… filled in (plain substitution: apostrophes need no escaping). */
    String text(String key, Object... args) {
        String t = bundle.getString(key);
        for (int i = 0; i < args.length; i++) {
            t = t.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return t;
    }

    /** A word from a table (a mood, a part, a style), or the word itself when the table has none. */
    String word(String table, String name) {
        try {
            return bundle.getString(table + "." + name);
        } catch (MissingResourceException e) {
            return name;
        }
    }

    /** "A minor" → "A 小调" in Chinese; English keys stay as they are. */
    String key(String key) {
        if (!chinese || key == null) {
            return key;
        }
        return key.replaceAll("\\bmajor\\b", text("mode.major")).replaceAll("\\bminor\\b", text("mode.minor"));
    }

    String list(java.util.List<String> parts) {
        return String.join(text("list.sep"), parts);
    }
}

package dev.backbeat.ui;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text the window shows, looked up by key in {@code messages.properties} (English) or
 * {@code messages_zh_CN.properties} (简体中文). Views and view models build no sentence of their
 * own: they ask here, as JabRef's {@code Localization.lang} does. The language is chosen once at
 * start (from Settings, else the system locale), so a change in Settings applies on restart.
 */
public final class Texts {
    public static final String BUNDLE = "dev.backbeat.ui.messages";
    /** The languages the window speaks, as Settings stores them ("" follows the system). */
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static volatile ResourceBundle bundle = load(pick("", Locale.getDefault()));

    private Texts() {
    }

    /** Switches the language for the texts asked for from now on. */
    public static void use(Locale locale) {
        bundle = load(locale);
    }

    public static Locale locale() {
        return bundle.getLocale().getLanguage().isEmpty() ? ENGLISH : bundle.getLocale();
    }

    /**
     * The language for a setting: "en" or "zh-CN" as chosen, else the system's (any Chinese
     * locale gets 简体中文, everything else English).
     */
    public static Locale pick(String setting, Locale system) {
        String s = setting == null ? "" : setting.trim();
        if (s.isEmpty()) {
            return system != null && "zh".equals(system.getLanguage()) ? CHINESE : ENGLISH;
        }
        return s.toLowerCase(Locale.ROOT).startsWith("zh") ? CHINESE : ENGLISH;
    }

    /**
     * The text for a key with {0}, {1}… filled in. Plain substitution rather than
     * {@link java.text.MessageFormat}, so an apostrophe in a translation needs no escaping.
     */
    public static String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            // a missing key shows itself rather than breaking the window; BundleKeysTest keeps this from shipping
            return key;
        }
        return fill(text, args);
    }

    static String fill(String text, Object... args) {
        if (args == null || args.length == 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int close = c == '{' ? text.indexOf('}', i) : -1;
            if (close > i + 1 && text.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(text.substring(i + 1, close));
                sb.append(n < args.length ? String.valueOf(args[n]) : text.substring(i, close + 1));
                i = close;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static ResourceBundle load(Locale locale) {
        // no fallback to the JVM's default locale: English is the base bundle, not the system's language
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}

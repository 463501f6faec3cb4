package dev.backbeat.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's texts live in the bundles: none typed into a view, every key in both languages. */
class UiTextsTest {
    private static final Path UI = Path.of("src/main/java/dev/backbeat/ui");
    /** Calls that put text in front of the user, given a string literal that holds a letter. */
    private static final Pattern LITERAL = Pattern.compile(
            "(?:\\.(?:setText|setPromptText|setTitle|setHeaderText|setContentText|setAccessibleText|setAccessibleHelp"
                    + "|setPlaceholder|say|set)|new\\s+(?:Label|Button|ToggleButton|CheckBox|RadioButton|MenuItem|Menu"
                    + "|CheckMenuItem|Tooltip|Text|Hyperlink|TitledPane|Tab|ButtonType)"
                    + "|\\b(?:hint|muted|button|label|fillText))\\(\\s*\"([^\"\\\\]|\\\\.)*\\p{L}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void noViewOrViewModelTypesAUserVisibleText() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(UI)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    // a \\u escape is a character, not letters: "\\u201C" is a quotation mark
                    if (LITERAL.matcher(lines.get(i).replaceAll("\\\\u[0-9A-Fa-f]{4}", "·")).find()) {
                        found.add(UI.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "put these texts in messages.properties and ask Texts.get for them");
    }

    @Test
    void theScanCatchesALiteral() {
        assertTrue(LITERAL.matcher("        Button b = new Button(\"Export\");").find());
        assertTrue(LITERAL.matcher("status.set(\"Starting…\");").find());
        assertTrue(LITERAL.matcher("b.setTooltip(new Tooltip(\"Zoom in\"));").find());
        assertTrue(LITERAL.matcher("chat.say(\"Switched to \" + name);").find());
        assertTrue(!LITERAL.matcher("Button out = button(\"−\", \"zoomOut\", Texts.get(\"x\"));").find());
        assertTrue(!LITERAL.matcher("new Label(Texts.get(\"chat.header\"))").find());
    }

    @Test
    void everyKeyIsInBothLanguagesWithTheSamePlaceholders() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertTrue(en.size() > 100, "the English bundle has only " + en.size() + " keys");
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(zh.stringPropertyNames());
        Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
        onlyZh.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), onlyEn, "keys missing in 简体中文");
        assertEquals(Set.of(), onlyZh, "keys missing in English");
        List<String> mismatched = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            if (!placeholders(en.getProperty(key)).equals(placeholders(zh.getProperty(key)))) {
                mismatched.add(key);
            }
            if (zh.getProperty(key).isBlank() != en.getProperty(key).isBlank()) {
                mismatched.add(key + " (empty in one language)");
            }
        }
        assertEquals(List.of(), mismatched);
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Properties en = load("messages.properties");
        Pattern asked = Pattern.compile("Texts\\.get\\(\"([\\w.]+)\"[,)]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(UI)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = asked.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(m.group(1));
                    }
                }
            }
        }
        // keys made of a prefix and a name
        for (dev.backbeat.service.BackendKind k : dev.backbeat.service.BackendKind.values()) {
            for (String key : List.of("backend." + k.name(), "backend.short." + k.name())) {
                if (!en.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        for (String theme : dev.backbeat.ui.settings.SettingsViewModel.THEMES) {
            if (!en.containsKey("settings.theme." + theme)) {
                missing.add("settings.theme." + theme);
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void chineseIsReadAsUtf8AndPicked() {
        try {
            Texts.use(Texts.pick("zh-CN", Locale.US));
            assertEquals("导出 ▸", Texts.get("main.export"));
            assertEquals("已添加 a.mp4。", Texts.get("main.added", "a.mp4"));
            Texts.use(Texts.pick("", Locale.forLanguageTag("zh-TW")));
            assertEquals(Texts.CHINESE, Texts.locale());
        } finally {
            Texts.use(Locale.ENGLISH);
        }
        // English even on a Chinese system when English is chosen (no fallback to the JVM's locale)
        Texts.use(Texts.pick("en", Locale.SIMPLIFIED_CHINESE));
        assertEquals("Export ▸", Texts.get("main.export"));
        assertEquals("Can't {1} stay", Texts.fill("Can't {1} stay", "x"));
        assertEquals("a b", Texts.fill("{0} {1}", "a", "b"));
    }

    @Test
    void aChineseWindowPicksTheFirstKnownCjkFamily() {
        assertEquals(java.util.Optional.of("Noto Sans CJK SC"),
                UiFont.cjkAmong(List.of("DejaVu Sans", "WenQuanYi Zen Hei", "Noto Sans CJK SC")));
        assertEquals(java.util.Optional.empty(), UiFont.cjkAmong(List.of("DejaVu Sans", "Liberation Serif")));
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}

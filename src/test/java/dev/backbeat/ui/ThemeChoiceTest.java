package dev.backbeat.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Light and dark from one stylesheet: the light theme gives every named colour another value. */
class ThemeChoiceTest {

    @Test
    void theSettingPicksTheTheme() {
        assertFalse(ThemeChoice.isLight("dark", Map.of("GTK_THEME", "Adwaita")));
        assertTrue(ThemeChoice.isLight("light", Map.of()));
        assertFalse(ThemeChoice.isLight("system", Map.of()), "no word from the desktop: stay dark");
        assertTrue(ThemeChoice.isLight("system", Map.of("GTK_THEME", "Adwaita")));
        assertFalse(ThemeChoice.isLight("system", Map.of("GTK_THEME", "Adwaita:dark")));
    }

    @Test
    void withoutGtkThemeTheDesktopIsAsked(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        assertTrue(ThemeChoice.isLight("system", Map.of(), () -> java.util.Optional.of(true)));
        assertFalse(ThemeChoice.isLight("system", Map.of(), () -> java.util.Optional.of(false)));
        assertFalse(ThemeChoice.isLight("system", Map.of("GTK_THEME", "Adwaita:dark"), () -> java.util.Optional.of(true)),
                "the environment wins");
        assertTrue(ThemeChoice.isLight("light", Map.of(), () -> java.util.Optional.of(false)), "a chosen theme is kept");
        java.nio.file.Path kde = dir.resolve("kdeglobals");
        java.nio.file.Files.writeString(kde, "[General]\nColorScheme=BreezeDark\n");
        assertEquals(java.util.Optional.of(false), ThemeChoice.kdeScheme(kde));
        java.nio.file.Files.writeString(kde, "[General]\nColorScheme=BreezeLight\n");
        assertEquals(java.util.Optional.of(true), ThemeChoice.kdeScheme(kde));
        assertEquals(java.util.Optional.empty(), ThemeChoice.kdeScheme(dir.resolve("none")));
    }

    @Test
    void theLightThemeRedefinesEveryNamedColour() throws IOException {
        String css;
        try (InputStream in = MainView.class.getResourceAsStream("backbeat.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> dark = names(block(css, "\\.root \\{"));
        Set<String> light = names(block(css, "\\.root\\.theme-light \\{"));
        assertTrue(dark.size() > 15, dark.toString());
        assertEquals(dark, light);
        // no colour typed outside the two palettes except white/black on the picture itself
        String rest = css.replace(block(css, "\\.root \\{"), "").replace(block(css, "\\.root\\.theme-light \\{"), "");
        Matcher hex = Pattern.compile("#[0-9a-fA-F]{3,8}\\b").matcher(rest);
        assertFalse(hex.find(), "a colour outside the palettes: " + (hex.hitEnd() ? "" : hex.group()));
    }

    private static String block(String css, String opening) {
        Matcher m = Pattern.compile(opening + "(.*?)\\}", Pattern.DOTALL).matcher(css);
        assertTrue(m.find(), opening);
        return m.group(1);
    }

    private static Set<String> names(String block) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(-bb-[\\w-]+)\\s*:").matcher(block);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}

package dev.backbeat.ui;

import dev.backbeat.service.Settings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;

import java.util.Locale;
import java.util.Map;

/**
 * Light or dark: the stylesheet holds both as named colours on {@code .root}, and the light ones
 * take over when the window's root carries {@code theme-light}. "system" follows the desktop's
 * GTK theme name ({@code GTK_THEME}, e.g. "Adwaita:dark"); without one the app stays dark, its
 * look until now. JavaFX 21 has no platform colour-scheme query (that came in 22).
 */
public final class ThemeChoice {
    public static final String LIGHT_CLASS = "theme-light";

    private ThemeChoice() {
    }

    public static boolean isLight(String setting, Map<String, String> env) {
        String s = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        if (s.equals("light")) {
            return true;
        }
        if (!s.equals("system")) {
            return false;
        }
        String gtk = env.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT);
        return !gtk.isBlank() && !gtk.contains("dark");
    }

    /** Keeps the root's theme class in step with the settings, now and on every change. */
    public static void follow(Parent root, ObservableValue<Settings> settings, Map<String, String> env) {
        Runnable apply = () -> {
            boolean light = settings.getValue() != null && isLight(settings.getValue().theme(), env);
            root.getStyleClass().remove(LIGHT_CLASS);
            if (light) {
                root.getStyleClass().add(LIGHT_CLASS);
            }
        };
        apply.run();
        settings.addListener((o, was, now) -> apply.run());
    }

    /** A dialog gets the window's stylesheet and theme, so it looks like the window it belongs to. */
    public static void dress(javafx.scene.control.DialogPane pane, javafx.stage.Window owner) {
        if (owner == null || owner.getScene() == null) {
            return;
        }
        pane.getStylesheets().setAll(owner.getScene().getStylesheets());
        if (owner.getScene().getRoot().getStyleClass().contains(LIGHT_CLASS)) {
            pane.getStyleClass().add(LIGHT_CLASS);
        }
    }
}

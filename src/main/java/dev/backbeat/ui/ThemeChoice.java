package dev.backbeat.ui;

import dev.backbeat.service.Settings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;

import java.util.Locale;
import java.util.Map;

/**
 * Light or dark: the stylesheet holds both as named colours on {@code .root}, and the light ones
 * take over when the window's root carries {@code theme-light}. "system" follows the desktop:
 * {@code GTK_THEME} when set ("Adwaita:dark"), else GNOME's colour-scheme setting (prefer-dark,
 * prefer-light), else the GTK theme GNOME names, else KDE's colour scheme in {@code kdeglobals};
 * with no word from the desktop the app stays dark, its look until now. JavaFX 21 has no platform
 * colour-scheme query (that came in 22).
 */
public final class ThemeChoice {
    public static final String LIGHT_CLASS = "theme-light";

    private ThemeChoice() {
    }

    public static boolean isLight(String setting, Map<String, String> env) {
        return isLight(setting, env, java.util.Optional::empty);
    }

    /** As {@link #isLight(String, Map)}, asking {@code desktop} when the environment does not say (true: light). */
    public static boolean isLight(String setting, Map<String, String> env,
                                  java.util.function.Supplier<java.util.Optional<Boolean>> desktop) {
        String s = setting == null ? "" : setting.strip().toLowerCase(Locale.ROOT);
        if (s.equals("light")) {
            return true;
        }
        if (!s.equals("system")) {
            return false;
        }
        String gtk = env.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT);
        if (!gtk.isBlank()) {
            return !gtk.contains("dark");
        }
        return desktop.get().orElse(false);
    }

    /**
     * What the desktop prefers, read the way its own apps do: GNOME's {@code color-scheme}, then its
     * {@code gtk-theme} name (through gsettings, a second at most), then KDE's {@code kdeglobals}.
     */
    public static java.util.Optional<Boolean> desktopPrefersLight(Map<String, String> env) {
        java.util.Optional<String> scheme = gsettings("color-scheme");
        if (scheme.isPresent() && scheme.get().contains("prefer-")) {
            return java.util.Optional.of(scheme.get().contains("prefer-light"));
        }
        java.util.Optional<String> theme = gsettings("gtk-theme");
        if (theme.isPresent() && !theme.get().isBlank()) {
            return java.util.Optional.of(!theme.get().toLowerCase(Locale.ROOT).contains("dark"));
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
        java.nio.file.Path kde = (xdg.isBlank() ? java.nio.file.Path.of(home, ".config") : java.nio.file.Path.of(xdg))
                .resolve("kdeglobals");
        return kdeScheme(kde);
    }

    /** KDE's colour scheme name from {@code kdeglobals} ("BreezeDark" → dark); empty without one. */
    static java.util.Optional<Boolean> kdeScheme(java.nio.file.Path kdeglobals) {
        try {
            for (String line : java.nio.file.Files.readAllLines(kdeglobals)) {
                String t = line.strip();
                if (t.startsWith("ColorScheme=")) {
                    return java.util.Optional.of(!t.toLowerCase(Locale.ROOT).contains("dark"));
                }
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // no KDE settings here
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> gsettings(String key) {
        try {
            Process p = new ProcessBuilder("gsettings", "get", "org.gnome.desktop.interface", key)
                    .redirectErrorStream(true).start();
            if (!p.waitFor(1, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return java.util.Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 ? java.util.Optional.of(out.replace("'", "")) : java.util.Optional.empty();
        } catch (java.io.IOException e) {
            return java.util.Optional.empty(); // no gsettings: not GNOME
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    /** Keeps the root's theme class in step with the settings, now and on every change. */
    public static void follow(Parent root, ObservableValue<Settings> settings, Map<String, String> env) {
        // the desktop is asked once, and only when the setting follows it
        java.util.function.Supplier<java.util.Optional<Boolean>> desktop = new java.util.function.Supplier<>() {
            private java.util.Optional<Boolean> known;

            @Override
            public java.util.Optional<Boolean> get() {
                if (known == null) {
                    known = desktopPrefersLight(env);
                }
                return known;
            }
        };
        Runnable apply = () -> {
            boolean light = settings.getValue() != null && isLight(settings.getValue().theme(), env, desktop);
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

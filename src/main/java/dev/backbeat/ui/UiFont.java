package dev.backbeat.ui;

import javafx.scene.text.Font;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The window's font. JavaFX's "System" font shows Chinese as empty boxes on a Linux desktop
 * even where a Chinese font is installed (it does not fall back through fontconfig), so a
 * 简体中文 window picks an installed CJK family itself and sets it on {@code .root} through a
 * one-rule stylesheet; the timeline's canvas asks {@link #family()} for the same family.
 * Nothing is shipped: without a CJK font the window keeps the system font.
 */
public final class UiFont {
    /** CJK families that also draw Latin text well, the most common on Linux, macOS and Windows first. */
    static final List<String> CJK = List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "PingFang SC", "Microsoft YaHei",
            "AR PL UMing CN");
    private static volatile String family = null;

    private UiFont() {
    }

    /** The first known CJK family among the installed ones. */
    static Optional<String> cjkAmong(Collection<String> installed) {
        return CJK.stream().filter(installed::contains).findFirst();
    }

    /** The family text is drawn in ("System" unless a Chinese window chose another). */
    public static String family() {
        String f = family;
        return f == null ? Font.getDefault().getFamily() : f;
    }

    /**
     * For a Chinese window with a CJK font installed, a stylesheet (a data: URL) that sets that
     * family on {@code .root}; empty otherwise. Call on the FX thread, before the views are built.
     */
    public static Optional<String> stylesheetFor(Locale locale) {
        family = null;
        if (!"zh".equals(locale.getLanguage())) {
            return Optional.empty();
        }
        Optional<String> cjk = cjkAmong(Font.getFamilies());
        cjk.ifPresent(f -> family = f);
        return cjk.map(f -> "data:text/css;base64," + Base64.getEncoder().encodeToString(
                (".root { -fx-font-family: \"" + f + "\"; }\n").getBytes(StandardCharsets.UTF_8)));
    }
}

package dev.backbeat.ui;

import javafx.scene.input.KeyCombination;

/**
 * A keyboard shortcut of the window: the keys, what it does in the user's words (a bundle key)
 * and the action. The Help sheet lists exactly the shortcuts the window registers, so the list
 * cannot promise a key that does nothing. {@code action} is null for keys handled elsewhere
 * (Space, Esc, Tab), which are listed only.
 */
public record Shortcut(KeyCombination keys, String shown, String textKey, Runnable action) {

    public static Shortcut of(String keys, String textKey, Runnable action) {
        KeyCombination combo = KeyCombination.valueOf(keys);
        return new Shortcut(combo, combo.getDisplayText(), textKey, action);
    }

    /** A key the window handles itself (listed in Help, not registered as an accelerator). */
    public static Shortcut listed(String shown, String textKey) {
        return new Shortcut(null, shown, textKey, null);
    }
}

package dev.backbeat.ui;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.List;

/** Help → Keyboard shortcuts (F1): every shortcut the window has, with what it does. */
public final class HelpSheet extends Dialog<Void> {

    public HelpSheet(List<Shortcut> shortcuts, Window owner) {
        setTitle(Texts.get("help.title"));
        if (owner != null) {
            initOwner(owner);
        }
        dev.backbeat.ui.ThemeChoice.dress(getDialogPane(), owner);
        GridPane grid = new GridPane();
        grid.setId("helpShortcuts");
        grid.setHgap(18);
        grid.setVgap(6);
        int row = 0;
        for (Shortcut s : shortcuts) {
            Label keys = new Label(s.shown());
            keys.getStyleClass().add("shortcut-keys");
            Label what = new Label(Texts.get(s.textKey()));
            grid.addRow(row++, keys, what);
        }
        getDialogPane().setHeaderText(Texts.get("help.header"));
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(new ButtonType(Texts.get("help.close"), ButtonType.CLOSE.getButtonData()));
        getDialogPane().getStyleClass().add("help-sheet");
    }
}

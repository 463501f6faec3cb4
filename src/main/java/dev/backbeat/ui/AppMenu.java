package dev.backbeat.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The window's menus: File (projects) and Edit (undo, redo), with their shortcuts. */
final class AppMenu {
    private AppMenu() {
    }

    static MenuBar build(MainViewModel vm) {
        MenuItem undo = new MenuItem();
        undo.setId("undoItem");
        undo.textProperty().bind(vm.history().undoTextProperty());
        undo.disableProperty().bind(vm.history().canUndoProperty().not());
        undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undo.setOnAction(e -> vm.history().undo());

        MenuItem redo = new MenuItem();
        redo.setId("redoItem");
        redo.textProperty().bind(vm.history().redoTextProperty());
        redo.disableProperty().bind(vm.history().canRedoProperty().not());
        redo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        redo.setOnAction(e -> vm.history().redo());

        Menu edit = new Menu("Edit", null, undo, redo);
        edit.setId("editMenu");
        MenuBar bar = new MenuBar(edit);
        bar.setId("menuBar");
        return bar;
    }

    /** Ctrl+Y redoes too (the Windows habit), besides Ctrl+Shift+Z on the menu item. */
    static void extraKeys(javafx.scene.Scene scene, MainViewModel vm) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), () -> vm.history().redo());
    }
}

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

        Menu edit = new Menu(Texts.get("menu.edit"), null, undo, redo);
        edit.setId("editMenu");
        edit.setOnShowing(e -> vm.history().refresh()); // what undo names is asked again whenever the menu opens

        MenuItem open = new MenuItem(Texts.get("menu.openProject"));
        open.setId("openProjectItem");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> vm.projects().open());
        MenuItem save = new MenuItem(Texts.get("menu.saveProject"));
        save.setId("saveProjectItem");
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        save.setOnAction(e -> vm.projects().save());
        MenuItem saveAs = new MenuItem(Texts.get("menu.saveProjectAs"));
        saveAs.setId("saveProjectAsItem");
        saveAs.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        saveAs.setOnAction(e -> vm.projects().saveAs());
        MenuItem locate = new MenuItem(Texts.get("menu.locate"));
        locate.setId("locateItem");
        locate.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.projects().missing()));
        locate.setOnAction(e -> vm.projects().locateMissing());
        Menu file = new Menu(Texts.get("menu.file"), null, open, save, saveAs, new javafx.scene.control.SeparatorMenuItem(), locate);
        file.setId("fileMenu");

        MenuBar bar = new MenuBar(file, edit);
        bar.setId("menuBar");
        return bar;
    }

    /** Ctrl+Y redoes too (the Windows habit), besides Ctrl+Shift+Z on the menu item. */
    static void extraKeys(javafx.scene.Scene scene, MainViewModel vm) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), () -> vm.history().redo());
    }
}

package dev.backbeat.ui;

import dev.backbeat.service.BackendKind;
import dev.backbeat.service.Settings;
import dev.backbeat.ui.chat.ChatView;
import dev.backbeat.ui.export.ExportView;
import dev.backbeat.ui.preview.PreviewView;
import dev.backbeat.ui.settings.SettingsDialog;
import dev.backbeat.ui.timeline.TimelineView;
import dev.backbeat.ui.timeline.VariationsView;
import dev.backbeat.ui.upload.UploadView;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;

/**
 * The main window, laid out as desktop video tools are: clips on the left, the picture in the
 * middle, the chat on the right, the timeline across the bottom, export as a side sheet.
 */
public final class MainView extends BorderPane {

    private final List<Shortcut> shortcuts;

    public MainView(MainViewModel vm) {
        setId("mainWindow");
        shortcuts = shortcuts(vm);
        getStyleClass().add("main-window");

        UploadView upload = new UploadView(vm.upload());
        ChatView chat = new ChatView(vm.chat());
        TimelineView timeline = new TimelineView(vm.timeline());
        ExportView export = new ExportView(vm.export());

        setTop(toolbar(vm));

        PreviewView preview = new PreviewView(vm.preview());
        SplitPane split = new SplitPane(upload, preview, chat);
        split.setDividerPositions(0.2, 0.68);
        SplitPane.setResizableWithParent(upload, false);
        SplitPane.setResizableWithParent(chat, false);

        VariationsView variations = new VariationsView(vm.timeline().variations());
        StartScreen start = new StartScreen(vm);
        StackPane.setAlignment(start, Pos.CENTER);
        StackPane center = new StackPane(split, start, variations, export);
        StackPane.setAlignment(export, Pos.TOP_RIGHT);
        StackPane.setAlignment(variations, Pos.BOTTOM_CENTER);
        export.visibleProperty().bind(vm.export().openProperty());
        setCenter(center);
        setBottom(timeline);

        UploadView.acceptDrops(this, vm.upload());
        ThemeChoice.follow(this, vm.settingsProperty(), System.getenv());
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                playKeys(scene, vm.project().transport());
                AppMenu.extraKeys(scene, vm);
                for (Shortcut s : shortcuts) {
                    if (s.action() != null) {
                        scene.getAccelerators().put(s.keys(), s.action());
                    }
                }
            }
        });
    }

    /** The window's shortcuts; the Help sheet lists these and nothing else. */
    private List<Shortcut> shortcuts(MainViewModel vm) {
        return List.of(
                // open, save and undo/redo are the File and Edit menus' own accelerators
                Shortcut.listed("Ctrl+O", "help.openProject"),
                Shortcut.listed("Ctrl+S", "help.save"),
                Shortcut.listed("Ctrl+Shift+S", "help.saveAs"),
                Shortcut.of("Shortcut+I", "help.open", () -> vm.upload().chooseFiles()),
                Shortcut.listed("Ctrl+Z", "help.undo"),
                Shortcut.listed("Ctrl+Shift+Z / Ctrl+Y", "help.redo"),
                Shortcut.listed("Delete", "help.delete"),
                Shortcut.of("Shortcut+E", "help.export", () -> vm.export().show()),
                Shortcut.listed("Space", "help.play"),
                Shortcut.of("Shortcut+Equals", "help.zoomIn", () -> vm.timeline().zoomIn()),
                Shortcut.of("Shortcut+Minus", "help.zoomOut", () -> vm.timeline().zoomOut()),
                Shortcut.of("Shortcut+0", "help.fit", () -> vm.timeline().fit()),
                Shortcut.of("Shortcut+L", "help.chat", this::focusChat),
                Shortcut.listed("Esc", "help.leave"),
                Shortcut.of("Shortcut+Comma", "help.settings", () -> openSettings(vm)),
                Shortcut.of("F1", "help.help", this::openHelp),
                Shortcut.listed("Tab", "help.tab"));
    }

    private void focusChat() {
        javafx.scene.Node input = lookup("#chatInput");
        if (input != null) {
            input.requestFocus();
        }
    }

    private void openSettings(MainViewModel vm) {
        new SettingsDialog(vm.settingsSheet(), getScene().getWindow()).showAndWait().ifPresent(vm::apply);
    }

    private void openHelp() {
        new HelpSheet(shortcuts, getScene().getWindow()).show();
    }

    /**
     * Space plays and pauses wherever the focus is not in a text field; Esc leaves a text field
     * (the chat), so the next Space plays.
     */
    private void playKeys(javafx.scene.Scene scene, Transport transport) {
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl;
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE && !typing) {
                transport.togglePlay();
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && typing) {
                requestFocus();
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.ENTER
                    && scene.getFocusOwner() instanceof javafx.scene.control.ButtonBase b && !b.isDisabled()) {
                // Space plays, so Enter is how the keyboard presses the focused button
                b.fire();
                e.consume();
            }
        });
    }

    private ToolBar toolbar(MainViewModel vm) {
        Label name = new Label(Texts.get("app.name"));
        name.getStyleClass().add("app-name");

        ComboBox<BackendKind> backend = new ComboBox<>();
        backend.setId("backendSwitch");
        backend.getItems().setAll(BackendKind.values());
        backend.valueProperty().bindBidirectional(vm.backendKindProperty());
        backend.setConverter(new StringConverter<>() {
            @Override
            public String toString(BackendKind k) {
                return k == null ? "" : Texts.get("backend.short." + k.name());
            }

            @Override
            public BackendKind fromString(String s) {
                return Texts.get("backend.short.CLOUD").equals(s) ? BackendKind.CLOUD : BackendKind.LOCAL;
            }
        });

        Label status = new Label();
        status.setId("statusLine");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());

        Label jobs = new Label();
        jobs.setId("jobLine");
        jobs.getStyleClass().add("muted");
        jobs.textProperty().bind(vm.jobs().lineProperty());
        javafx.scene.control.ContextMenu withdraw = new javafx.scene.control.ContextMenu();
        jobs.setOnContextMenuRequested(e -> {
            withdraw.getItems().setAll(vm.jobs().jobs().stream().map(j -> {
                javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(
                        (j.state() == dev.backbeat.service.JobQueue.State.QUEUED ? "Withdraw " : "Cancel ") + j.label());
                item.setOnAction(a -> vm.jobs().cancel(j.id()));
                return item;
            }).toList());
            withdraw.show(jobs, e.getScreenX(), e.getScreenY());
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button settings = new Button("⚙");
        settings.setId("settingsButton");
        settings.setAccessibleText(Texts.get("main.settings.a11y"));
        settings.setTooltip(new javafx.scene.control.Tooltip(Texts.get("main.settings.tip")));
        settings.setOnAction(e -> openSettings(vm));

        Button help = new Button("?");
        help.setId("helpButton");
        help.setAccessibleText(Texts.get("main.help.shortcuts"));
        help.setTooltip(new javafx.scene.control.Tooltip(Texts.get("main.help.shortcuts") + " (F1)"));
        help.setOnAction(e -> openHelp());

        Button export = new Button(Texts.get("main.export"));
        export.setId("exportButton");
        export.getStyleClass().add("accent");
        export.setAccessibleText(Texts.get("main.export.a11y"));
        export.setOnAction(e -> vm.export().show());
        backend.setAccessibleText(Texts.get("main.backend.a11y"));

        // the menus sit in the toolbar, so the window's layout keeps its height
        return new ToolBar(AppMenu.build(vm), name, backend, status, jobs, spacer, help, settings, export);
    }

}

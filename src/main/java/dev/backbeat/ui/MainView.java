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

/**
 * The main window, laid out as desktop video tools are: clips on the left, the picture in the
 * middle, the chat on the right, the timeline across the bottom, export as a side sheet.
 */
public final class MainView extends BorderPane {

    public MainView(MainViewModel vm) {
        setId("mainWindow");
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
        StackPane center = new StackPane(split, variations, export);
        StackPane.setAlignment(export, Pos.TOP_RIGHT);
        StackPane.setAlignment(variations, Pos.BOTTOM_CENTER);
        export.visibleProperty().bind(vm.export().openProperty());
        setCenter(center);
        setBottom(timeline);

        UploadView.acceptDrops(this, vm.upload());
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                playKeys(scene, vm.project().transport());
            }
        });
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

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button settings = new Button("⚙");
        settings.setId("settingsButton");
        settings.setOnAction(e -> new SettingsDialog(vm.settingsProperty().get(), getScene().getWindow())
                .showAndWait().ifPresent(vm::apply));

        Button export = new Button(Texts.get("main.export"));
        export.setId("exportButton");
        export.getStyleClass().add("accent");
        export.setOnAction(e -> vm.export().show());

        return new ToolBar(name, backend, status, spacer, settings, export);
    }

}

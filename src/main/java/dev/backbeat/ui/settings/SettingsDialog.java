package dev.backbeat.ui.settings;

import dev.backbeat.service.BackendKind;
import dev.backbeat.service.Settings;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Settings: which back end (Local, the default, or Cloud), the cloud's address, FFmpeg, polling. */
public final class SettingsDialog extends Dialog<Settings> {

    public SettingsDialog(Settings current, Window owner) {
        setTitle("Backbeat settings");
        if (owner != null) {
            initOwner(owner);
        }
        ChoiceBox<BackendKind> backend = new ChoiceBox<>();
        backend.setId("settingsBackend");
        backend.getItems().setAll(BackendKind.values());
        backend.setValue(current.backend());
        backend.setConverter(new StringConverter<>() {
            @Override
            public String toString(BackendKind k) {
                return k == null ? "" : k.label();
            }

            @Override
            public BackendKind fromString(String s) {
                return BackendKind.LOCAL;
            }
        });
        TextField apiBase = new TextField(current.apiBase());
        apiBase.setId("settingsApiBase");
        apiBase.setPromptText(Settings.DEFAULT_API_BASE);
        TextField ffmpeg = new TextField(current.ffmpegPath());
        ffmpeg.setId("settingsFfmpeg");
        ffmpeg.setPromptText("bundled FFmpeg");
        Spinner<Integer> poll = new Spinner<>(5, 600, current.pollSeconds(), 5);
        poll.setId("settingsPoll");
        poll.setEditable(true);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label("Back end"), backend);
        grid.addRow(1, new Label("Cloud API address"), apiBase);
        grid.addRow(2, new Label("FFmpeg executable"), ffmpeg);
        grid.addRow(3, new Label("Check cloud renders every (s)"), poll);
        Label note = new Label("The local engine works offline with no account. The cloud sends your clips to NemoVideo.");
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        grid.add(note, 0, 4, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> button == ButtonType.OK
                ? new Settings(backend.getValue(), apiBase.getText(), ffmpeg.getText(), poll.getValue())
                : null);
    }
}

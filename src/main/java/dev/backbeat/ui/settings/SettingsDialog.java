package dev.backbeat.ui.settings;

import dev.backbeat.service.BackendKind;
import dev.backbeat.service.Settings;
import dev.backbeat.ui.Texts;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.function.Function;

/** Settings: back end, the cloud's address, FFmpeg, polling, language and theme; OK only when valid. */
public final class SettingsDialog extends Dialog<Settings> {

    public SettingsDialog(SettingsViewModel vm, Window owner) {
        setTitle(Texts.get("settings.title"));
        if (owner != null) {
            initOwner(owner);
        }
        dev.backbeat.ui.ThemeChoice.dress(getDialogPane(), owner);
        ChoiceBox<BackendKind> backend = choice("settingsBackend", "settings.backend",
                java.util.List.of(BackendKind.values()), k -> Texts.get("backend." + k.name()));
        backend.valueProperty().bindBidirectional(vm.backendProperty());

        TextField apiBase = field("settingsApiBase", "settings.apiBase", Settings.DEFAULT_API_BASE);
        apiBase.textProperty().bindBidirectional(vm.apiBaseProperty());
        TextField ffmpeg = field("settingsFfmpeg", "settings.ffmpeg", Texts.get("settings.ffmpeg.prompt"));
        ffmpeg.textProperty().bindBidirectional(vm.ffmpegPathProperty());
        TextField poll = field("settingsPoll", "settings.poll", "30");
        poll.textProperty().bindBidirectional(vm.pollSecondsProperty());

        ChoiceBox<String> language = choice("settingsLanguage", "settings.language", SettingsViewModel.LANGUAGES,
                l -> l.isEmpty() ? Texts.get("settings.language.system") : l.equals("en") ? "English" : "简体中文");
        language.valueProperty().bindBidirectional(vm.languageProperty());
        ChoiceBox<String> theme = choice("settingsTheme", "settings.theme", SettingsViewModel.THEMES,
                t -> Texts.get("settings.theme." + t));
        theme.valueProperty().bindBidirectional(vm.themeProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label(Texts.get("settings.backend")), backend);
        grid.addRow(1, new Label(Texts.get("settings.apiBase")), withNote(apiBase, vm.apiBaseProblemProperty(), "settingsApiBaseProblem", true));
        VBox ffmpegBox = withNote(ffmpeg, vm.ffmpegProblemProperty(), "settingsFfmpegProblem", true);
        ffmpegBox.getChildren().add(note(vm.ffmpegNoteProperty(), "settingsFfmpegNote", false));
        grid.addRow(2, new Label(Texts.get("settings.ffmpeg")), ffmpegBox);
        grid.addRow(3, new Label(Texts.get("settings.poll")), withNote(poll, vm.pollProblemProperty(), "settingsPollProblem", true));
        grid.addRow(4, new Label(Texts.get("settings.language")), language);
        grid.addRow(5, new Label(Texts.get("settings.theme")), theme);
        Label restart = new Label(Texts.get("settings.languageNote"));
        restart.setId("settingsRestartNote");
        restart.getStyleClass().add("muted");
        restart.visibleProperty().bind(vm.languageChangedProperty());
        grid.add(restart, 1, 6);
        Label note = new Label(Texts.get("settings.note"));
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        grid.add(note, 0, 7, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("settingsOk");
        ok.disableProperty().bind(vm.validProperty().not());
        ((Button) ok).setAccessibleText(Texts.get("settings.title"));
        setResultConverter(button -> button == ButtonType.OK ? vm.result().orElse(null) : null);
    }

    private static TextField field(String id, String labelKey, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setAccessibleText(Texts.get(labelKey));
        return f;
    }

    private static <T> ChoiceBox<T> choice(String id, String labelKey, java.util.List<T> items, Function<T, String> name) {
        ChoiceBox<T> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.setAccessibleText(Texts.get(labelKey));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        return box;
    }

    private static VBox withNote(Node field, ObservableStringValue text, String id, boolean problem) {
        return new VBox(2, field, note(text, id, problem));
    }

    private static Label note(ObservableStringValue text, String id, boolean problem) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add(problem ? "field-problem" : "muted");
        l.textProperty().bind(text);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }
}

package dev.backbeat.ui.preview;

import dev.backbeat.ui.Texts;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The preview pane: the picture (or the clip's still frame) with the title over it, the transport
 * (Play/Pause, position, time, music only / with the clip's sound), a caption and the mood line.
 */
public final class PreviewView extends VBox {

    public PreviewView(PreviewViewModel vm) {
        setId("previewPane");
        getStyleClass().addAll("pane", "preview-pane");

        PictureFrame picture = new PictureFrame();
        Label empty = new Label();
        empty.getStyleClass().add("preview-empty");
        empty.setWrapText(true);
        StackPane screen = new StackPane(picture, empty);
        screen.getStyleClass().add("preview-screen");
        screen.setMinSize(0, 0);
        VBox.setVgrow(screen, Priority.ALWAYS);

        vm.imageUrlProperty().addListener((o, a, url) -> picture.still(url.isBlank() ? null : new Image(url, true),
                vm.pictureProperty().get() == null));
        if (!vm.imageUrlProperty().get().isBlank()) {
            picture.still(new Image(vm.imageUrlProperty().get(), true), true);
        }
        vm.pictureProperty().addListener((o, a, p) -> picture.show(p));
        vm.titleTextProperty().addListener((o, a, t) -> picture.title(t));
        empty.textProperty().bind(vm.captionProperty());
        empty.visibleProperty().bind(vm.imageUrlProperty().isEmpty().and(vm.pictureProperty().isNull()));

        VBox transport = transport(vm);

        Label note = new Label();
        note.setId("soundNote");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.textProperty().bind(vm.soundNoteProperty());
        note.visibleProperty().bind(vm.soundNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        Label caption = new Label();
        caption.setId("previewCaption");
        caption.textProperty().bind(vm.captionProperty());
        caption.visibleProperty().bind(vm.imageUrlProperty().isNotEmpty().or(vm.pictureProperty().isNotNull()));
        Label mood = new Label();
        mood.setId("previewMood");
        mood.getStyleClass().add("muted");
        mood.setWrapText(true);
        mood.textProperty().bind(vm.moodProperty());

        getChildren().addAll(screen, transport, note, caption, mood);
        setSpacing(6);
    }

    private static VBox transport(PreviewViewModel vm) {
        Button play = new Button();
        play.setId("playButton");
        play.setAccessibleText(Texts.get("preview.play.a11y"));
        play.getStyleClass().add("play-button");
        play.textProperty().bind(javafx.beans.binding.Bindings.when(vm.playingProperty()).then(Texts.get("preview.pause")).otherwise(Texts.get("preview.play")));
        play.disableProperty().bind(vm.loadedProperty().not());
        // Space is the window's play key: the button must not take it as a click as well
        play.setFocusTraversable(false);
        play.setOnAction(e -> vm.togglePlay());

        Slider position = new Slider(0, 1, 0);
        position.setId("positionSlider");
        position.setAccessibleText(Texts.get("preview.position.a11y"));
        position.getStyleClass().add("position-slider");
        position.maxProperty().bind(vm.durationProperty());
        position.disableProperty().bind(vm.loadedProperty().not());
        position.setFocusTraversable(false);
        HBox.setHgrow(position, Priority.ALWAYS);
        vm.positionProperty().addListener((o, a, sec) -> {
            if (!position.isValueChanging()) {
                position.setValue(sec.doubleValue());
            }
        });
        // a click on the track or the end of a drag seeks (once: the picture is decoded again from there)
        position.setOnMouseReleased(e -> vm.seek(position.getValue()));

        Label time = new Label();
        time.setId("previewTime");
        time.getStyleClass().add("preview-time");
        time.textProperty().bind(vm.timeProperty());

        ToggleGroup layer = new ToggleGroup();
        ToggleButton withClip = new ToggleButton(Texts.get("preview.withClip"));
        withClip.setId("layerMix");
        withClip.setAccessibleText(withClip.getText());
        ToggleButton musicOnly = new ToggleButton(Texts.get("preview.musicOnly"));
        musicOnly.setId("layerMusic");
        musicOnly.setAccessibleText(musicOnly.getText());
        for (ToggleButton b : new ToggleButton[] {withClip, musicOnly}) {
            b.setToggleGroup(layer);
            b.setFocusTraversable(false);
            b.getStyleClass().add("layer-switch");
        }
        layer.selectToggle(vm.musicOnlyProperty().get() ? musicOnly : withClip);
        layer.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                // one of the two is always on
                layer.selectToggle(a);
            } else {
                vm.musicOnlyProperty().set(t == musicOnly);
            }
        });

        // the slider gives way when the pane is narrow; the words never do
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {play, time, withClip, musicOnly}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, play, position, time);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox sound = new HBox(0, withClip, musicOnly);
        sound.getStyleClass().add("layer-switches");
        sound.setAlignment(Pos.CENTER_LEFT);
        VBox rows = new VBox(6, bar, sound);
        rows.setId("previewTransport");
        rows.getStyleClass().add("preview-transport");
        return rows;
    }
}

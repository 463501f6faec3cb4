package dev.backbeat.ui.preview;

import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The preview pane: the clip's frame fitted to the pane, a caption, and the mood line. */
public final class PreviewView extends VBox {

    public PreviewView(PreviewViewModel vm) {
        setId("previewPane");
        getStyleClass().addAll("pane", "preview-pane");

        ImageView picture = new ImageView();
        picture.setId("previewImage");
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        Label empty = new Label();
        empty.getStyleClass().add("preview-empty");
        empty.setWrapText(true);
        StackPane screen = new StackPane(picture, empty);
        screen.getStyleClass().add("preview-screen");
        screen.setMinSize(0, 0);
        picture.fitWidthProperty().bind(screen.widthProperty().subtract(16));
        picture.fitHeightProperty().bind(screen.heightProperty().subtract(16));
        VBox.setVgrow(screen, Priority.ALWAYS);

        vm.imageUrlProperty().addListener((o, a, url) -> picture.setImage(url.isBlank() ? null : new Image(url, true)));
        if (!vm.imageUrlProperty().get().isBlank()) {
            picture.setImage(new Image(vm.imageUrlProperty().get(), true));
        }
        empty.textProperty().bind(vm.captionProperty());
        empty.visibleProperty().bind(vm.imageUrlProperty().isEmpty());

        Label caption = new Label();
        caption.setId("previewCaption");
        caption.textProperty().bind(vm.captionProperty());
        caption.visibleProperty().bind(vm.imageUrlProperty().isNotEmpty());
        Label mood = new Label();
        mood.setId("previewMood");
        mood.getStyleClass().add("muted");
        mood.setWrapText(true);
        mood.textProperty().bind(vm.moodProperty());

        getChildren().addAll(screen, caption, mood);
        setSpacing(6);
    }
}

package dev.backbeat.ui.timeline;

import dev.backbeat.ui.Texts;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The inspector on the timeline's right: a title's text, start and length, or the music and its volume. */
final class InspectorView extends VBox {

    InspectorView(InspectorViewModel vm) {
        setId("timelineInspector");
        getStyleClass().add("inspector");
        setSpacing(6);
        setMinWidth(230);
        setPrefWidth(230);
        setMaxWidth(230);

        Label heading = new Label();
        heading.setId("inspectorHeading");
        heading.getStyleClass().add("inspector-heading");
        heading.textProperty().bind(vm.headingProperty());

        VBox title = titleBox(vm);
        VBox music = musicBox(vm);
        title.visibleProperty().bind(vm.showingProperty().isEqualTo(InspectorViewModel.Showing.TITLE));
        title.managedProperty().bind(title.visibleProperty());
        music.visibleProperty().bind(vm.showingProperty().isEqualTo(InspectorViewModel.Showing.MUSIC));
        music.managedProperty().bind(music.visibleProperty());

        Label message = new Label();
        message.setId("inspectorMessage");
        message.getStyleClass().add("inspector-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        getChildren().addAll(heading, title, music, message);
    }

    private static VBox titleBox(InspectorViewModel vm) {
        TextField text = new TextField();
        text.setId("titleText");
        text.setAccessibleText(Texts.get("inspector.titleText"));
        text.setPromptText(Texts.get("inspector.titleText"));
        text.textProperty().bindBidirectional(vm.titleTextProperty());
        text.setOnAction(e -> vm.applyTitle());
        TextField start = field("titleStart", Texts.get("inspector.startPrompt"), vm.titleStartProperty(), vm);
        TextField length = field("titleLength", Texts.get("inspector.lengthPrompt"), vm.titleLengthProperty(), vm);
        GridPane times = new GridPane();
        times.setHgap(6);
        times.setVgap(2);
        times.addRow(0, muted(Texts.get("inspector.start")), muted(Texts.get("inspector.length")));
        times.addRow(1, start, length);
        Button apply = new Button(Texts.get("inspector.apply"));
        apply.setId("titleApply");
        apply.setAccessibleText(apply.getText());
        apply.setOnAction(e -> vm.applyTitle());
        Button delete = new Button(Texts.get("inspector.delete"));
        delete.setId("titleDelete");
        delete.setAccessibleText(delete.getText());
        delete.setOnAction(e -> vm.deleteTitle());
        VBox box = new VBox(6, text, times, new HBox(6, apply, delete));
        box.setId("titleInspector");
        return box;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value, InspectorViewModel vm) {
        TextField f = new TextField();
        f.setId(id);
        f.setAccessibleText(prompt);
        f.setPromptText(prompt);
        f.setPrefColumnCount(5);
        f.textProperty().bindBidirectional(value);
        f.setOnAction(e -> vm.applyTitle());
        return f;
    }

    private static VBox musicBox(InspectorViewModel vm) {
        GridPane facts = new GridPane();
        facts.setHgap(8);
        facts.setVgap(2);
        facts.addRow(0, muted(Texts.get("inspector.style")), bound("musicStyle", vm.styleProperty()));
        facts.addRow(1, muted(Texts.get("inspector.tempo")), bound("musicTempo", vm.tempoProperty()));
        facts.addRow(2, muted(Texts.get("inspector.key")), bound("musicKey", vm.keyProperty()));
        Slider volume = new Slider(0, 100, 0);
        volume.setId("musicVolume");
        volume.setAccessibleText(Texts.get("inspector.volume.a11y"));
        volume.setBlockIncrement(5);
        volume.valueProperty().bindBidirectional(vm.volumeProperty());
        volume.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) vm.applyVolume();
        });
        volume.valueProperty().addListener((o, a, b) -> {
            if (!volume.isValueChanging()) vm.applyVolume();
        });
        Label percent = new Label();
        percent.setId("musicVolumeValue");
        percent.textProperty().bind(vm.volumeProperty().asString("%.0f%%"));
        VBox box = new VBox(6, facts, new HBox(6, muted(Texts.get("inspector.volume")), percent), volume);
        box.setId("musicInspector");
        return box;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private static Label bound(String id, javafx.beans.value.ObservableStringValue value) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(value);
        return l;
    }
}

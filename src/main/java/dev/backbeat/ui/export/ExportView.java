package dev.backbeat.ui.export;

import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.SegmentedButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The export side sheet: aspect, loudness, destination, then progress, cancel and the finished file. */
public final class ExportView extends VBox {

    public ExportView(ExportViewModel vm) {
        setId("exportPane");
        getStyleClass().addAll("pane", "export-pane");

        Label header = new Label("EXPORT");
        header.getStyleClass().add("pane-header");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button("✕");
        close.setId("exportClose");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> vm.hide());
        HBox top = new HBox(header, spacer, close);

        Label format = new Label("MP4 · H.264 + AAC · up to 1080p");
        format.getStyleClass().add("muted");

        // one button per frame, like the aspect pickers of desktop editors
        SegmentedButton aspect = new SegmentedButton();
        aspect.setId("exportAspect");
        for (String a : ExportViewModel.ASPECTS) {
            ToggleButton b = new ToggleButton(a.equals("auto") ? "Auto" : a);
            b.setUserData(a);
            b.setTooltip(new Tooltip(switch (a) {
                case "9:16" -> "Vertical 1080×1920";
                case "1:1" -> "Square 1080×1080";
                case "16:9" -> "Landscape 1920×1080";
                default -> "Match the clip, or what you asked for in the chat";
            }));
            b.setSelected(a.equals(vm.aspectProperty().get()));
            aspect.getButtons().add(b);
        }
        aspect.getToggleGroup().selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                vm.aspectProperty().set((String) now.getUserData());
            }
        });

        ChoiceBox<Double> loudness = new ChoiceBox<>();
        loudness.setId("exportLoudness");
        loudness.getItems().setAll(ExportViewModel.LOUDNESS);
        loudness.valueProperty().bindBidirectional(vm.loudnessProperty());
        loudness.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double l) {
                if (l == null) {
                    return "";
                }
                return l == -14 ? "-14 LUFS (YouTube, social)" : l == -16 ? "-16 LUFS (podcast, mobile)"
                        : Math.round(l) + " LUFS (broadcast)";
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s);
            }
        });

        Button export = new Button("Export…");
        export.setId("exportStart");
        export.getStyleClass().add("accent");
        export.setMaxWidth(Double.MAX_VALUE);
        export.disableProperty().bind(vm.canExportProperty().not());
        export.setOnAction(e -> vm.export());

        ProgressBar bar = new ProgressBar();
        bar.setId("exportProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());

        Label status = new Label();
        status.setId("exportStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        Button cancel = new Button("Cancel");
        cancel.setId("exportCancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());

        Button reveal = new Button("Show in folder");
        reveal.setId("exportReveal");
        reveal.setOnAction(e -> vm.reveal());
        reveal.visibleProperty().bind(vm.resultProperty().isNotNull());
        reveal.managedProperty().bind(reveal.visibleProperty());

        getChildren().addAll(top, format, new Label("Aspect"), aspect, new Label("Loudness"), loudness,
                export, bar, status, new HBox(6, cancel, reveal));
        setSpacing(8);
        setMaxWidth(320);
        setPrefWidth(320);
    }
}

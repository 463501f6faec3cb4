package dev.backbeat.ui.export;

import dev.backbeat.ui.Texts;

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

        Label header = new Label(Texts.get("export.header"));
        header.getStyleClass().add("pane-header");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button("✕");
        close.setId("exportClose");
        close.setAccessibleText(Texts.get("export.close.a11y"));
        close.getStyleClass().add("flat");
        close.setOnAction(e -> vm.hide());
        HBox top = new HBox(header, spacer, close);

        Label format = new Label(Texts.get("export.format"));
        format.getStyleClass().add("muted");

        // one button per frame, like the aspect pickers of desktop editors
        SegmentedButton aspect = new SegmentedButton();
        aspect.setId("exportAspect");
        for (String a : ExportViewModel.ASPECTS) {
            ToggleButton b = new ToggleButton(a.equals("auto") ? Texts.get("export.aspect.auto") : a);
            b.setUserData(a);
            b.setAccessibleText(Texts.get("export.aspect") + " " + b.getText());
            b.setTooltip(new Tooltip(switch (a) {
                case "9:16" -> Texts.get("export.aspect.vertical");
                case "1:1" -> Texts.get("export.aspect.square");
                case "16:9" -> Texts.get("export.aspect.landscape");
                default -> Texts.get("export.aspect.match");
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
        loudness.setAccessibleText(Texts.get("export.loudness"));
        loudness.getItems().setAll(ExportViewModel.LOUDNESS);
        loudness.valueProperty().bindBidirectional(vm.loudnessProperty());
        loudness.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double l) {
                if (l == null) {
                    return "";
                }
                return l == -14 ? Texts.get("export.loudness.social") : l == -16 ? Texts.get("export.loudness.podcast")
                        : Texts.get("export.loudness.broadcast", Math.round(l));
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s);
            }
        });

        SegmentedButton scope = new SegmentedButton();
        ToggleButton whole = new ToggleButton(Texts.get("export.scope.whole"));
        ToggleButton each = new ToggleButton(Texts.get("export.scope.each"));
        whole.setTooltip(new Tooltip(Texts.get("export.scope.whole.tip")));
        each.setTooltip(new Tooltip(Texts.get("export.scope.each.tip")));
        whole.setAccessibleText(whole.getText());
        each.setAccessibleText(each.getText());
        scope.getButtons().addAll(whole, each);
        whole.setSelected(!vm.perClipProperty().get());
        each.setSelected(vm.perClipProperty().get());
        each.selectedProperty().addListener((o, was, now) -> vm.perClipProperty().set(now));
        whole.selectedProperty().addListener((o, was, now) -> {
            if (!now && !each.isSelected()) {
                whole.setSelected(true); // one of the two is always chosen
            }
        });
        javafx.scene.control.ListView<String> files = new javafx.scene.control.ListView<>(vm.files());
        files.setId("exportFiles");
        files.setAccessibleText(Texts.get("export.files.a11y"));
        files.setPrefHeight(120);
        files.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.files()));
        files.managedProperty().bind(files.visibleProperty());

        Button export = new Button(Texts.get("export.start"));
        export.setId("exportStart");
        export.setAccessibleText(export.getText());
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

        Button cancel = new Button(Texts.get("common.cancel"));
        cancel.setId("exportCancel");
        cancel.setAccessibleText(Texts.get("export.cancel.a11y"));
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());

        Button reveal = new Button(Texts.get("export.reveal"));
        reveal.setId("exportReveal");
        reveal.setAccessibleText(reveal.getText());
        reveal.setOnAction(e -> vm.reveal());
        reveal.visibleProperty().bind(vm.resultProperty().isNotNull());
        reveal.managedProperty().bind(reveal.visibleProperty());

        getChildren().addAll(top, format, new Label(Texts.get("export.aspect")), aspect, new Label(Texts.get("export.loudness")), loudness,
                new Label(Texts.get("export.scope")), scope, export, bar, status, files, new HBox(6, cancel, reveal));
        setSpacing(8);
        setMaxWidth(320);
        setPrefWidth(320);
    }
}

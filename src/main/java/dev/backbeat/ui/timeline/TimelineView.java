package dev.backbeat.ui.timeline;

import dev.backbeat.ui.Texts;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The timeline across the bottom: a toolbar (fit, zoom, add a title, variations), the lanes on a
 * canvas with their names beside them, a scroll bar, and the inspector on the right.
 */
public final class TimelineView extends VBox {
    private static final double HEADER_WIDTH = 78;

    private final TimelineViewModel vm;
    private final TimelineCanvas canvas;
    private final ScrollBar scroll = new ScrollBar();
    private final Tooltip cutTip = new Tooltip();
    private boolean seeking;
    private boolean syncing;

    public TimelineView(TimelineViewModel vm) {
        this.vm = vm;
        this.canvas = new TimelineCanvas(vm);
        setId("timelinePane");
        getStyleClass().addAll("pane", "timeline-pane");
        setSpacing(6);

        VBox lanes = new VBox(2, canvas, scroll);
        HBox.setHgrow(lanes, Priority.ALWAYS);
        scroll.setId("timelineScroll");
        scroll.setOrientation(Orientation.HORIZONTAL);
        scroll.valueProperty().addListener((o, a, b) -> {
            if (!syncing) vm.scrollTo(b.doubleValue());
        });
        vm.viewChangesProperty().addListener((o, a, b) -> syncScroll());
        syncScroll();

        InspectorView inspector = new InspectorView(vm.inspector());
        HBox body = new HBox(8, headers(), lanes, inspector);
        getChildren().addAll(toolbar(), body);
        listen();
    }

    private HBox toolbar() {
        Label header = new Label(Texts.get("timeline.header"));
        header.getStyleClass().add("pane-header");
        Button fit = button(Texts.get("timeline.fit"), "timelineFit", Texts.get("timeline.fit.tip"));
        fit.setOnAction(e -> vm.fit());
        Button out = button("−", "zoomOut", Texts.get("timeline.zoomOut.tip"));
        out.setOnAction(e -> vm.zoomOut());
        Button in = button("+", "zoomIn", Texts.get("timeline.zoomIn.tip"));
        in.setOnAction(e -> vm.zoomIn());
        Button title = button(Texts.get("timeline.addTitle"), "addTitle", Texts.get("timeline.addTitle.tip"));
        title.setOnAction(e -> vm.addTitle());
        Button variations = button(Texts.get("timeline.variations"), "variationsButton", Texts.get("timeline.variations.tip"));
        variations.getStyleClass().add("accent-outline");
        variations.setOnAction(e -> vm.variations().show());
        variations.disableProperty().bind(vm.contentProperty().map(c -> c.music() == null).orElse(true));

        Label summary = new Label();
        summary.setId("timelineSummary");
        summary.getStyleClass().addAll("muted", "timeline-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setMinWidth(0);
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        summary.setAlignment(Pos.CENTER_RIGHT);

        HBox bar = new HBox(6, header, fit, out, in, title, variations, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("timeline-tool");
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        return b;
    }

    /** The lane names, each level with its lane. */
    private Pane headers() {
        Pane names = new Pane();
        names.setMinWidth(HEADER_WIDTH);
        names.setPrefWidth(HEADER_WIDTH);
        for (TimelineLayout.Lane l : TimelineLayout.Lane.values()) {
            if (l == TimelineLayout.Lane.RULER) continue;
            Label name = new Label(l.header());
            name.getStyleClass().add("track-name");
            name.setMinHeight(TimelineLayout.height(l));
            name.setPrefHeight(TimelineLayout.height(l));
            name.setMaxHeight(Region.USE_PREF_SIZE);
            name.relocate(0, TimelineLayout.top(l));
            names.getChildren().add(name);
        }
        return names;
    }

    private void syncScroll() {
        TimeScale s = vm.scale();
        syncing = true;
        try {
            scroll.setMin(0);
            scroll.setMax(s.maxStartSec());
            scroll.setVisibleAmount(Math.min(s.visibleSec(), s.spanSec()));
            scroll.setUnitIncrement(s.visibleSec() / 20);
            scroll.setBlockIncrement(s.visibleSec() * 0.8);
            scroll.setValue(s.startSec());
            scroll.setDisable(s.maxStartSec() <= 0);
        } finally {
            syncing = false;
        }
    }

    private void listen() {
        canvas.setFocusTraversable(true);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            canvas.requestFocus();
            if (TimelineLayout.laneAt(e.getY()).orElse(null) == TimelineLayout.Lane.RULER) {
                seeking = true;
                vm.seekToX(e.getX());
            } else {
                vm.press(e.getX(), e.getY());
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (seeking) vm.seekToX(e.getX());
            else vm.dragTo(e.getX());
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            seeking = false;
            vm.release(e.getX());
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.isControlDown() || e.isShortcutDown()) {
                vm.zoomAt(e.getDeltaY() > 0 ? 1.25 : 1 / 1.25, e.getX());
            } else {
                double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
                vm.scrollByPx(-d);
            }
            e.consume();
        });
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            KeyCode k = e.getCode();
            if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
                vm.zoomIn();
            } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
                vm.zoomOut();
            } else if (k == KeyCode.DELETE || k == KeyCode.BACK_SPACE) {
                vm.deleteSelected();
            } else {
                return;
            }
            e.consume();
        });
        cutTip.setShowDelay(Duration.millis(150));
    }

    private void hover(double x, double y) {
        TimelineContent c = vm.content();
        var title = TimelineLayout.titleAt(c, vm.scale(), x, y);
        canvas.setCursor(TimelineLayout.laneAt(y).orElse(null) == TimelineLayout.Lane.RULER ? Cursor.HAND
                : title.isEmpty() ? Cursor.DEFAULT
                : title.get().grip() == TimelineLayout.Grip.BODY ? Cursor.MOVE : Cursor.H_RESIZE);
        var cut = TimelineLayout.cutNear(c, vm.scale(), x, y);
        if (cut.isPresent()) {
            cutTip.setText(cut.get().describe());
            Tooltip.install(canvas, cutTip);
        } else {
            Tooltip.uninstall(canvas, cutTip);
        }
    }

    /** The lanes' canvas (for tests and screenshots). */
    public TimelineCanvas canvas() {
        return canvas;
    }
}

package dev.backbeat.ui.timeline;

import dev.backbeat.draft.TrackType;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The timeline across the bottom: a ruler in seconds, one row a track, blocks placed by time. */
public final class TimelineView extends VBox {
    private static final double HEADER_WIDTH = 96;
    private static final double ROW_HEIGHT = 30;

    private final TimelineViewModel vm;
    private final Pane ruler = new Pane();
    private final VBox rows = new VBox(4);

    public TimelineView(TimelineViewModel vm) {
        this.vm = vm;
        setId("timelinePane");
        getStyleClass().addAll("pane", "timeline-pane");

        Label header = new Label("TIMELINE");
        header.getStyleClass().add("pane-header");
        Label summary = new Label();
        summary.setId("timelineSummary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);

        ruler.getStyleClass().add("ruler");
        ruler.setMinHeight(18);
        ruler.setPrefHeight(18);
        rows.setId("timelineRows");

        getChildren().addAll(header, ruler, rows, summary);
        setSpacing(6);
        vm.rows().addListener((javafx.collections.ListChangeListener<TimelineViewModel.Row>) c -> redraw());
        widthProperty().addListener((o, a, b) -> redraw());
        redraw();
    }

    private double trackWidth() {
        return Math.max(100, getWidth() - HEADER_WIDTH - getInsets().getLeft() - getInsets().getRight() - 8);
    }

    /** Seconds of timeline shown: the draft's length, at least 10 s so short clips stay readable. */
    private double spanMs() {
        return Math.max(10_000, vm.durationMsProperty().get());
    }

    private void redraw() {
        double width = trackWidth();
        double span = spanMs();
        drawRuler(width, span);
        rows.getChildren().clear();
        for (TimelineViewModel.Row row : vm.rows()) {
            Label name = new Label(icon(row.kind()) + "  " + row.name());
            name.getStyleClass().add("track-name");
            name.setMinWidth(HEADER_WIDTH);
            name.setPrefWidth(HEADER_WIDTH);
            Pane lane = new Pane();
            lane.getStyleClass().add("lane");
            lane.setPrefSize(width, ROW_HEIGHT);
            lane.setMinHeight(ROW_HEIGHT);
            HBox.setHgrow(lane, Priority.ALWAYS);
            for (TimelineViewModel.Block b : row.blocks()) {
                Label block = new Label(b.label());
                block.getStyleClass().addAll("block", "block-" + row.kind().name().toLowerCase(Locale.ROOT));
                double x = b.startMs() / span * width;
                double w = Math.max(4, (b.endMs() - b.startMs()) / span * width);
                block.relocate(x, 2);
                block.setPrefSize(w, ROW_HEIGHT - 4);
                block.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
                block.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
                block.setTooltip(new Tooltip(b.label() + "  " + seconds(b.startMs()) + "–" + seconds(b.endMs())));
                lane.getChildren().add(block);
            }
            for (long mark : row.marksMs()) {
                Region cut = new Region();
                cut.getStyleClass().add("cut-mark");
                cut.setPrefSize(2, ROW_HEIGHT);
                cut.resize(2, ROW_HEIGHT);
                cut.relocate(mark / span * width - 1, 0);
                Tooltip.install(cut, new Tooltip("cut at " + seconds(mark)));
                lane.getChildren().add(cut);
            }
            HBox line = new HBox(name, lane);
            line.getStyleClass().add("track-row");
            rows.getChildren().add(line);
        }
    }

    private void drawRuler(double width, double span) {
        ruler.getChildren().clear();
        double step = niceStep(span / 1000.0 / Math.max(1, width / 80));
        for (double s = 0; s * 1000 <= span + 1; s += step) {
            Label tick = new Label(seconds((long) (s * 1000)));
            tick.getStyleClass().add("tick");
            tick.relocate(HEADER_WIDTH + s * 1000 / span * width, 0);
            ruler.getChildren().add(tick);
        }
        ruler.setPadding(new Insets(0));
    }

    /** A tick step of 1, 2, 5, 10, 15, 30 or 60·n seconds, at least {@code min}. */
    static double niceStep(double min) {
        for (double s : new double[] {1, 2, 5, 10, 15, 30, 60, 120, 300, 600}) {
            if (s >= min) {
                return s;
            }
        }
        return Math.ceil(min / 600) * 600;
    }

    static String seconds(long ms) {
        long s = Math.round(ms / 1000.0);
        return s < 60 ? s + "s" : (s / 60) + ":" + String.format(Locale.ROOT, "%02d", s % 60);
    }

    private static String icon(TrackType.Kind kind) {
        return switch (kind) {
            case VIDEO -> "▣";
            case AUDIO -> "♫";
            case TEXT -> "T";
            case OTHER -> "•";
        };
    }
}

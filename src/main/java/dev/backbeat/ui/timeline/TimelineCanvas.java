package dev.backbeat.ui.timeline;

import dev.backbeat.ui.Texts;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lanes as one canvas, repainted whole when anything drawn changes (a few ms). Its colours
 * come from the stylesheet ({@code .timeline-canvas { -tl-wave: …; }}) like any control's.
 */
public final class TimelineCanvas extends Region {
    private static final StyleablePropertyFactory<TimelineCanvas> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final StyleableProperty<Color> lane = CSS.createStyleableColorProperty(this, "lane", "-tl-lane", c -> c.lane, Color.web("#1b1d23"));
    private final StyleableProperty<Color> text = CSS.createStyleableColorProperty(this, "text", "-tl-text", c -> c.text, Color.web("#e6e8ee"));
    private final StyleableProperty<Color> muted = CSS.createStyleableColorProperty(this, "muted", "-tl-muted", c -> c.muted, Color.web("#9aa1b2"));
    private final StyleableProperty<Color> video = CSS.createStyleableColorProperty(this, "video", "-tl-video", c -> c.video, Color.web("#4f8ef7"));
    private final StyleableProperty<Color> music = CSS.createStyleableColorProperty(this, "music", "-tl-music", c -> c.music, Color.web("#3fbf8f"));
    private final StyleableProperty<Color> wave = CSS.createStyleableColorProperty(this, "wave", "-tl-wave", c -> c.wave, Color.web("#9ff0cf"));
    private final StyleableProperty<Color> clipWave = CSS.createStyleableColorProperty(this, "clipWave", "-tl-clip-wave", c -> c.clipWave, Color.web("#9fc3ff"));
    private final StyleableProperty<Color> grid = CSS.createStyleableColorProperty(this, "grid", "-tl-grid", c -> c.grid, Color.web("#ffffff"));
    private final StyleableProperty<Color> energy = CSS.createStyleableColorProperty(this, "energy", "-tl-energy", c -> c.energy, Color.web("#ffd166"));
    private final StyleableProperty<Color> caught = CSS.createStyleableColorProperty(this, "caught", "-tl-caught", c -> c.caught, Color.web("#ff8a3d"));
    private final StyleableProperty<Color> missed = CSS.createStyleableColorProperty(this, "missed", "-tl-missed", c -> c.missed, Color.web("#ff6b6b"));
    private final StyleableProperty<Color> speech = CSS.createStyleableColorProperty(this, "speech", "-tl-speech", c -> c.speech, Color.web("#c77dff"));
    private final StyleableProperty<Color> title = CSS.createStyleableColorProperty(this, "title", "-tl-title", c -> c.title, Color.web("#c77dff"));
    private final StyleableProperty<Color> selected = CSS.createStyleableColorProperty(this, "selected", "-tl-selected", c -> c.selected, Color.web("#ffffff"));
    private final StyleableProperty<Color> playhead = CSS.createStyleableColorProperty(this, "playhead", "-tl-playhead", c -> c.playhead, Color.web("#ff8a3d"));

    private final Canvas canvas = new Canvas();
    private final TimelineViewModel vm;
    /** Clip frames by file, loaded in the background once; a loaded one repaints the lanes. */
    private final Map<String, Image> frames = new HashMap<>();
    private long paints;

    public TimelineCanvas(TimelineViewModel vm) {
        this.vm = vm;
        setId("timelineCanvas");
        setAccessibleText(Texts.get("timeline.canvas.a11y"));
        getStyleClass().add("timeline-canvas");
        getChildren().add(canvas);
        setMinHeight(TimelineLayout.totalHeight());
        setPrefHeight(TimelineLayout.totalHeight());
        setMaxHeight(TimelineLayout.totalHeight());
        widthProperty().addListener((o, a, b) -> vm.setWidth(b.doubleValue()));
        vm.viewChangesProperty().addListener((o, a, b) -> paint());
        vm.contentProperty().addListener((o, a, b) -> paint());
        vm.waveformsProperty().addListener((o, a, b) -> paint());
        vm.selectionProperty().addListener((o, a, b) -> paint());
        vm.transport().positionSecProperty().addListener((o, a, b) -> paint());
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            paint();
        }
    }

    /** How many times the lanes were painted (for tests that check a change is shown). */
    public long paints() {
        return paints;
    }

    TimelinePainter.Palette palette() {
        return new TimelinePainter.Palette(lane.getValue(), text.getValue(), muted.getValue(), video.getValue(),
                music.getValue(), wave.getValue(), clipWave.getValue(), grid.getValue(), energy.getValue(),
                caught.getValue(), missed.getValue(), speech.getValue(), title.getValue(), selected.getValue(),
                playhead.getValue());
    }

    /** Paints the lanes now (the window test times the painter with it). */
    void repaint() {
        paint();
    }

    private void paint() {
        if (canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
            return;
        }
        paints++;
        new TimelinePainter(canvas.getGraphicsContext2D(), palette(), vm.scale(), canvas.getWidth(), this::frame)
                .paint(vm.content(), vm.waveformsProperty().get(), vm.selectionProperty().get(),
                        vm.transport().positionSecProperty().get());
    }

    private Image frame(String file) {
        if (file == null || file.isBlank()) {
            return null;
        }
        return frames.computeIfAbsent(file, f -> {
            Image img = new Image(Path.of(f).toUri().toString(), 0, TimelineLayout.height(TimelineLayout.Lane.VIDEO) * 2,
                    true, true, true);
            img.progressProperty().addListener((o, a, b) -> {
                if (b.doubleValue() >= 1) paint();
            });
            return img;
        });
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}

package dev.backbeat.ui.timeline;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import java.util.List;

/** A variation's whole piece in a card's width: its outline, in the stylesheet's wave colour. */
final class MiniWaveform extends Region {
    private static final StyleablePropertyFactory<MiniWaveform> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final double WIDTH = 210;
    private static final double HEIGHT = 40;

    private final StyleableProperty<Color> wave = CSS.createStyleableColorProperty(this, "wave", "-tl-wave", c -> c.wave, Color.web("#9ff0cf"));
    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
    private final WaveformPeaks peaks;
    private final double durationSec;

    MiniWaveform(WaveformPeaks peaks, double durationSec) {
        this.peaks = peaks;
        this.durationSec = durationSec;
        getStyleClass().add("mini-waveform");
        getChildren().add(canvas);
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        ((javafx.beans.value.ObservableValue<?>) wave).addListener((o, a, b) -> paint());
        paint();
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        if (peaks == null || durationSec <= 0) {
            return;
        }
        int n = (int) WIDTH;
        float[] lo = new float[n];
        float[] hi = new float[n];
        peaks.columns(0, durationSec / WIDTH, lo, hi, n);
        float scale = (float) (0.5 * HEIGHT / Math.max(0.05, peaks.peak()));
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xs[i] = i + 0.5;
            ys[i] = HEIGHT / 2 - hi[i] * scale - 0.5;
            xs[2 * n - 1 - i] = i + 0.5;
            ys[2 * n - 1 - i] = HEIGHT / 2 - lo[i] * scale + 0.5;
        }
        g.setFill(wave.getValue());
        g.fillPolygon(xs, ys, 2 * n);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}

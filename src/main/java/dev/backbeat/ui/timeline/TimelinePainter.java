package dev.backbeat.ui.timeline;

import dev.backbeat.ui.Texts;

import dev.backbeat.service.preview.MusicMap;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.function.Function;

/** Paints the lanes for what is in view: ruler, clips and cuts, the music, the clip's sound, titles, playhead. */
final class TimelinePainter {

    /** The colours, as the stylesheet set them on the canvas. */
    record Palette(Color lane, Color text, Color muted, Color video, Color music, Color wave, Color clipWave, Color grid,
                   Color energy, Color caught, Color missed, Color speech, Color title, Color selected, Color playhead) {
    }

    // the family is the window's (a CJK one in a Chinese window), so it is looked up when painting
    private static Font small() {
        return Font.font(dev.backbeat.ui.UiFont.family(), 10);
    }

    private static Font label() {
        return Font.font(dev.backbeat.ui.UiFont.family(), 11.5);
    }

    private final GraphicsContext g;
    private final Palette p;
    private final TimeScale s;
    private final double width;
    private final Function<String, Image> frames;
    private final float[] lo;
    private final float[] hi;
    private final double[] polyX;
    private final double[] polyY;

    TimelinePainter(GraphicsContext g, Palette p, TimeScale s, double width, Function<String, Image> frames) {
        this.g = g;
        this.p = p;
        this.s = s;
        this.width = width;
        this.frames = frames;
        this.lo = new float[(int) Math.ceil(width) + 1];
        this.hi = new float[lo.length];
        this.polyX = new double[2 * lo.length];
        this.polyY = new double[2 * lo.length];
    }

    void paint(TimelineContent c, TimelineViewModel.Waveforms waves, TimelineViewModel.Selection selection, double playheadSec) {
        g.clearRect(0, 0, width, TimelineLayout.totalHeight() + 4);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        ruler();
        for (TimelineLayout.Lane l : TimelineLayout.Lane.values()) {
            if (l != TimelineLayout.Lane.RULER) {
                g.setFill(p.lane());
                g.fillRoundRect(0, top(l), width, height(l), 6, 6);
            }
        }
        video(c);
        music(c, waves, selection instanceof TimelineViewModel.Selection.Music);
        clipSound(c, waves);
        titles(c, selection instanceof TimelineViewModel.Selection.Title t ? t.index() : -1);
        playhead(playheadSec, c.durationSec());
    }

    private static double top(TimelineLayout.Lane l) {
        return TimelineLayout.top(l);
    }

    private static double height(TimelineLayout.Lane l) {
        return TimelineLayout.height(l);
    }

    private void ruler() {
        double h = height(TimelineLayout.Lane.RULER);
        g.setFont(small());
        g.setLineWidth(1);
        for (RulerTicks.Tick t : RulerTicks.ticks(s)) {
            double x = Math.round(s.x(t.sec())) + 0.5;
            g.setStroke(t.major() ? p.muted() : p.muted().deriveColor(0, 1, 1, 0.45));
            g.strokeLine(x, t.major() ? h - 9 : h - 5, x, h);
            if (t.major()) {
                g.setFill(p.muted());
                g.fillText(t.label(), x + 3, 2);
            }
        }
        g.setStroke(p.muted().deriveColor(0, 1, 1, 0.4));
        g.strokeLine(0, h - 0.5, width, h - 0.5);
    }

    private void video(TimelineContent c) {
        double y = top(TimelineLayout.Lane.VIDEO);
        double h = height(TimelineLayout.Lane.VIDEO);
        for (TimelineContent.ClipBlock b : c.clips()) {
            TimelineLayout.Span sp = TimelineLayout.span(s, b.startSec(), b.endSec());
            if (sp.x() > width || sp.x() + sp.width() < 0) continue;
            g.save();
            g.beginPath();
            g.rect(sp.x(), y, sp.width(), h);
            g.clip();
            g.setFill(p.video().deriveColor(0, 1, 0.6, 1));
            g.fillRect(sp.x(), y, sp.width(), h);
            Image img = frames.apply(b.thumbnail());
            if (img != null && img.getProgress() >= 1 && !img.isError() && img.getHeight() > 0) {
                // a filmstrip of the clip's frame, as editors show a clip
                double w = (h - 4) * img.getWidth() / img.getHeight();
                double from = Math.max(sp.x(), sp.x() + Math.floor((0 - sp.x()) / (w + 2)) * (w + 2));
                for (double x = from; x < Math.min(width, sp.x() + sp.width()); x += w + 2) {
                    g.drawImage(img, x, y + 2, w, h - 4);
                }
            }
            g.setStroke(p.video());
            g.setLineWidth(2);
            g.strokeRect(sp.x() + 1, y + 1, sp.width() - 2, h - 2);
            label(b.name(), sp.x() + 4, y + h - 17, p.text());
            g.restore();
        }
        for (TimelineContent.Cut cut : c.cuts()) {
            double x = Math.round(s.x(cut.sec())) + 0.5;
            if (x < -5 || x > width + 5) continue;
            Color col = !cut.judged() ? p.text() : cut.caught() ? p.caught() : p.missed();
            g.setStroke(col);
            g.setLineWidth(1.5);
            g.strokeLine(x, y, x, y + h);
            // solid: the music catches the cut; hollow: it does not
            if (cut.judged() && cut.caught()) {
                g.setFill(col);
                g.fillOval(x - 4.5, y + 1, 9, 9);
            } else if (cut.judged()) {
                g.setFill(p.lane());
                g.fillOval(x - 4.5, y + 1, 9, 9);
                g.strokeOval(x - 4, y + 1.5, 8, 8);
            }
        }
    }

    private void music(TimelineContent c, TimelineViewModel.Waveforms waves, boolean selected) {
        TimelineContent.Music m = c.music();
        double y = top(TimelineLayout.Lane.MUSIC);
        double h = height(TimelineLayout.Lane.MUSIC);
        if (m == null) {
            hint(Texts.get("timeline.musicHint"), y, h);
            return;
        }
        TimelineLayout.Span sp = TimelineLayout.span(s, m.startSec(), m.endSec());
        g.save();
        g.beginPath();
        g.rect(Math.max(0, sp.x()), y, Math.min(width, sp.x() + sp.width()) - Math.max(0, sp.x()), h);
        g.clip();
        g.setFill(p.music().deriveColor(0, 1, 1, 0.16));
        g.fillRect(sp.x(), y, sp.width(), h);
        List<MusicMap.SectionMark> sections = m.sections();
        for (int i = 0; i < sections.size(); i++) {
            MusicMap.SectionMark sec = sections.get(i);
            TimelineLayout.Span ss = TimelineLayout.span(s, sec.startSec(), sec.endSec());
            if (i % 2 == 1) {
                g.setFill(p.grid().deriveColor(0, 1, 1, 0.04));
                g.fillRect(ss.x(), y, ss.width(), h);
            }
        }
        grid(m.beats(), y, h, 0.10, 6);
        if (waves != null) {
            waveform(waves.music(), p.wave(), y + 14, h - 18);
        }
        // bar lines over the waveform, so the grid reads against the sound
        grid(m.bars(), y, h, 0.35, 3);
        energy(m.energy(), y, h);
        g.setFont(small());
        for (MusicMap.SectionMark sec : sections) {
            double x = s.x(sec.startSec());
            if (x < width && s.x(sec.endSec()) > 0) {
                g.setFill(p.muted());
                g.fillText(sec.name(), Math.max(2, x + 3), y + 2);
            }
        }
        label(m.describe(), Math.max(4, sp.x() + 4), y + h - 17, p.text());
        g.restore();
        if (selected) {
            g.setStroke(p.selected());
            g.setLineWidth(2);
            g.strokeRoundRect(Math.max(1, sp.x() + 1), y + 1, Math.min(width - 2, sp.width() - 2), h - 2, 6, 6);
        }
    }

    /** Vertical lines at {@code times}, drawn only when they are at least {@code minPx} apart (else they would be a wash). */
    private void grid(double[] times, double y, double h, double alpha, double minPx) {
        if (times.length < 2 || (times[1] - times[0]) * s.pxPerSec() < minPx) {
            return;
        }
        g.setStroke(p.grid().deriveColor(0, 1, 1, alpha));
        g.setLineWidth(1);
        for (double x : TimelineLayout.visibleXs(times, s)) {
            double px = Math.round(x) + 0.5;
            g.strokeLine(px, y, px, y + h);
        }
    }

    /** The energy 0-1 as a stepped line over the lane's height. */
    private void energy(List<MusicMap.EnergyPoint> points, double y, double h) {
        if (points.isEmpty()) {
            return;
        }
        g.setStroke(p.energy().deriveColor(0, 1, 1, 0.85));
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < points.size(); i++) {
            MusicMap.EnergyPoint e = points.get(i);
            double x = s.x(e.timeSec());
            double ey = y + h - 4 - e.value() * (h - 20);
            if (i == 0) g.moveTo(x, ey);
            else g.lineTo(x, ey);
            double next = i + 1 < points.size() ? s.x(points.get(i + 1).timeSec()) : s.x(s.spanSec());
            g.lineTo(Math.min(next, width + 10), ey);
        }
        g.stroke();
    }

    private void waveform(WaveformPeaks peaks, Color col, double y, double h) {
        int n = (int) Math.ceil(width);
        double secPerPx = 1 / s.pxPerSec();
        peaks.columns(s.startSec(), secPerPx, lo, hi, n);
        // a quiet layer is drawn larger so its shape reads; its loudness shows in the mix, not here
        float scale = (float) (0.5 * h / Math.max(0.05, peaks.peak()));
        double mid = y + h / 2;
        int end = (int) Math.max(0, Math.min(n, Math.ceil(s.x(peaks.buckets() * WaveformPeaks.BUCKET_SEC))));
        if (end < 2) {
            return;
        }
        // one polygon, the upper outline left to right then the lower one back: one command, not a line a column
        for (int i = 0; i < end; i++) {
            polyX[i] = i + 0.5;
            polyY[i] = mid - hi[i] * scale - 0.5;
            polyX[2 * end - 1 - i] = i + 0.5;
            polyY[2 * end - 1 - i] = mid - lo[i] * scale + 0.5;
        }
        g.setFill(col);
        g.fillPolygon(polyX, polyY, 2 * end);
    }

    private void clipSound(TimelineContent c, TimelineViewModel.Waveforms waves) {
        double y = top(TimelineLayout.Lane.CLIP_SOUND);
        double h = height(TimelineLayout.Lane.CLIP_SOUND);
        g.setFill(p.speech().deriveColor(0, 1, 1, 0.28));
        for (MusicMap.Span sp : c.speech()) {
            TimelineLayout.Span x = TimelineLayout.span(s, sp.startSec(), sp.endSec());
            g.fillRect(x.x(), y, x.width(), h);
        }
        if (waves != null) {
            waveform(waves.clip(), p.clipWave(), y + 3, h - 6);
        } else if (!c.clips().isEmpty()) {
            hint(c.music() == null ? "" : Texts.get("timeline.clipSoundHint"), y, h);
        }
        if (!c.speech().isEmpty()) {
            MusicMap.Span first = c.speech().get(0);
            label(Texts.get("timeline.speech"), Math.max(4, s.x(first.startSec()) + 4), y + 2, p.text());
        }
    }

    private void titles(TimelineContent c, int selectedIndex) {
        double y = top(TimelineLayout.Lane.TITLES);
        double h = height(TimelineLayout.Lane.TITLES);
        List<TimelineLayout.Span> spans = TimelineLayout.titleSpans(c, s);
        for (int i = 0; i < spans.size(); i++) {
            TimelineLayout.Span sp = spans.get(i);
            TimelineContent.TitleBlock t = c.titles().get(i);
            g.setFill(p.title().deriveColor(0, 1, 1, 0.85));
            g.fillRoundRect(sp.x(), y + 2, sp.width(), h - 4, 6, 6);
            if (t.index() == selectedIndex) {
                g.setStroke(p.selected());
                g.setLineWidth(2);
                g.strokeRoundRect(sp.x() + 1, y + 3, sp.width() - 2, h - 6, 6, 6);
            }
            g.save();
            g.beginPath();
            g.rect(sp.x() + 4, y, Math.max(0, sp.width() - 8), h);
            g.clip();
            g.setFont(label());
            g.setFill(Color.WHITE);
            g.fillText("\u201C" + t.text() + "\u201D", sp.x() + 7, y + 8);
            g.restore();
        }
        if (c.titles().isEmpty() && !c.clips().isEmpty()) {
            hint(Texts.get("timeline.titlesHint"), y, h);
        }
    }

    private void playhead(double sec, double duration) {
        if (duration <= 0) {
            return;
        }
        double x = Math.round(s.x(sec)) + 0.5;
        if (x < -6 || x > width + 6) {
            return;
        }
        g.setStroke(p.playhead());
        g.setLineWidth(1.5);
        g.strokeLine(x, 4, x, TimelineLayout.totalHeight());
        g.setFill(p.playhead());
        g.fillPolygon(new double[] {x - 6, x + 6, x}, new double[] {2, 2, 12}, 3);
    }

    private void label(String text, double x, double y, Color col) {
        g.setFont(label());
        // the chip behind a label is the lane's own colour, so it reads in the light theme as in the dark
        Color lane = p.lane();
        g.setFill(Color.color(lane.getRed(), lane.getGreen(), lane.getBlue(), 0.7));
        double w = Math.min(width - x, text.length() * 6.6 + 8);
        g.fillRoundRect(x - 2, y - 1, w, 16, 4, 4);
        g.setFill(col);
        g.fillText(text, x + 2, y);
    }

    private void hint(String text, double y, double h) {
        g.setFont(label());
        g.setFill(p.muted());
        g.fillText(text, 8, y + h / 2 - 7);
    }
}

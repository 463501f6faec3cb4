package dev.backbeat.ui.timeline;

import dev.backbeat.ui.Texts;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;
import java.util.Optional;

/**
 * The inspector beside the timeline: the selected title's text, start and length to edit, or
 * the music's style, tempo, key and a volume slider. The fields are the user's; they are filled
 * again only when the selected thing itself changes, so a refresh never eats what is being typed.
 */
public final class InspectorViewModel {

    public enum Showing { NOTHING, TITLE, MUSIC }

    private final TimelineViewModel timeline;
    private final ReadOnlyObjectWrapper<Showing> showing = new ReadOnlyObjectWrapper<>(Showing.NOTHING);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final StringProperty titleText = new SimpleStringProperty("");
    private final StringProperty titleStart = new SimpleStringProperty("");
    private final StringProperty titleLength = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper style = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tempo = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper key = new ReadOnlyStringWrapper("");
    private final DoubleProperty volume = new SimpleDoubleProperty(0);
    private Object shown;

    InspectorViewModel(TimelineViewModel timeline) {
        this.timeline = timeline;
        timeline.selectionProperty().addListener((o, a, b) -> show());
        timeline.contentProperty().addListener((o, a, b) -> show());
        show();
    }

    public ReadOnlyObjectProperty<Showing> showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public StringProperty titleTextProperty() {
        return titleText;
    }

    /** The start in seconds ("2.5", or "0:02.5"). */
    public StringProperty titleStartProperty() {
        return titleStart;
    }

    /** The length in seconds. */
    public StringProperty titleLengthProperty() {
        return titleLength;
    }

    public ReadOnlyStringProperty styleProperty() {
        return style.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tempoProperty() {
        return tempo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyProperty() {
        return key.getReadOnlyProperty();
    }

    /** The music's volume, 0-100: the slider's value. */
    public DoubleProperty volumeProperty() {
        return volume;
    }

    public ReadOnlyStringProperty messageProperty() {
        return timeline.messageProperty();
    }

    private Optional<TimelineContent.TitleBlock> selectedTitle() {
        if (timeline.selectionProperty().get() instanceof TimelineViewModel.Selection.Title t) {
            return timeline.content().titles().stream().filter(b -> b.index() == t.index()).findFirst();
        }
        return Optional.empty();
    }

    private void show() {
        TimelineContent.Music music = timeline.content().music();
        Optional<TimelineContent.TitleBlock> title = selectedTitle();
        if (title.isPresent()) {
            TimelineContent.TitleBlock t = title.get();
            showing.set(Showing.TITLE);
            heading.set(Texts.get("inspector.titleHeading", t.index() + 1));
            if (!t.equals(shown)) {
                titleText.set(t.text());
                titleStart.set(seconds(t.startSec()));
                titleLength.set(seconds(t.endSec() - t.startSec()));
            }
            shown = t;
        } else if (timeline.selectionProperty().get() instanceof TimelineViewModel.Selection.Music && music != null) {
            showing.set(Showing.MUSIC);
            heading.set(Texts.get("inspector.music"));
            style.set(music.label());
            tempo.set(music.bpm() > 0 ? Texts.get("music.bpm", Math.round(music.bpm())) : "—");
            key.set(music.key().isBlank() ? "—" : music.key());
            // the arrays in Music are new with every result: compare what the inspector shows
            if (!music.describe().equals(shown)) {
                volume.set(Math.max(0, music.volumePercent()));
            }
            shown = music.describe();
        } else {
            showing.set(Showing.NOTHING);
            heading.set(music == null ? Texts.get("inspector.nothing") : Texts.get("inspector.select"));
            shown = null;
        }
    }

    /** Enter in a field, or the Apply button: the title takes the fields' text, start and length. */
    public void applyTitle() {
        Optional<TimelineContent.TitleBlock> title = selectedTitle();
        if (title.isEmpty()) {
            return;
        }
        TypedSeconds start = TypedSeconds.parse(titleStart.get());
        TypedSeconds length = TypedSeconds.parse(titleLength.get());
        if (start == null || length == null) {
            timeline.say(Texts.get("inspector.badTime"));
            return;
        }
        if (length.sec() <= 0) {
            timeline.say(Texts.get("inspector.zeroLength"));
            return;
        }
        String text = titleText.get() == null ? "" : titleText.get().strip();
        if (text.isEmpty()) {
            timeline.say(Texts.get("inspector.noText"));
            return;
        }
        timeline.say("");
        timeline.sendTitle(new TimelineContent.TitleBlock(title.get().index(), text, start.sec(), start.sec() + length.sec()));
    }

    public void deleteTitle() {
        selectedTitle().ifPresent(t -> timeline.removeTitle(t.index()));
    }

    /** The slider was let go (or moved by keys): the music takes its volume. */
    public void applyVolume() {
        TimelineContent.Music music = timeline.content().music();
        if (music != null && Math.round(volume.get()) != Math.round(music.volumePercent())) {
            timeline.sendVolume(Math.round(volume.get()));
        }
    }

    static String seconds(double sec) {
        String s = String.format(Locale.ROOT, "%.2f", sec);
        return s.replaceAll("0$", "").replaceAll("\\.0$", "");
    }

    /** Seconds typed as "2.5", "2,5" or "0:02.5"; null when they are not a time. */
    record TypedSeconds(double sec) {
        static TypedSeconds parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String t = text.strip().replace(',', '.').replaceAll("\\s*s$", "");
            try {
                int colon = t.indexOf(':');
                double v = colon < 0 ? Double.parseDouble(t)
                        : Integer.parseInt(t.substring(0, colon)) * 60 + Double.parseDouble(t.substring(colon + 1));
                return v >= 0 && Double.isFinite(v) ? new TypedSeconds(v) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}

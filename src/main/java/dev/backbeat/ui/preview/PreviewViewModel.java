package dev.backbeat.ui.preview;

import dev.backbeat.service.MediaInfo;
import dev.backbeat.ui.ProjectModel;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The picture in the middle: a frame of the latest clip and what the footage reads as. */
public final class PreviewViewModel {
    private final ReadOnlyStringWrapper imageUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mood = new ReadOnlyStringWrapper("");

    public PreviewViewModel(ProjectModel project) {
        project.media().addListener((ListChangeListener<MediaInfo>) c -> show(project.media()));
        show(project.media());
    }

    private void show(List<? extends MediaInfo> media) {
        if (media.isEmpty()) {
            imageUrl.set("");
            caption.set("Drop a video anywhere on this window to score it.");
            mood.set("");
            return;
        }
        MediaInfo last = media.get(media.size() - 1);
        imageUrl.set(last.thumbnail().isBlank() ? "" : Path.of(last.thumbnail()).toUri().toString());
        long total = media.stream().mapToLong(MediaInfo::durationMs).sum();
        caption.set(media.size() == 1 ? last.name() + " · " + clock(total)
                : media.size() + " clips · " + clock(total) + " in all · showing " + last.name());
        mood.set(last.mood().isBlank() ? "" : "mood: " + last.mood());
    }

    private static String clock(long ms) {
        long s = Math.round(ms / 1000.0);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** The frame to show, as a URL, or empty. */
    public ReadOnlyStringProperty imageUrlProperty() {
        return imageUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty moodProperty() {
        return mood.getReadOnlyProperty();
    }
}

package dev.backbeat.ui.upload;

import dev.backbeat.ui.Texts;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.MediaRules;
import dev.backbeat.service.SessionState;
import dev.backbeat.ui.FileChooserPort;
import dev.backbeat.ui.ProjectModel;
import dev.backbeat.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The clips pane: takes dropped or chosen files, checks them, and hands them to the back end one by one. */
public final class UploadViewModel {
    private final ProjectModel project;
    private final TaskRunner runner;
    private final FileChooserPort chooser;
    private final ObservableList<ClipItem> clips = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper each call would be lost to GC. */
    private final ObservableList<ClipItem> clipsView = FXCollections.unmodifiableObservableList(clips);
    private final BooleanBinding empty = Bindings.isEmpty(clips);

    private java.util.function.Consumer<MediaInfo> onAdded = m -> { };

    public UploadViewModel(ProjectModel project, TaskRunner runner, FileChooserPort chooser) {
        this.project = project;
        this.runner = runner;
        this.chooser = chooser;
        project.backendProperty().addListener((obs, old, now) -> clips.clear());
    }

    /** Called on the UI thread for each clip the back end took. */
    public void setOnAdded(java.util.function.Consumer<MediaInfo> handler) {
        this.onAdded = handler;
    }

    public ObservableList<ClipItem> clips() {
        return clipsView;
    }

    public BooleanBinding emptyProperty() {
        return empty;
    }

    public String dropHint() {
        return Texts.get("upload.dropHint",
                String.join(" · ", MediaRules.VIDEO_AND_IMAGE_EXTENSIONS.stream().map(e -> e.toUpperCase(Locale.ROOT)).toList()));
    }

    /** Whether a drag holding these files should be accepted: at least one looks like a video or a photo. */
    public boolean accepts(List<Path> files) {
        return files.stream().anyMatch(f -> MediaRules.looksLikeVideo(f) || MediaRules.looksLikeImage(f));
    }

    public void chooseFiles() {
        addFiles(chooser.chooseVideos());
    }

    /** Adds each file as a card; good ones are uploaded one after another, bad ones say why at once. */
    public void addFiles(List<Path> files) {
        List<ClipItem> photos = new ArrayList<>();
        for (Path file : files) {
            Optional<String> problem = MediaRules.problemWith(file, MediaRules.VIDEO_AND_IMAGE_EXTENSIONS);
            ClipItem item = new ClipItem(file, problem.orElse(Texts.get("upload.waiting")));
            clips.add(item);
            if (problem.isPresent()) {
                item.fail(problem.get());
                continue;
            }
            if (MediaRules.looksLikeImage(file)) {
                photos.add(item); // photos dropped together are read together: the music is composed once for them
                continue;
            }
            upload(List.copyOf(photos));
            photos.clear();
            upload(List.of(item));
        }
        upload(photos);
    }

    private record Added(List<MediaInfo> media, SessionState state) {
    }

    private void upload(List<ClipItem> items) {
        if (items.isEmpty()) {
            return;
        }
        ClipItem first = items.get(0);
        items.forEach(i -> i.working(items.size() > 1 ? Texts.get("upload.readingPhotos") : Texts.get("upload.reading"), -1));
        dev.backbeat.service.CancelToken token = runner.task("Adding " + first.name()
                                + (items.size() > 1 ? " and " + (items.size() - 1) + " more" : ""),
                        (progress, cancel) -> new Added(
                                project.backend().upload(items.stream().map(ClipItem::file).toList(), progress, cancel),
                                project.backend().state()))
                .onProgress((what, f) -> items.forEach(i -> i.working(what, f)))
                .onSuccess(added -> {
                    project.apply(added.state());
                    for (int k = 0; k < items.size(); k++) {
                        items.get(k).done(k < added.media().size() ? describe(added.media().get(k)) : Texts.get("upload.added"));
                    }
                    added.media().forEach(onAdded);
                })
                .onError(e -> items.forEach(i -> i.fail(e instanceof BackendException be
                        ? be.kind() == BackendException.Kind.CANCELLED ? Texts.get("upload.cancelled") : be.userMessage()
                        : Texts.get("upload.failed", i.name(), e.getMessage()))))
                .start();
        items.forEach(i -> i.onCancel(token::cancel));
    }

    /** "0:42 · 1920×1080 · 30 fps ✓". */
    static String describe(MediaInfo m) {
        StringBuilder sb = new StringBuilder();
        long s = Math.round(m.durationMs() / 1000.0);
        sb.append(s / 60).append(':').append(String.format(Locale.ROOT, "%02d", s % 60));
        if (m.width() > 0 && m.height() > 0) {
            sb.append(" · ").append(m.width()).append('×').append(m.height());
        }
        if (m.fps() > 0 && !"image".equals(m.kind())) {
            sb.append(" · ").append(Texts.get("media.fps", Math.round(m.fps())));
        }
        if (!m.hasAudio() && !"image".equals(m.kind())) {
            sb.append(" · ").append(Texts.get("media.noSound"));
        }
        return sb.append(" ✓").toString();
    }
}

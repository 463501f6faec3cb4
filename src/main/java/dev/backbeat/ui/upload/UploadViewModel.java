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
                String.join(" · ", MediaRules.VIDEO_EXTENSIONS.stream().map(e -> e.toUpperCase(Locale.ROOT)).toList()));
    }

    /** Whether a drag holding these files should be accepted: at least one looks like a video. */
    public boolean accepts(List<Path> files) {
        return files.stream().anyMatch(MediaRules::looksLikeVideo);
    }

    public void chooseFiles() {
        addFiles(chooser.chooseVideos());
    }

    /** Adds each file as a card; good ones are uploaded one after another, bad ones say why at once. */
    public void addFiles(List<Path> files) {
        for (Path file : files) {
            Optional<String> problem = MediaRules.problemWith(file, MediaRules.VIDEO_EXTENSIONS);
            ClipItem item = new ClipItem(file, problem.orElse(Texts.get("upload.waiting")));
            clips.add(item);
            if (problem.isPresent()) {
                item.fail(problem.get());
                continue;
            }
            upload(item);
        }
    }

    private record Added(List<MediaInfo> media, SessionState state) {
    }

    private void upload(ClipItem item) {
        item.working(Texts.get("upload.reading"), -1);
        dev.backbeat.service.CancelToken token = runner.task("Adding " + item.name(),
                        (progress, cancel) -> new Added(
                                project.backend().upload(List.of(item.file()), progress, cancel),
                                project.backend().state()))
                .onProgress(item::working)
                .onSuccess(added -> {
                    project.apply(added.state());
                    item.done(added.media().isEmpty() ? Texts.get("upload.added") : describe(added.media().get(0)));
                    added.media().forEach(onAdded);
                })
                .onError(e -> item.fail(e instanceof BackendException be
                        ? be.kind() == BackendException.Kind.CANCELLED ? Texts.get("upload.cancelled") : be.userMessage()
                        : Texts.get("upload.failed", item.name(), e.getMessage())))
                .start();
        item.onCancel(token::cancel);
    }

    /** "0:42 · 1920×1080 · 30 fps ✓". */
    static String describe(MediaInfo m) {
        StringBuilder sb = new StringBuilder();
        long s = Math.round(m.durationMs() / 1000.0);
        sb.append(s / 60).append(':').append(String.format(Locale.ROOT, "%02d", s % 60));
        if (m.width() > 0 && m.height() > 0) {
            sb.append(" · ").append(m.width()).append('×').append(m.height());
        }
        if (m.fps() > 0) {
            sb.append(" · ").append(Texts.get("media.fps", Math.round(m.fps())));
        }
        if (!m.hasAudio()) {
            sb.append(" · ").append(Texts.get("media.noSound"));
        }
        return sb.append(" ✓").toString();
    }
}

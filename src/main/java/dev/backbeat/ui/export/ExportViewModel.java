package dev.backbeat.ui.export;

import dev.backbeat.ui.Texts;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportProgress;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;
import dev.backbeat.ui.FileChooserPort;
import dev.backbeat.ui.ProjectModel;
import dev.backbeat.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.List;

/** The export sheet: format choices, destination, progress with ETA, cancel, and the finished file. */
public final class ExportViewModel {
    public static final List<String> ASPECTS = List.of("auto", "16:9", "9:16", "1:1");
    public static final List<Double> LOUDNESS = List.of(-14.0, -16.0, -23.0);

    private final ProjectModel project;
    private final TaskRunner runner;
    private final FileChooserPort chooser;
    private final BooleanProperty open = new SimpleBooleanProperty();
    private final ObjectProperty<String> aspect = new SimpleObjectProperty<>("auto");
    private final ObjectProperty<Double> loudness = new SimpleObjectProperty<>(-14.0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper exportable = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canExport;
    private CancelToken job;
    /** One MP4 per clip (each scored on its own) instead of one for the whole timeline. */
    private final BooleanProperty perClip = new SimpleBooleanProperty();
    /** A line per file of a batch: its name and how it stands ("Writing the video 45 %", "Saved", "Failed: …"). */
    private final javafx.collections.ObservableList<String> files = javafx.collections.FXCollections.observableArrayList();

    public ExportViewModel(ProjectModel project, TaskRunner runner, FileChooserPort chooser) {
        this.project = project;
        this.runner = runner;
        this.chooser = chooser;
        exportable.bind(Bindings.createBooleanBinding(() -> project.draft().isExportable(), project.draftProperty()));
        canExport = exportable.getReadOnlyProperty().and(running.getReadOnlyProperty().not());
        project.draftProperty().addListener((obs, old, now) -> {
            if (!running.get()) {
                status.set(now.isExportable() ? "" : emptyHint());
            }
        });
        status.set(emptyHint());
    }

    private static String emptyHint() {
        return Texts.get("export.nothing");
    }

    public BooleanProperty perClipProperty() {
        return perClip;
    }

    public javafx.collections.ObservableList<String> files() {
        return files;
    }

    /** Whether the sheet is showing. */
    public BooleanProperty openProperty() {
        return open;
    }

    public ObjectProperty<String> aspectProperty() {
        return aspect;
    }

    public ObjectProperty<Double> loudnessProperty() {
        return loudness;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    public void show() {
        open.set(true);
    }

    public void hide() {
        open.set(false);
    }

    /** Asks where to save, then renders there. */
    public void export() {
        if (!canExport.get()) {
            return;
        }
        if (perClip.get()) {
            Path first = suggestedTarget().getParent();
            chooser.chooseFolder(first).ifPresent(this::exportEachTo);
            return;
        }
        chooser.chooseExportTarget(suggestedTarget()).ifPresent(this::exportTo);
    }

    /** One MP4 per clip into {@code folder}: a line per file shows its progress; one failure does not stop the rest. */
    public void exportEachTo(Path folder) {
        if (!canExport.get()) {
            return;
        }
        running.set(true);
        result.set(null);
        progress.set(0);
        files.clear();
        status.set(Texts.get("export.starting"));
        ExportRequest request = new ExportRequest(folder, aspect.get(), loudness.get());
        dev.backbeat.service.Backend backend = project.backend();
        dev.backbeat.ui.WorkSession session = project.session();
        job = runner.task("Exporting each clip", (p, cancel) -> backend.exportEach(request,
                        (index, count, name, update) -> runner.onUi(() -> {
                            if (session.isCurrent()) {
                                showFile(index, count, name, update);
                            }
                        }), cancel))
                .onSuccess(items -> {
                    long written = items.stream().filter(dev.backbeat.service.BatchExport.Item::written).count();
                    for (int i = 0; i < items.size(); i++) {
                        var it = items.get(i);
                        line(i, it.name() + " · " + (it.written() ? Texts.get("export.saved", it.file().getFileName()) : it.problem()));
                    }
                    progress.set(1);
                    items.stream().filter(dev.backbeat.service.BatchExport.Item::written).findFirst()
                            .ifPresent(it -> result.set(it.file()));
                    status.set(Texts.get("export.batchDone", written, items.size(), folder));
                })
                .onError(this::failed)
                .onFinally(() -> running.set(false))
                .start();
    }

    private void showFile(int index, int count, String name, ExportProgress update) {
        String eta = update.etaSeconds() > 0 ? Texts.get("export.eta", formatEta(update.etaSeconds())) : "";
        line(index, name + " · " + update.stage() + (update.fraction() > 0 && update.fraction() < 1
                ? String.format(java.util.Locale.ROOT, " %.0f %%", 100 * update.fraction()) : "") + eta);
        progress.set((index + Math.max(0, update.fraction())) / count);
        status.set(Texts.get("export.batchFile", index + 1, count));
    }

    private void line(int index, String text) {
        while (files.size() <= index) {
            files.add("");
        }
        files.set(index, text);
    }

    /** Beside the first clip, named after it ("trip.mp4" → "trip-scored.mp4"); else in the home folder. */
    Path suggestedTarget() {
        for (var m : project.media()) {
            try {
                Path source = Path.of(m.source());
                if (source.isAbsolute() && source.getParent() != null) {
                    String name = source.getFileName().toString();
                    int dot = name.lastIndexOf('.');
                    return source.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-scored.mp4");
                }
            } catch (java.nio.file.InvalidPathException notAPath) {
                // a cloud clip's source is a URL: no folder to suggest
            }
        }
        return Path.of(System.getProperty("user.home"), "backbeat-export.mp4");
    }

    public void exportTo(Path target) {
        if (!canExport.get()) {
            return;
        }
        running.set(true);
        result.set(null);
        progress.set(0);
        status.set(Texts.get("export.starting"));
        ExportRequest request = new ExportRequest(target, aspect.get(), loudness.get());
        dev.backbeat.service.Backend backend = project.backend();
        dev.backbeat.ui.WorkSession session = project.session();
        job = runner.task("Exporting", (p, cancel) -> backend.export(request,
                        update -> runner.onUi(() -> {
                            if (session.isCurrent()) {
                                showProgress(update);
                            }
                        }), cancel))
                .onSuccess(this::finished)
                .onError(this::failed)
                .onFinally(() -> running.set(false))
                .start();
    }

    public void cancel() {
        if (job != null && running.get()) {
            status.set(Texts.get("common.cancelling"));
            job.cancel();
        }
    }

    /** Opens the folder of the finished file. */
    public void reveal() {
        if (result.get() != null && !chooser.reveal(result.get())) {
            status.set(Texts.get("export.savedNoFolder", result.get()));
        }
    }

    private void showProgress(ExportProgress update) {
        if (update.fraction() >= 0) {
            progress.set(update.fraction());
        }
        String eta = update.etaSeconds() >= 0 ? Texts.get("export.eta", formatEta(update.etaSeconds())) : "";
        status.set(update.stage() + eta);
    }

    static String formatEta(long seconds) {
        return seconds < 60 ? Texts.get("time.seconds", seconds) : Texts.get("time.minutesSeconds", seconds / 60, seconds % 60);
    }

    private void finished(ExportResult done) {
        progress.set(1);
        result.set(done.file());
        status.set(Texts.get("export.saved", done.file().getFileName()) + (done.details() == null || done.details().isBlank()
                ? "" : " · " + done.details()));
    }

    private void failed(Throwable e) {
        progress.set(0);
        if (e instanceof BackendException be && be.kind() == BackendException.Kind.CANCELLED) {
            status.set(Texts.get("export.cancelled"));
        } else {
            status.set(e instanceof BackendException be ? be.userMessage() : Texts.get("export.failed", e.getMessage()));
        }
    }
}

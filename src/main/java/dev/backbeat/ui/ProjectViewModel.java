package dev.backbeat.ui;

import dev.backbeat.service.Backend;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.ProjectContent;
import dev.backbeat.service.ProjectPlaces;
import dev.backbeat.ui.chat.ChatViewModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * File ▸ Open, Save, Save as, the autosave after every change (to the project's file, or to an
 * autosave in the state folder until the user saves), the reopening after a crash, the recent
 * projects and the clips a reopened project could not find.
 */
public final class ProjectViewModel {
    private final ProjectModel project;
    private final TaskRunner runner;
    private final FileChooserPort chooser;
    private final ProjectPlaces places;
    private final ChatViewModel chat;
    private final Supplier<Backend> newSession;
    /** The project's file chosen by the user; null while it is unsaved (it is autosaved meanwhile). */
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<ProjectContent.MissingClip> missing = FXCollections.observableArrayList();
    /** Read-only views made once: a listener on a fresh wrapper each call would be lost to GC. */
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ObservableList<ProjectContent.MissingClip> missingView = FXCollections.unmodifiableObservableList(missing);
    private Path autosave;
    private boolean saving;
    private boolean saveAgain;
    private boolean opening;

    /** @param newSession switches to a fresh back end (a new session) and returns it */
    public ProjectViewModel(ProjectModel project, TaskRunner runner, FileChooserPort chooser, ProjectPlaces places,
                            ChatViewModel chat, Supplier<Backend> newSession) {
        this.project = project;
        this.runner = runner;
        this.chooser = chooser;
        this.places = places;
        this.chat = chat;
        this.newSession = newSession;
        project.draftProperty().addListener(o -> changed());
        chat.messages().addListener((javafx.collections.ListChangeListener<Object>) c -> changed());
        project.backendProperty().addListener(o -> {
            file.set(null);
            autosave = null;
            missing.clear();
        });
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ObservableList<Path> recent() {
        return recentView;
    }

    public ObservableList<ProjectContent.MissingClip> missing() {
        return missingView;
    }

    /** Reads the recent projects and, when the app did not close last time, reopens what was open. */
    public void start(boolean reopen) {
        runner.task(Texts.get("project.task.looking"), (p, c) -> new Found(places.recent(), reopen ? places.leftOpen() : Optional.empty()))
                .onSuccess(found -> {
                    recent.setAll(found.recent());
                    found.leftOpen().ifPresent(f -> open(f, true));
                })
                .onError(e -> chat.say(Texts.get("project.recentFailed", e.getMessage())))
                .start();
    }

    private record Found(List<Path> recent, Optional<Path> leftOpen) {
    }

    public void open() {
        chooser.chooseProjectToOpen().ifPresent(f -> open(f, false));
    }

    /** Opens {@code f} in a new session; {@code recovering}: the app was stopped with it open. */
    public void open(Path f, boolean recovering) {
        Backend backend = newSession.get();
        opening = true;
        chat.say(Texts.get("project.opening", f.getFileName()));
        runner.task(Texts.get("project.task.opening", f.getFileName()), (progress, cancel) -> {
                    ProjectContent.Opened opened = backend.openProject(f, progress, cancel);
                    places.inUse(f);
                    if (!places.isAutosave(f)) {
                        places.remember(f);
                    }
                    return opened;
                })
                .onSuccess(opened -> {
                    chat.restore(opened.chat());
                    project.apply(opened.state());
                    boolean unsaved = places.isAutosave(f);
                    file.set(unsaved ? null : f);
                    autosave = unsaved ? f : null;
                    missing.setAll(opened.missing());
                    if (recovering) {
                        chat.say(Texts.get("project.recovered", unsaved ? Texts.get("project.yourUnsaved") : f.getFileName()));
                        // a line outside the window too, for whoever watches the app's output
                        System.err.println("Reopened " + f + " (clips: " + String.join(", ",
                                opened.state().media().stream().map(m -> m.name()).toList()) + ")");
                    }
                    for (ProjectContent.MissingClip m : opened.missing()) {
                        chat.say(Texts.get("project.missing", m.name(), m.reason()));
                    }
                    opened.notes().forEach(chat::say);
                    if (!unsaved) {
                        rememberLocally(f);
                    }
                })
                .onError(e -> chat.say(e instanceof BackendException be ? be.userMessage()
                        : Texts.get("project.openFailed", e.getMessage())))
                .onFinally(() -> opening = false)
                .start();
    }

    private void rememberLocally(Path f) {
        recent.remove(f.toAbsolutePath());
        recent.add(0, f.toAbsolutePath());
    }

    /** Save: to the project's file, or asks where first. */
    public void save() {
        if (!project.backend().savesProjects()) {
            chat.say(Texts.get("project.noFile", project.backend().name()));
        } else if (file.get() == null) {
            saveAs();
        } else {
            write(file.get(), true);
        }
    }

    public void saveAs() {
        Path suggested = file.get() != null ? file.get() : project.media().isEmpty() ? Path.of("Untitled.backbeat")
                : Path.of(project.media().get(0).source()).resolveSibling(baseName(project.media().get(0).name()) + ".backbeat");
        chooser.chooseProjectTarget(suggested).ifPresent(target -> {
            file.set(target);
            write(target, true);
        });
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Finds each clip the project lost track of, asking the user where it is now. */
    public void locateMissing() {
        if (missing.isEmpty()) {
            chat.say(Texts.get("project.noneMissing"));
            return;
        }
        ProjectContent.MissingClip m = missing.get(0);
        chooser.locateClip(m.name(), m.path()).ifPresent(found -> {
            Backend backend = project.backend();
            runner.task(Texts.get("project.task.locating", m.name()), (progress, cancel) -> backend.locateClip(m.index(), found, progress, cancel))
                    .onSuccess(state -> {
                        missing.remove(m);
                        project.apply(state);
                        chat.say(Texts.get("project.found", m.name(), found));
                    })
                    .onError(e -> chat.say(e instanceof BackendException be ? be.userMessage() : e.getMessage()))
                    .start();
        });
    }

    /** Every change is saved at once: to the project's file, or to its autosave while it has none. */
    private void changed() {
        if (opening || project.media().isEmpty() || !project.backend().savesProjects()) {
            return;
        }
        if (file.get() == null && autosave == null) {
            autosave = places.newAutosave();
        }
        write(file.get() != null ? file.get() : autosave, false);
    }

    private void write(Path target, boolean asked) {
        if (saving) {
            saveAgain = true; // one write at a time; the latest state is written after the one under way
            return;
        }
        saving = true;
        Backend backend = project.backend();
        ProjectContent content = new ProjectContent(chat.lines());
        boolean unsaved = places.isAutosave(target);
        runner.task(Texts.get("project.task.saving"), (progress, cancel) -> {
                    backend.saveProject(target, content);
                    places.inUse(target);
                    return unsaved ? null : places.remember(target);
                })
                .onSuccess(now -> {
                    if (now != null) {
                        recent.setAll(now);
                    }
                    if (asked) {
                        chat.say(Texts.get("project.saved", target.getFileName()));
                    }
                })
                .onError(e -> chat.say(e instanceof BackendException be ? be.userMessage()
                        : Texts.get("project.saveFailed", e.getMessage())))
                .onFinally(() -> {
                    saving = false;
                    if (saveAgain) {
                        saveAgain = false;
                        changed();
                    }
                })
                .start();
    }

    /** The app closes as it should: nothing to reopen next time (the project stays in the recent list). */
    public void closedCleanly() {
        try {
            if (autosave != null) {
                places.remember(autosave);
            }
            places.closedCleanly();
        } catch (java.io.IOException e) {
            // the next start reopens the project: no harm done
        }
    }
}

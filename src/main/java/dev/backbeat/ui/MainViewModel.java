package dev.backbeat.ui;

import dev.backbeat.service.Backend;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.BackendKind;
import dev.backbeat.service.Settings;
import dev.backbeat.service.SettingsStore;
import dev.backbeat.ui.chat.ChatViewModel;
import dev.backbeat.ui.export.ExportViewModel;
import dev.backbeat.ui.preview.PreviewViewModel;
import dev.backbeat.ui.timeline.TimelineViewModel;
import dev.backbeat.ui.upload.UploadViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.io.IOException;
import java.util.function.Function;

/** The window: which back end is in use, the status line, and the four panes' view models. */
public final class MainViewModel {
    private final ProjectModel project;
    private final TaskRunner runner;
    private final SettingsStore store;
    private final Function<Settings, Backend> backends;
    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<BackendKind> backendKind = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final UploadViewModel upload;
    private final ChatViewModel chat;
    private final TimelineViewModel timeline;
    private final ExportViewModel export;
    private final PreviewViewModel preview;
    private final HistoryViewModel history;
    private final ProjectViewModel projects;
    private final JobsViewModel jobs;
    private boolean switching;

    public MainViewModel(SettingsStore store, Function<Settings, Backend> backends, TaskRunner runner,
                         FileChooserPort chooser) {
        this(store, backends, runner, chooser, dev.backbeat.ui.preview.SilentSink::noDevice);
    }

    /** @param sound opens the preview's sound output (the app's sound device; a test sink in tests) */
    public MainViewModel(SettingsStore store, Function<Settings, Backend> backends, TaskRunner runner,
                         FileChooserPort chooser, dev.backbeat.ui.preview.AudioSink.Opener sound) {
        this(store, backends, runner, chooser, sound, dev.backbeat.service.ProjectPlaces.fromEnvironment());
    }

    /** @param places where autosaves, the project in use and the recent projects are kept */
    public MainViewModel(SettingsStore store, Function<Settings, Backend> backends, TaskRunner runner,
                         FileChooserPort chooser, dev.backbeat.ui.preview.AudioSink.Opener sound,
                         dev.backbeat.service.ProjectPlaces places) {
        this.store = store;
        this.backends = backends;
        Settings initial = store.load();
        settings.set(initial);
        this.project = new ProjectModel(backends.apply(initial));
        runner = new SessionBoundRunner(runner, project);
        this.runner = runner;
        this.upload = new UploadViewModel(project, runner, chooser);
        this.export = new ExportViewModel(project, runner, chooser);
        this.chat = new ChatViewModel(project, runner, export::show, upload::chooseFiles);
        chat.setOnLinks(upload::addLinks);
        this.timeline = new TimelineViewModel(project, runner);
        this.preview = new PreviewViewModel(project, runner, sound, dev.backbeat.ui.preview.Ticker.daemon());
        this.history = new HistoryViewModel(project, runner, chat::say);
        this.jobs = new JobsViewModel(project, runner);
        this.projects = new ProjectViewModel(project, runner, chooser, places, chat, this::newSession);
        upload.setOnAdded(m -> chat.say(scoredLine(m, project.draft())));
        timeline.variations().setOnPicked(chat::say);
        backendKind.set(initial.backend());
        backendKind.addListener((obs, old, now) -> {
            if (!switching && now != null && now != old) {
                apply(settings.get().withBackend(now));
            }
        });
    }

    /** "Added beach.mp4 (0:42). Music: Lo-fi, 92 BPM, A minor, at 35%. Tell me what to change." */
    static String scoredLine(dev.backbeat.service.MediaInfo m, dev.backbeat.draft.Draft draft) {
        if ("audio".equals(m.kind()) && !m.mood().isBlank()) {
            // the user's song: the back end says how it is used ("Using your song 'x.mp3' (98 BPM), fitted to 0:42…")
            return m.mood() + Texts.get("main.tellMe");
        }
        StringBuilder sb = new StringBuilder(Texts.get("main.added", m.name()));
        draft.firstTrack(dev.backbeat.draft.TrackType.Kind.AUDIO).filter(t -> !t.segments().isEmpty()).ifPresent(t -> {
            dev.backbeat.draft.Segment s = t.segments().get(0);
            sb.append(Texts.get("main.music", s.label().orElse(Texts.get("main.backgroundMusic"))));
            s.metaNumber("bpm").ifPresent(b -> sb.append(Texts.get("main.listSep")).append(Texts.get("music.bpm", Math.round(b))));
            s.metaString("key").ifPresent(k -> sb.append(Texts.get("main.listSep")).append(k));
            s.volumePercent().ifPresent(v -> sb.append(Texts.get("main.atPercent", Math.round(v))));
            sb.append(Texts.get("main.sentenceEnd"));
        });
        if (!m.mood().isBlank()) {
            sb.append(Texts.get("main.mood", m.mood()));
        }
        return sb.append(Texts.get("main.tellMe")).toString();
    }

    public UploadViewModel upload() {
        return upload;
    }

    public ChatViewModel chat() {
        return chat;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public ExportViewModel export() {
        return export;
    }

    public PreviewViewModel preview() {
        return preview;
    }

    /** The session's line of work, for the toolbar. */
    public JobsViewModel jobs() {
        return jobs;
    }

    /** File ▸ Open, Save, autosave, recent projects. */
    public ProjectViewModel projects() {
        return projects;
    }

    /** A fresh session of the back end in use (a project opens into one); the old one is closed. */
    private Backend newSession() {
        Backend old = project.backend();
        Backend fresh = backends.apply(settings.get());
        project.useBackend(fresh);
        old.close();
        return fresh;
    }

    /** Edit ▸ Undo / Redo. */
    public HistoryViewModel history() {
        return history;
    }

    public ProjectModel project() {
        return project;
    }

    /** The back-end switch in the toolbar: the user picks, the app reconnects. */
    public ObjectProperty<BackendKind> backendKindProperty() {
        return backendKind;
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Connects the current back end in the background; the chat says how it went. */
    public void connect() {
        Backend backend = project.backend();
        status.set(Texts.get("main.settingUp"));
        runner.task("Connecting", (progress, cancel) -> backend.connect(progress))
                .onProgress((note, f) -> status.set(note))
                .onSuccess(line -> {
                    status.set(Texts.get("main.ready", backend.name()));
                    chat.say(line);
                    resumeExports(backend);
                })
                .onError(e -> {
                    String text = e instanceof BackendException be ? be.userMessage() : e.getMessage();
                    status.set(Texts.get("main.notConnected", backend.name()));
                    chat.say(text);
                })
                .start();
    }

    /** Picks up exports that were still rendering when the app last closed. */
    private void resumeExports(Backend backend) {
        runner.task("Resuming exports", (progress, cancel) -> backend.resumePendingExports(p -> { }, cancel))
                .onSuccess(done -> done.forEach(r -> chat.say(Texts.get("main.resumed", r.file()))))
                .onError(e -> chat.say(Texts.get("main.resumeFailed",
                        e instanceof BackendException be ? be.userMessage() : e.getMessage())))
                .start();
    }

    /** A Settings sheet over the current settings (FFmpeg checked through this window's task runner). */
    public dev.backbeat.ui.settings.SettingsViewModel settingsSheet() {
        return new dev.backbeat.ui.settings.SettingsViewModel(settings.get(), runner, dev.backbeat.service.FfmpegCheck::check);
    }

    /** Saves new settings and, when the back end changed, switches to it; language applies on restart, theme at once. */
    public void apply(Settings next) {
        Settings before = settings.get();
        settings.set(next);
        try {
            store.save(next);
        } catch (IOException e) {
            chat.say(Texts.get("main.settingsNotSaved", e.getMessage()));
        }
        switching = true;
        backendKind.set(next.backend());
        switching = false;
        if (!next.language().equals(before.language())) {
            chat.say(Texts.get("main.restartNeeded"));
        }
        if (!next.sameBackendAs(before)) {
            Backend old = project.backend();
            project.useBackend(backends.apply(next));
            old.close();
            chat.say(Texts.get("main.switched", Texts.get("backend." + next.backend().name())));
            connect();
        }
    }
}

package dev.backbeat.ui.preview;

import dev.backbeat.ui.Texts;

import dev.backbeat.service.Backend;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.preview.PreviewPictures;
import dev.backbeat.service.preview.PreviewSound;
import dev.backbeat.service.preview.ScoredPreview;
import dev.backbeat.service.preview.TitleMark;
import dev.backbeat.ui.ProjectModel;
import dev.backbeat.ui.TaskRunner;
import dev.backbeat.ui.Transport;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The picture in the middle: the scored result played (picture, sound, titles over it) with
 * Play/Pause, a position and the "music only" switch; before there is one, a frame of the latest
 * clip and what the footage reads as. It fetches the current result after every change of the
 * timeline (upload, chat, edit, variation) and keeps the playhead where it was.
 */
public final class PreviewViewModel implements AutoCloseable {
    private static final long TICK_MS = 16;

    private final ProjectModel project;
    private final TaskRunner runner;
    private final PreviewPlayer player;
    private final AutoCloseable ticking;
    private final ReadOnlyStringWrapper imageUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mood = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PreviewPictures.Picture> picture = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper position = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper duration = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper soundNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper titleText = new ReadOnlyStringWrapper("");
    private final BooleanProperty musicOnly = new SimpleBooleanProperty(false);
    /** The latest tick's results, handed to the UI thread in one update at a time. */
    private volatile PreviewPlayer.State lastState = new PreviewPlayer.State(0, false, false);
    private volatile PreviewPictures.Picture lastPicture;
    private final AtomicBoolean updatePending = new AtomicBoolean();
    private long refreshes;
    /** Why the latest result could not be fetched, until one is (UI thread). */
    private String prepareProblem;
    private int ticks;

    /** Without sound (tests, headless use): the picture plays on the system clock. */
    public PreviewViewModel(ProjectModel project) {
        this(project, null, SilentSink::noDevice, Ticker.daemon());
    }

    /**
     * @param runner fetches the current result in the background after each change (null: never fetched)
     * @param sound  opens the sound device (or a silent sink that says why there is none)
     * @param ticker calls the player ~60 times a second
     */
    public PreviewViewModel(ProjectModel project, TaskRunner runner, AudioSink.Opener sound, Ticker ticker) {
        this.project = project;
        this.runner = runner;
        this.player = new PreviewPlayer(sound, p -> lastPicture = p);
        project.media().addListener((ListChangeListener<MediaInfo>) c -> show(project.media()));
        show(project.media());
        project.previewProperty().addListener((o, a, b) -> load());
        project.auditionProperty().addListener((o, a, b) -> load());
        // every new draft, even one equal to the last (a new piece in the same style, tempo and key)
        project.draftProperty().addListener((javafx.beans.InvalidationListener) o -> {
            project.draft();
            refresh();
        });
        musicOnly.addListener((o, a, on) -> player.setLayer(on ? PreviewSound.Layer.MUSIC : PreviewSound.Layer.MIX));
        project.transport().attach(new Transport.Player() {
            @Override
            public void play() {
                PreviewViewModel.this.play();
            }

            @Override
            public void pause() {
                PreviewViewModel.this.pause();
            }

            @Override
            public void seek(double sec) {
                PreviewViewModel.this.seek(sec);
            }
        });
        load();
        this.ticking = ticker.every(TICK_MS, this::tick);
    }

    /** Fetches the back end's current result off the UI thread; the newest answer wins. */
    public void refresh() {
        if (runner == null) {
            return;
        }
        Backend backend = project.backend();
        long asked = ++refreshes;
        runner.task("Preparing the preview", (progress, cancel) -> backend.preview())
                .onSuccess(result -> {
                    if (asked != refreshes || backend != project.backend()) {
                        return;
                    }
                    prepareProblem = null;
                    ScoredPreview now = result.orElse(null);
                    ScoredPreview before = project.previewProperty().get();
                    if (now == null || before == null || now.revision() != before.revision()) {
                        project.setPreview(now);
                    }
                })
                .onError(e -> {
                    if (asked == refreshes) {
                        prepareProblem = Texts.get("preview.failed", e.getMessage());
                        soundNote.set(prepareProblem);
                    }
                })
                .start();
    }

    private void load() {
        ScoredPreview audition = project.auditionProperty().get();
        ScoredPreview current = audition != null ? audition : project.previewProperty().get();
        Backend backend = project.backend();
        player.load(current, current == null || backend == null ? null : backend.pictures().orElse(null));
        loaded.set(current != null);
        duration.set(current == null ? 0 : current.durationSec());
        if (current == null) {
            lastPicture = null;
            picture.set(null);
            playing.set(false);
        }
        showState(player.tick());
    }

    /** One step of playback: runs on the ticker's thread, the UI is updated on its own. */
    void tick() {
        PreviewPictures.Picture shown = lastPicture;
        PreviewPlayer.State before = lastState;
        lastState = player.tick();
        if (lastState.equals(before) && shown == lastPicture && !lastState.playing()) {
            // idle: nothing new for the UI thread
            return;
        }
        if (updatePending.compareAndSet(false, true)) {
            Runnable update = () -> {
                updatePending.set(false);
                showState(lastState);
            };
            if (runner == null) {
                update.run();
            } else {
                runner.onUi(update);
            }
        }
    }

    private void showState(PreviewPlayer.State s) {
        PreviewPictures.Picture p = lastPicture;
        if (p != null && loaded.get()) {
            picture.set(p);
        }
        position.set(s.positionSec());
        playing.set(s.playing());
        time.set(clock(s.positionSec()) + " / " + clock(duration.get()));
        titleText.set(titleAt(s.positionSec()));
        // the player's own note (no sound device) only matters once there is something to play
        String problem = prepareProblem != null ? prepareProblem : loaded.get() ? player.problem() : null;
        soundNote.set(problem == null ? "" : problem);
        // the shared playhead moves ~30 times a second
        if (ticks++ % 2 == 0 || !s.playing()) {
            project.transport().report(s.positionSec(), s.playing());
        }
    }

    private String titleAt(double sec) {
        ScoredPreview p = project.auditionProperty().get() != null ? project.auditionProperty().get()
                : project.previewProperty().get();
        if (p == null) {
            return "";
        }
        // titles on at once are drawn at the same place by the export, the later one on top
        String on = "";
        for (TitleMark t : p.titles()) {
            if (sec >= t.startSec() && sec < t.endSec()) {
                on = t.text();
            }
        }
        return on;
    }

    public void play() {
        player.play();
        tick();
    }

    public void pause() {
        player.pause();
        tick();
    }

    public void togglePlay() {
        if (lastState.playing()) {
            pause();
        } else {
            play();
        }
    }

    public void seek(double sec) {
        player.seek(sec);
        tick();
    }

    private void show(List<? extends MediaInfo> media) {
        if (media.isEmpty()) {
            imageUrl.set("");
            caption.set(Texts.get("preview.empty"));
            mood.set("");
            return;
        }
        MediaInfo last = media.get(media.size() - 1);
        imageUrl.set(last.thumbnail().isBlank() ? "" : Path.of(last.thumbnail()).toUri().toString());
        long total = media.stream().mapToLong(MediaInfo::durationMs).sum();
        caption.set(media.size() == 1 ? last.name() + " · " + wholeClock(total)
                : Texts.get("preview.clips", media.size(), wholeClock(total), last.name()));
        mood.set(last.mood().isBlank() ? "" : Texts.get("preview.mood", last.mood()));
    }

    private static String wholeClock(long ms) {
        long s = Math.round(ms / 1000.0);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** "0:12.4": minutes, seconds and tenths. */
    static String clock(double sec) {
        long tenths = Math.round(Math.max(0, sec) * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
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

    /** The picture the player shows now, or null before anything plays (then the still frame is shown). */
    public ReadOnlyObjectProperty<PreviewPictures.Picture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Whether there is a scored result to play. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** "0:12.4 / 0:42.0". */
    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    /** Why there is no sound (or picture), or empty. */
    public ReadOnlyStringProperty soundNoteProperty() {
        return soundNote.getReadOnlyProperty();
    }

    /** The title on screen now, or empty. */
    public ReadOnlyStringProperty titleTextProperty() {
        return titleText.getReadOnlyProperty();
    }

    /** "Music only" (true) or "With the clip's sound" (false). */
    public BooleanProperty musicOnlyProperty() {
        return musicOnly;
    }

    @Override
    public void close() {
        try {
            ticking.close();
        } catch (Exception ignored) {
            // a daemon ticker: nothing to release
        }
        player.close();
    }
}

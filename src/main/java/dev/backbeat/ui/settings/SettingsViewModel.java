package dev.backbeat.ui.settings;

import dev.backbeat.service.BackendKind;
import dev.backbeat.service.FfmpegCheck;
import dev.backbeat.service.Settings;
import dev.backbeat.ui.TaskRunner;
import dev.backbeat.ui.Texts;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Settings sheet's state: the fields as the user types them, a problem per field in the
 * user's words, and whether OK may be pressed. The API address is checked as it is typed; the
 * FFmpeg path is run with {@code -version} through the task runner (off the UI thread), and
 * only the answer for the path still in the field counts.
 */
public final class SettingsViewModel {
    public static final List<String> LANGUAGES = List.of("", "en", "zh-CN");
    public static final List<String> THEMES = List.of("dark", "light", "system");

    private final TaskRunner runner;
    private final Function<Path, FfmpegCheck.Result> ffmpegCheck;
    private final Settings initial;

    private final ObjectProperty<BackendKind> backend;
    private final StringProperty apiBase;
    private final StringProperty ffmpegPath;
    private final StringProperty pollSeconds;
    private final ObjectProperty<String> language;
    private final ObjectProperty<String> theme;

    private final ReadOnlyStringWrapper apiBaseProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ffmpegProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ffmpegNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pollProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper languageChanged = new ReadOnlyBooleanWrapper(false);

    public SettingsViewModel(Settings current, TaskRunner runner, Function<Path, FfmpegCheck.Result> ffmpegCheck) {
        this.runner = runner;
        this.ffmpegCheck = ffmpegCheck;
        this.initial = current;
        backend = new SimpleObjectProperty<>(current.backend());
        apiBase = new SimpleStringProperty(current.apiBase());
        ffmpegPath = new SimpleStringProperty(current.ffmpegPath());
        pollSeconds = new SimpleStringProperty(Integer.toString(current.pollSeconds()));
        language = new SimpleObjectProperty<>(LANGUAGES.contains(current.language()) ? current.language() : "");
        theme = new SimpleObjectProperty<>(THEMES.contains(current.theme()) ? current.theme() : "dark");
        apiBase.addListener((o, was, now) -> checkApiBase());
        ffmpegPath.addListener((o, was, now) -> checkFfmpeg());
        pollSeconds.addListener((o, was, now) -> checkPoll());
        language.addListener((o, was, now) -> languageChanged.set(!initial.language().equals(now)));
        checkApiBase();
        checkFfmpeg();
        checkPoll();
    }

    /** Empty, or a web address with http(s), a host and nothing a URI cannot hold. */
    static boolean isWebAddress(String text) {
        if (text.isBlank()) {
            return true;
        }
        try {
            URI u = new URI(text.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void checkApiBase() {
        apiBaseProblem.set(isWebAddress(apiBase.get()) ? "" : Texts.get("settings.apiBase.bad", Settings.DEFAULT_API_BASE));
        updateValid();
    }

    private void checkPoll() {
        Optional<Integer> n = poll();
        pollProblem.set(n.isPresent() ? "" : Texts.get("settings.poll.bad"));
        updateValid();
    }

    private Optional<Integer> poll() {
        try {
            int n = Integer.parseInt(pollSeconds.get().strip());
            return n >= 5 && n <= 600 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void checkFfmpeg() {
        String typed = ffmpegPath.get().strip();
        ffmpegNote.set("");
        if (typed.isEmpty()) {
            ffmpegProblem.set("");
            checking.set(false);
            updateValid();
            return;
        }
        ffmpegProblem.set("");
        checking.set(true);
        updateValid();
        Path path = Path.of(typed);
        runner.task(Texts.get("settings.checking"), (progress, cancel) -> ffmpegCheck.apply(path))
                .onSuccess(result -> {
                    // a later keystroke has started another check: this answer is for an older path
                    if (!typed.equals(ffmpegPath.get().strip())) {
                        return;
                    }
                    checking.set(false);
                    if (result instanceof FfmpegCheck.Result.Runs r) {
                        ffmpegNote.set(Texts.get("settings.ffmpeg.ok", r.version()));
                    } else if (result instanceof FfmpegCheck.Result.Missing m) {
                        ffmpegProblem.set(Texts.get("settings.ffmpeg.missing", m.path()));
                    } else if (result instanceof FfmpegCheck.Result.DoesNotRun d) {
                        ffmpegProblem.set(Texts.get("settings.ffmpeg.notRunning", d.path(), d.why()));
                    }
                    updateValid();
                })
                .onError(e -> {
                    if (typed.equals(ffmpegPath.get().strip())) {
                        checking.set(false);
                        ffmpegProblem.set(Texts.get("settings.ffmpeg.notRunning", path, String.valueOf(e.getMessage())));
                        updateValid();
                    }
                })
                .start();
    }

    private void updateValid() {
        valid.set(apiBaseProblem.get().isEmpty() && ffmpegProblem.get().isEmpty() && pollProblem.get().isEmpty()
                && !checking.get());
    }

    /** The settings as typed, when every field is valid. */
    public Optional<Settings> result() {
        if (!valid.get()) {
            return Optional.empty();
        }
        return Optional.of(new Settings(backend.get(), apiBase.get(), ffmpegPath.get(), poll().orElse(initial.pollSeconds()),
                language.get(), theme.get()));
    }

    public ObjectProperty<BackendKind> backendProperty() {
        return backend;
    }

    public StringProperty apiBaseProperty() {
        return apiBase;
    }

    public StringProperty ffmpegPathProperty() {
        return ffmpegPath;
    }

    public StringProperty pollSecondsProperty() {
        return pollSeconds;
    }

    public ObjectProperty<String> languageProperty() {
        return language;
    }

    public ObjectProperty<String> themeProperty() {
        return theme;
    }

    public ReadOnlyStringProperty apiBaseProblemProperty() {
        return apiBaseProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ffmpegProblemProperty() {
        return ffmpegProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ffmpegNoteProperty() {
        return ffmpegNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pollProblemProperty() {
        return pollProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** True when the language differs from the one the app started with (it applies on restart). */
    public ReadOnlyBooleanProperty languageChangedProperty() {
        return languageChanged.getReadOnlyProperty();
    }
}

package dev.backbeat.app;

import dev.backbeat.service.AppInfo;
import dev.backbeat.service.SettingsStore;
import dev.backbeat.ui.FxFileChooser;
import dev.backbeat.ui.FxTaskRunner;
import dev.backbeat.ui.MainView;
import dev.backbeat.ui.MainViewModel;
import dev.backbeat.ui.Texts;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The desktop app: the composition root that wires the services, view models and views. */
public class BackbeatApp extends Application {
    private FxTaskRunner runner;
    private MainViewModel viewModel;

    private static final System.Logger LOG = System.getLogger("dev.backbeat.app");

    @Override
    public void start(Stage stage) {
        runner = new FxTaskRunner();
        SettingsStore store = new SettingsStore(SettingsStore.defaultConfigDir());
        // the language is chosen once, before any view asks for a text (a change in Settings applies on restart)
        Texts.use(Texts.pick(store.load().language(), java.util.Locale.getDefault()));
        String logName = AppLog.start();
        FxFileChooser chooser = new FxFileChooser(() -> stage, getHostServices());
        viewModel = new MainViewModel(store, new BackendFactory(), runner, chooser, dev.backbeat.ui.preview.LineSink::open);
        stage.setScene(scene(viewModel));
        stage.setTitle(Texts.get("app.title", AppInfo.version()));
        runner.showUnhandledWith((title, e) -> viewModel.chat().sayProblem(
                Texts.get("main.unexpected", title, describe(e), logName)));
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            LOG.log(System.Logger.Level.ERROR, "uncaught in " + thread.getName(), e);
            runner.onUi(() -> viewModel.chat().sayProblem(Texts.get("main.unexpected", thread.getName(), describe(e), logName)));
        });
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        // the launch rehearsal waits for the window's first frame, so it does not slow it
        javafx.application.Platform.runLater(dev.backbeat.service.local.Rehearsal::windowShown);
        viewModel.connect();
        List<Path> files = getParameters().getRaw().stream().map(Path::of).toList();
        // with no clip given, a project left open by a crash or a kill is opened again as it was
        viewModel.projects().start(files.isEmpty());
        if (!files.isEmpty()) {
            viewModel.upload().addFiles(files);
        }
    }

    /** The window's scene with its stylesheet; tests build the same one. */
    public static Scene scene(MainViewModel vm) {
        // chosen before the views are built: the timeline paints with the same family
        java.util.Optional<String> font = dev.backbeat.ui.UiFont.stylesheetFor(Texts.locale());
        Scene scene = new Scene(new MainView(vm), 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
                MainView.class.getResource("backbeat.css"), "stylesheet missing").toExternalForm());
        font.ifPresent(scene.getStylesheets()::add);
        return scene;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.projects().closedCleanly();
            viewModel.preview().close();
            viewModel.project().backend().close();
        }
        if (runner != null) {
            runner.close();
        }
    }
}

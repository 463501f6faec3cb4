package dev.backbeat.ui;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.BackendKind;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.ProgressListener;
import dev.backbeat.service.SessionState;
import dev.backbeat.service.SettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Work belongs to the session that started it; files dropped together land in the order dropped. */
class SessionBindingTest {
    @TempDir
    Path dir;

    /** Starts work only when the test says so: the test decides what happens in between. */
    static final class HeldRunner implements TaskRunner {
        final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public <T> CancelToken start(BackgroundTask<T> task) {
            CancelToken cancel = new CancelToken();
            held.add(() -> TaskRunnerAccess.run(task, cancel));
            return cancel;
        }

        @Override
        public void onUi(Runnable update) {
            update.run();
        }
    }

    /** Work on threads of its own, the callbacks on one "UI" thread, as the app's runner does. */
    static final class ThreadedRunner implements TaskRunner, AutoCloseable {
        final ExecutorService ui = Executors.newSingleThreadExecutor();
        final ExecutorService workers = Executors.newCachedThreadPool();

        @Override
        public <T> CancelToken start(BackgroundTask<T> task) {
            CancelToken cancel = new CancelToken();
            workers.execute(() -> TaskRunnerAccess.run(task, cancel));
            return cancel;
        }

        @Override
        public void onUi(Runnable update) {
            ui.execute(update);
        }

        @Override
        public void close() {
            workers.shutdownNow();
            ui.shutdownNow();
        }
    }

    /** A back end that reads a clip however long it takes, heedless of cancel, and keeps its clips. */
    static class StubbornBackend extends FakeBackend {
        final List<MediaInfo> media = Collections.synchronizedList(new ArrayList<>());

        @Override
        public List<MediaInfo> upload(List<Path> files, ProgressListener progress, CancelToken cancel) throws BackendException {
            List<MediaInfo> out = super.upload(files, progress, CancelToken.none());
            media.addAll(out);
            return out;
        }

        @Override
        public SessionState state() {
            return new SessionState(super.state().draft(), List.copyOf(media));
        }
    }

    private Path video(String name) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, new byte[] {0, 0, 0, 32, 'f', 't', 'y', 'p'});
        return f;
    }

    private static FileChooserPort noDialogs() {
        return new FileChooserPort() {
            @Override
            public List<Path> chooseVideos() {
                return List.of();
            }

            @Override
            public Optional<Path> chooseExportTarget(Path suggested) {
                return Optional.empty();
            }

            @Override
            public boolean reveal(Path file) {
                return false;
            }
        };
    }

    @Test
    void aBackendSwitchInTheMiddleOfAnUploadDropsTheOldResult() throws Exception {
        StubbornBackend local = new StubbornBackend();
        FakeBackend cloud = new FakeBackend();
        HeldRunner runner = new HeldRunner();
        MainViewModel vm = new MainViewModel(new SettingsStore(dir.resolve("config")),
                s -> s.backend() == BackendKind.CLOUD ? cloud : local, runner, noDialogs());
        vm.upload().addFiles(List.of(video("old.mp4")));
        Runnable upload = runner.held.pollLast();
        WorkSession before = vm.project().session();

        vm.backendKindProperty().set(BackendKind.CLOUD);
        assertTrue(!before.isCurrent(), "the switch ended the session the upload started in");
        upload.run(); // the old back end finishes reading the clip after all

        assertEquals(List.of(Path.of(dir.resolve("old.mp4").toString())), local.uploads, "the old back end did read it");
        assertTrue(vm.project().media().isEmpty(), "its clip did not land in the new session");
        assertTrue(vm.project().draft().tracks().isEmpty(), "nor its timeline");
        assertTrue(vm.upload().clips().isEmpty(), "nor a card for it");
        assertTrue(vm.chat().messages().stream().noneMatch(m -> m.text().contains("old.mp4")), "and the chat did not announce it");
    }

    @Test
    void threeFilesDroppedAtOnceLandInDropOrder() throws Exception {
        // the first file is read slowest: if the three raced, the last would land first
        StubbornBackend backend = new StubbornBackend() {
            @Override
            public List<MediaInfo> upload(List<Path> files, ProgressListener progress, CancelToken cancel) throws BackendException {
                String name = files.get(0).getFileName().toString();
                sleep(name.startsWith("1") ? 120 : name.startsWith("2") ? 60 : 0);
                return super.upload(files, progress, cancel);
            }
        };
        try (ThreadedRunner runner = new ThreadedRunner()) {
            MainViewModel[] vm = new MainViewModel[1];
            runner.ui.submit(() -> vm[0] = new MainViewModel(new SettingsStore(dir.resolve("config")), s -> backend, runner,
                    noDialogs())).get();
            List<Path> dropped = List.of(video("1-first.mp4"), video("2-second.mp4"), video("3-third.mp4"));
            runner.ui.submit(() -> vm[0].upload().addFiles(dropped)).get();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (runner.ui.submit(() -> vm[0].project().media().size()).get() < 3) {
                assertTrue(System.nanoTime() < until, "the three clips did not all land");
                Thread.sleep(10);
            }
            assertEquals(dropped, backend.uploads);
            assertEquals(List.of("1-first.mp4", "2-second.mp4", "3-third.mp4"),
                    runner.ui.submit(() -> vm[0].project().media().stream().map(MediaInfo::name).toList()).get());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

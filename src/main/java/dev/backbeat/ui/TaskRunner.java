package dev.backbeat.ui;

import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ProgressListener;

import java.util.function.Consumer;

/**
 * Runs long work off the UI thread and brings its results back onto it. View models decide
 * their threading only through this, so a test hands them {@link SameThreadTaskRunner}.
 */
public interface TaskRunner {

    /** Work that reports progress and honours cancel. */
    @FunctionalInterface
    interface Work<T> {
        T call(ProgressListener progress, CancelToken cancel) throws Exception;
    }

    /** Starts building a background task. */
    default <T> BackgroundTask<T> task(String title, Work<T> work) {
        return new BackgroundTask<>(this, title, work);
    }

    /** Runs the task; every callback of the task is called on the UI thread. */
    <T> CancelToken start(BackgroundTask<T> task);

    /** Runs an update on the UI thread (at once when already on it, for a same-thread runner). */
    void onUi(Runnable update);

    /**
     * An error no handler took: a task without {@code onError}, or a bug in a callback. It is
     * logged here; a runner that can reach the user also shows it ({@link FxTaskRunner}).
     * A cancel is no error and only noted.
     */
    default void unhandled(String title, Throwable e) {
        boolean cancelled = e instanceof dev.backbeat.service.BackendException be
                && be.kind() == dev.backbeat.service.BackendException.Kind.CANCELLED;
        System.getLogger("dev.backbeat.ui.tasks").log(cancelled ? System.Logger.Level.DEBUG : System.Logger.Level.ERROR,
                "task \"" + title + "\" failed", e);
    }

    /** Callbacks of a task, set fluently; each runs on the UI thread. */
    final class BackgroundTask<T> {
        private final TaskRunner runner;
        final String title;
        final Work<T> work;
        Consumer<T> onSuccess = r -> { };
        Consumer<Throwable> onError;
        ProgressListener onProgress = ProgressListener.none();
        Runnable onFinally = () -> { };

        BackgroundTask(TaskRunner runner, String title, Work<T> work) {
            this.runner = runner;
            this.title = title;
            this.work = work;
            // no silent default: an error nobody handles is logged and shown
            this.onError = e -> runner.unhandled(title, e);
        }

        public BackgroundTask<T> onSuccess(Consumer<T> handler) {
            this.onSuccess = handler;
            return this;
        }

        public BackgroundTask<T> onError(Consumer<Throwable> handler) {
            this.onError = handler;
            return this;
        }

        public BackgroundTask<T> onProgress(ProgressListener handler) {
            this.onProgress = handler;
            return this;
        }

        /** Runs after success, error or cancel. */
        public BackgroundTask<T> onFinally(Runnable handler) {
            this.onFinally = handler;
            return this;
        }

        public String title() {
            return title;
        }

        public CancelToken start() {
            return runner.start(this);
        }

        /** Runs the work and the callbacks in order; the runner decides on which threads. */
        void runWork(CancelToken cancel) {
            try {
                T result = work.call((note, fraction) -> runner.onUi(() -> onProgress.progress(note, fraction)), cancel);
                runner.onUi(() -> guarded(() -> onSuccess.accept(result)));
            } catch (Throwable e) {
                runner.onUi(() -> guarded(() -> onError.accept(e)));
            }
        }

        /** A callback that throws is a bug: it is reported, not lost on the UI thread, and onFinally still runs. */
        private void guarded(Runnable callback) {
            try {
                callback.run();
            } catch (RuntimeException | Error bug) {
                runner.unhandled(title, bug);
            } finally {
                try {
                    onFinally.run();
                } catch (RuntimeException | Error bug) {
                    runner.unhandled(title, bug);
                }
            }
        }
    }
}

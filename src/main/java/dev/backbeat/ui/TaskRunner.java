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

    /** Callbacks of a task, set fluently; each runs on the UI thread. */
    final class BackgroundTask<T> {
        private final TaskRunner runner;
        final String title;
        final Work<T> work;
        Consumer<T> onSuccess = r -> { };
        Consumer<Throwable> onError = e -> { };
        ProgressListener onProgress = ProgressListener.none();
        Runnable onFinally = () -> { };

        BackgroundTask(TaskRunner runner, String title, Work<T> work) {
            this.runner = runner;
            this.title = title;
            this.work = work;
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
                runner.onUi(() -> {
                    try {
                        onSuccess.accept(result);
                    } finally {
                        onFinally.run();
                    }
                });
            } catch (Throwable e) {
                runner.onUi(() -> {
                    try {
                        onError.accept(e);
                    } finally {
                        onFinally.run();
                    }
                });
            }
        }
    }
}

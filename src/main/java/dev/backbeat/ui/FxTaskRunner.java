package dev.backbeat.ui;

import dev.backbeat.service.CancelToken;
import javafx.application.Platform;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs tasks as JavaFX {@link Task}s on daemon threads; callbacks come back on the FX thread. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "backbeat-task-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> CancelToken start(BackgroundTask<T> task) {
        CancelToken cancel = new CancelToken();
        Task<Void> fxTask = new Task<>() {
            @Override
            protected Void call() {
                task.runWork(cancel);
                return null;
            }
        };
        cancel.onCancel(() -> fxTask.cancel(false));
        executor.execute(fxTask);
        return cancel;
    }

    @Override
    public void onUi(Runnable update) {
        if (Platform.isFxApplicationThread()) {
            update.run();
        } else {
            Platform.runLater(update);
        }
    }

    private volatile java.util.function.BiConsumer<String, Throwable> showUnhandled = (title, e) -> { };

    /** Where errors no handler took are shown to the user (after they are logged). */
    public void showUnhandledWith(java.util.function.BiConsumer<String, Throwable> show) {
        this.showUnhandled = show;
    }

    @Override
    public void unhandled(String title, Throwable e) {
        TaskRunner.super.unhandled(title, e);
        if (!(e instanceof dev.backbeat.service.BackendException be && be.kind() == dev.backbeat.service.BackendException.Kind.CANCELLED)) {
            onUi(() -> showUnhandled.accept(title, e));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

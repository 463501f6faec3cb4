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

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

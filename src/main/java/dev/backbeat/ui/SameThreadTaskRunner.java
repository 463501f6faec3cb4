package dev.backbeat.ui;

import dev.backbeat.service.CancelToken;

/** Runs tasks at once on the calling thread: for view-model tests and headless use. */
public final class SameThreadTaskRunner implements TaskRunner {

    @Override
    public <T> CancelToken start(BackgroundTask<T> task) {
        CancelToken cancel = new CancelToken();
        task.runWork(cancel);
        return cancel;
    }

    @Override
    public void onUi(Runnable update) {
        update.run();
    }
}

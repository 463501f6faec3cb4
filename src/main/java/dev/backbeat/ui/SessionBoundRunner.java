package dev.backbeat.ui;

import dev.backbeat.service.CancelToken;

/**
 * Binds every task to the session current when it starts: a switch of back end or project
 * cancels the task, and its progress, result and error are dropped (only its clean-up runs), so
 * the view models cannot apply an old session's answer to the new one.
 */
public final class SessionBoundRunner implements TaskRunner {
    private final TaskRunner inner;
    private final ProjectModel project;

    public SessionBoundRunner(TaskRunner inner, ProjectModel project) {
        this.inner = inner;
        this.project = project;
    }

    @Override
    public <T> CancelToken start(BackgroundTask<T> task) {
        WorkSession session = project.session();
        BackgroundTask<T> bound = inner.task(task.title, task.work)
                .onProgress((note, f) -> {
                    if (session.isCurrent()) {
                        task.onProgress.progress(note, f);
                    }
                })
                .onSuccess(result -> {
                    if (session.isCurrent()) {
                        task.onSuccess.accept(result);
                    }
                })
                .onError(e -> {
                    if (session.isCurrent()) {
                        task.onError.accept(e);
                    }
                })
                .onFinally(task.onFinally);
        CancelToken token = bound.start();
        session.onEnd(token::cancel);
        return token;
    }

    @Override
    public void onUi(Runnable update) {
        inner.onUi(update);
    }
}

package dev.backbeat.ui;

import dev.backbeat.service.CancelToken;

/** Runs a task's work and callbacks with a given cancel token, as a runner would. */
final class TaskRunnerAccess {
    private TaskRunnerAccess() {
    }

    static <T> void run(TaskRunner.BackgroundTask<T> task, CancelToken token) {
        task.runWork(token);
    }
}

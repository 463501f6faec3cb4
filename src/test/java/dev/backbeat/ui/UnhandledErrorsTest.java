package dev.backbeat.ui;

import dev.backbeat.service.CancelToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A task's error that no handler takes is logged (and, in the window, shown), never dropped. */
class UnhandledErrorsTest {
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger tasks = Logger.getLogger("dev.backbeat.ui.tasks");

    @BeforeEach
    void listen() {
        tasks.addHandler(capture);
        tasks.setLevel(Level.ALL);
    }

    @AfterEach
    void stop() {
        tasks.removeHandler(capture);
    }

    @Test
    void anErrorWithoutAHandlerIsLogged() {
        new SameThreadTaskRunner().task("Reading the clip", (p, c) -> {
            throw new IllegalStateException("disk gone");
        }).start();
        assertEquals(1, records.size());
        assertEquals(Level.SEVERE, records.get(0).getLevel());
        assertTrue(records.get(0).getMessage().contains("Reading the clip"));
        assertEquals("disk gone", records.get(0).getThrown().getMessage());
    }

    @Test
    void aCallbackThatThrowsIsReportedAndTheFinallyStillRuns() {
        List<String> seen = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        TaskRunner runner = showingInto(shown);
        runner.task("Drawing", (p, c) -> 42)
                .onSuccess(n -> {
                    throw new IllegalArgumentException("bad " + n);
                })
                .onFinally(() -> seen.add("finally"))
                .start();
        assertEquals(List.of("finally"), seen);
        assertEquals(List.of("Drawing: bad 42"), shown);
        assertEquals(1, records.size());
    }

    @Test
    void aCancelIsNotAnError() {
        List<String> shown = new ArrayList<>();
        TaskRunner runner = showingInto(shown);
        runner.task("Composing", (p, c) -> {
            throw dev.backbeat.service.BackendException.cancelled();
        }).start();
        assertTrue(records.stream().noneMatch(r -> r.getLevel() == Level.SEVERE));
        assertEquals(1, shown.size(), "the runner hears of it and decides (FxTaskRunner shows no cancel)");
    }

    /** A same-thread runner that also records what it would show the user. */
    private static TaskRunner showingInto(List<String> shown) {
        return new TaskRunner() {
            @Override
            public <T> CancelToken start(BackgroundTask<T> task) {
                return new SameThreadTaskRunner().start(task);
            }

            @Override
            public void onUi(Runnable update) {
                update.run();
            }

            @Override
            public void unhandled(String title, Throwable e) {
                TaskRunner.super.unhandled(title, e);
                shown.add(title + ": " + e.getMessage());
            }
        };
    }
}

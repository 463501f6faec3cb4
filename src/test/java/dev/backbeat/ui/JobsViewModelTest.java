package dev.backbeat.ui;

import dev.backbeat.service.JobQueue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JobsViewModelTest {
    @Test
    void theToolbarLineSaysWhatRunsAndHowManyWait() {
        assertEquals("", JobsViewModel.describe(List.of()));
        JobQueue.JobView export = new JobQueue.JobView(1, "Export", JobQueue.State.RUNNING, "exporting");
        JobQueue.JobView chat = new JobQueue.JobView(2, "Chat: calmer", JobQueue.State.QUEUED, "queued");
        JobQueue.JobView undo = new JobQueue.JobView(3, "Undo", JobQueue.State.QUEUED, "queued");
        assertEquals("Export: exporting", JobsViewModel.describe(List.of(export)));
        assertEquals("Export: exporting · 2 waiting", JobsViewModel.describe(List.of(export, chat, undo)));
        assertEquals("Chat: calmer: queued · 1 waiting", JobsViewModel.describe(List.of(chat, undo)));
    }
}

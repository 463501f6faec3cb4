package dev.backbeat.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobQueueTest {

    @Test
    void jobsRunOneAtATimeInTheOrderTheyJoinedAndCanBeWithdrawnOrCancelled() throws Exception {
        JobQueue queue = new JobQueue();
        List<String> ran = new CopyOnWriteArrayList<>();
        List<List<JobQueue.JobView>> seen = new CopyOnWriteArrayList<>();
        queue.addListener(seen::add);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> call(() -> queue.run("first", new CancelToken(), job -> {
            job.doing("exporting");
            firstRunning.countDown();
            try {
                releaseFirst.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw BackendException.cancelled();
            }
            ran.add("first");
            return "1";
        })));
        assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
        CancelToken secondToken = new CancelToken();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> call(() -> queue.run("second", secondToken, job -> {
            ran.add("second");
            return "2";
        })));
        waitFor(() -> queue.jobs().size() == 2);
        CompletableFuture<String> third = CompletableFuture.supplyAsync(() -> call(() -> queue.run("third", new CancelToken(), job -> {
            ran.add("third");
            return "3";
        })));
        waitFor(() -> queue.jobs().size() == 3);
        assertEquals(List.of("first", "second", "third"), queue.jobs().stream().map(JobQueue.JobView::label).toList());
        assertEquals(JobQueue.State.RUNNING, queue.jobs().get(0).state());
        assertEquals("exporting", queue.jobs().get(0).doing());
        assertEquals(JobQueue.State.QUEUED, queue.jobs().get(2).state());

        secondToken.cancel(); // withdrawn while it waits: it never runs
        waitFor(() -> queue.jobs().size() == 2);
        releaseFirst.countDown();
        assertEquals("1", first.get(10, TimeUnit.SECONDS));
        assertEquals("3", third.get(10, TimeUnit.SECONDS));
        Exception e = assertThrows(Exception.class, () -> second.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalStateException ise && ise.getCause() instanceof BackendException be
                && be.kind() == BackendException.Kind.CANCELLED, String.valueOf(e));
        assertEquals(List.of("first", "third"), ran);
        assertTrue(queue.jobs().isEmpty());
        assertTrue(seen.stream().anyMatch(l -> l.size() == 3), "listeners saw the whole line");
        assertTrue(seen.get(seen.size() - 1).isEmpty());
    }

    @Test
    void cancellingARunningJobReachesItsWork() throws Exception {
        JobQueue queue = new JobQueue();
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<String> job = CompletableFuture.supplyAsync(() -> call(() -> queue.run("long", new CancelToken(), j -> {
            running.countDown();
            while (!j.cancelToken().isCancelled()) {
                Thread.onSpinWait();
            }
            throw BackendException.cancelled();
        })));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        assertTrue(queue.cancel(queue.jobs().get(0).id()));
        assertThrows(Exception.class, () -> job.get(10, TimeUnit.SECONDS));
        assertTrue(queue.jobs().isEmpty());
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(Call<T> c) {
        try {
            return c.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out waiting");
            Thread.sleep(5);
        }
    }
}

package dev.backbeat.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The long work of one session, done one job at a time in the order it was asked for (an export
 * of minutes keeps a chat waiting, visibly, instead of both racing for a lock). A job can be
 * withdrawn while it waits and cancelled while it runs; listeners see every change of the line.
 * The caller's thread does the work when its turn comes, so blocking back-end calls stay blocking.
 */
public final class JobQueue {

    /** Where a job is: waiting its turn, running (with what it is doing), or over. */
    public enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** What the UI shows of a job: "Chat: calmer · queued", "Export · exporting". */
    public record JobView(long id, String label, State state, String doing) {
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Job job) throws BackendException;
    }

    /** One piece of work in the line. */
    public final class Job {
        private final long id = ids.incrementAndGet();
        private final String label;
        private final CancelToken cancel;
        private volatile State state = State.QUEUED;
        private volatile String doing = "queued";

        private Job(String label, CancelToken cancel) {
            this.label = label;
            this.cancel = cancel;
        }

        public long id() {
            return id;
        }

        public CancelToken cancelToken() {
            return cancel;
        }

        /** Says what the running job is doing now ("composing", "exporting"). */
        public void doing(String what) {
            doing = what;
            changed();
        }

        JobView view() {
            return new JobView(id, label, state, doing);
        }
    }

    private final AtomicLong ids = new AtomicLong();
    private final Object lock = new Object();
    private final List<Job> line = new ArrayList<>();
    private final List<Consumer<List<JobView>>> listeners = new CopyOnWriteArrayList<>();

    /** Called with the whole line (waiting and running jobs, first first) after every change, on the changing thread. */
    public void addListener(Consumer<List<JobView>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<List<JobView>> listener) {
        listeners.remove(listener);
    }

    /** The jobs waiting or running, first first. */
    public List<JobView> jobs() {
        synchronized (lock) {
            return line.stream().map(Job::view).toList();
        }
    }

    /**
     * Waits for the job's turn, then runs it on this thread. Cancelling {@code cancel} while the job
     * waits takes it out of the line at once (it throws CANCELLED without having run).
     */
    public <T> T run(String label, CancelToken cancel, Work<T> work) throws BackendException {
        Job job = new Job(label, cancel);
        synchronized (lock) {
            line.add(job);
        }
        cancel.onCancel(() -> {
            synchronized (lock) {
                lock.notifyAll();
            }
        });
        changed();
        try {
            synchronized (lock) {
                while (line.get(0) != job && !cancel.isCancelled()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw BackendException.cancelled();
                    }
                }
                if (cancel.isCancelled()) {
                    job.state = State.CANCELLED;
                    throw BackendException.cancelled();
                }
                job.state = State.RUNNING;
                job.doing = "running";
            }
            changed();
            T result = work.run(job);
            job.state = State.DONE;
            return result;
        } catch (BackendException e) {
            job.state = e.kind() == BackendException.Kind.CANCELLED ? State.CANCELLED : State.FAILED;
            throw e;
        } catch (RuntimeException e) {
            job.state = State.FAILED;
            throw e;
        } finally {
            synchronized (lock) {
                line.remove(job);
                lock.notifyAll();
            }
            changed();
        }
    }

    /** Withdraws a waiting job or cancels a running one; false when no such job is in the line. */
    public boolean cancel(long id) {
        Job found;
        synchronized (lock) {
            found = line.stream().filter(j -> j.id == id).findFirst().orElse(null);
        }
        if (found == null) {
            return false;
        }
        found.cancel.cancel();
        return true;
    }

    /** Cancels everything in the line (the session is closing). */
    public void cancelAll() {
        List<Job> all;
        synchronized (lock) {
            all = List.copyOf(line);
        }
        all.forEach(j -> j.cancel.cancel());
    }

    private void changed() {
        List<JobView> now = jobs();
        for (Consumer<List<JobView>> l : listeners) {
            l.accept(now);
        }
    }
}

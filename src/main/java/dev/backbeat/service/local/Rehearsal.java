package dev.backbeat.service.local;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.Progress;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gets the local engine ready while the app's window waits for a first clip: the whole job is
 * rehearsed once, on a 30-s clip made up for it (a small picture with a cut every two seconds, a
 * tone for sound) in a temporary folder: read, composed, changed twice in the chat, mixed,
 * exported, then deleted. The Java code on every stage's path is compiled before the user's clip
 * needs it. Measured on two cores ({@code bench score --app}): the first export of a 30-s 1080p
 * clip after launch took 1.83-1.88× a plain decode after the old synthesis-only warm-up, and
 * 1.41-1.53× after this rehearsal (which takes 7-8 s), like any later export. It changes no
 * result. Runs once per process on a background thread, and gives way as soon as the user's own
 * work starts (a clip dropped at once does not wait for it); any failure just ends it (the real job
 * meets the same problem and says so in its own words; without a working FFmpeg there is nothing
 * to rehearse, nor any clip to score). Not used by the command line: there the job starts at once
 * and the rehearsal would only compete with it.
 */
public final class Rehearsal {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile Rehearsal current;
    private static volatile Thread thread;

    private final LocalBackend.RunnerSource source;
    /** Cancelled as soon as the user's own work starts: the rehearsal gives way. */
    private final CancelToken stop = new CancelToken();
    private volatile Path folder;
    private volatile boolean completed;

    Rehearsal(LocalBackend.RunnerSource source) {
        this.source = source;
    }

    /** Opened once the window is on screen: the rehearsal must not slow the window's first appearance. */
    private static final java.util.concurrent.CountDownLatch SHOWN = new java.util.concurrent.CountDownLatch(1);

    /**
     * Starts the rehearsal unless it already ran in this process; returns at once. It waits for
     * {@link #windowShown()} (at most 10 s) before it uses the processor.
     */
    public static void start(LocalBackend.RunnerSource source) {
        if (!STARTED.compareAndSet(false, true) || Boolean.getBoolean("backbeat.noWarmUp")) {
            return;
        }
        Rehearsal r = new Rehearsal(source);
        current = r;
        Thread t = new Thread(() -> {
            try {
                SHOWN.await(10, java.util.concurrent.TimeUnit.SECONDS);
                // the first frames of the window are drawn and its first layout passes done
                Thread.sleep(400);
            } catch (InterruptedException e) {
                return;
            }
            if (!r.stop.isCancelled()) {
                r.run();
            }
        }, "backbeat-rehearsal");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        thread = t;
        t.start();
    }

    /** The window is showing: a rehearsal waiting for it may begin. */
    public static void windowShown() {
        SHOWN.countDown();
    }

    /** Stops a running rehearsal (its FFmpeg at once, the rest at its next step): the user's work starts. */
    static void giveWay() {
        Rehearsal r = current;
        if (r != null) {
            r.stop.cancel();
        }
    }

    /** Waits for a running rehearsal to end (benchmarks that time the app's first job). */
    public static void await() throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join();
        }
    }

    /** Rehearses on the calling thread; true when every step ran. */
    boolean run() {
        FfmpegRunner runner;
        try {
            runner = source.runner();
        } catch (MediaException | RuntimeException e) {
            return false;
        }
        LocalBackend backend = null;
        try {
            stop.throwIfCancelled();
            folder = dev.backbeat.engine.media.TempFiles.dir("rehearsal");
            Path clip = folder.resolve("rehearsal.mp4");
            FfmpegRunner.Result made = runner.run(Ffmpeg.Tool.FFMPEG, List.of("-nostdin", "-hide_banner", "-loglevel", "error",
                    "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30:d=30,hue=h='90*floor(t/2)'",
                    "-f", "lavfi", "-i", "sine=f=220:d=30", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
                    "-shortest", "-y", clip.toString()), null, 30, Progress.none(), cancellation(), 60, List.of(clip));
            if (made.exitCode() != 0) {
                return false;
            }
            backend = new LocalBackend(source, true);
            stop.throwIfCancelled();
            backend.upload(List.of(clip), (message, fraction) -> { }, stop);
            // two changes asked in the chat: the synthesizer's loops run long enough to be compiled fully
            for (String change : List.of("more energetic, add strings", "calmer, piano only")) {
                stop.throwIfCancelled();
                backend.chat(change, e -> { }, stop);
            }
            stop.throwIfCancelled();
            backend.exportTo(new ExportRequest(folder.resolve("rehearsal-scored.mp4"), "auto", -14), null, p -> { }, stop);
            completed = true;
            return true;
        } catch (MediaException | BackendException | IOException | RuntimeException e) {
            // nothing to do: the real job meets the same problem and says so
            return false;
        } finally {
            if (backend != null) {
                backend.close();
            }
            LocalSession.deleteTree(folder);
        }
    }

    private Cancellation cancellation() {
        Cancellation c = new Cancellation();
        stop.onCancel(c::cancel);
        return c;
    }

    /** The temporary folder it worked in (removed when it ends), or null before it made one. */
    Path folder() {
        return folder;
    }

    boolean completed() {
        return completed;
    }

    CancelToken stopToken() {
        return stop;
    }
}

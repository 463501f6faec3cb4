package dev.backbeat.engine.media;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs ffmpeg or ffprobe so that nothing hangs: stderr is always drained (its last lines kept for
 * error messages, {@code -progress} lines turned into progress), stdout goes to the caller's reader,
 * cancel kills the process tree, a watchdog kills a process that makes no progress for a while, and
 * partial outputs are deleted whenever a run does not finish well.
 */
public final class FfmpegRunner {

    /** Reads the process's stdout; runs on its own thread and should read to the end. */
    @FunctionalInterface
    public interface OutputReader {
        void read(InputStream stdout) throws IOException, MediaException;
    }

    /** Feeds the process's stdin; runs on its own thread, and the stream is closed after it returns. */
    @FunctionalInterface
    public interface InputWriter {
        void write(OutputStream stdin) throws IOException, MediaException;
    }

    /**
     * What a run produced: exit code, stdout text (when no reader was given), the last stderr lines,
     * the child's peak memory and its CPU time (both sampled every 100 ms, so slightly low), and how
     * many message lines (not progress) it printed in all, of which the tail keeps the last few.
     */
    public record Result(int exitCode, String stdout, List<String> stderrTail, long peakRssKb, double cpuSec,
                         long messageLines) {
        public Result(int exitCode, String stdout, List<String> stderrTail, long peakRssKb, double cpuSec) {
            this(exitCode, stdout, stderrTail, peakRssKb, cpuSec, stderrTail.size());
        }

        public String stderrText() {
            return String.join("\n", stderrTail);
        }
    }

    private static final int TAIL_LINES = 30;

    private final Ffmpeg ffmpeg;

    public FfmpegRunner(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    public Ffmpeg ffmpeg() {
        return ffmpeg;
    }

    /** Runs a short command (a probe), capturing stdout as text. */
    public Result run(Ffmpeg.Tool tool, List<String> args, double stallSeconds) throws MediaException {
        return run(tool, args, null, 0, Progress.none(), Cancellation.none(), stallSeconds, List.of());
    }

    /**
     * @param reader          reads stdout, or null to capture it as text
     * @param durationSec     the media's length, to turn {@code -progress} positions into a fraction
     * @param stallSeconds    kill the process after this long without output, stderr or progress
     * @param partialOutputs  files to delete unless the run ends with exit code 0
     */
    public Result run(Ffmpeg.Tool tool, List<String> args, OutputReader reader, double durationSec, Progress progress,
                      Cancellation cancellation, double stallSeconds, List<Path> partialOutputs) throws MediaException {
        return run(tool, args, null, reader, durationSec, progress, cancellation, stallSeconds, partialOutputs);
    }

    /**
     * As above, with {@code writer} (when not null) feeding the process's stdin. If the process
     * fails, its own error is reported (the writer then meets a closed pipe, which is not the cause).
     */
    public Result run(Ffmpeg.Tool tool, List<String> args, InputWriter writer, OutputReader reader, double durationSec,
                      Progress progress, Cancellation cancellation, double stallSeconds, List<Path> partialOutputs)
            throws MediaException {
        cancellation.throwIfCancelled();
        if (tool == Ffmpeg.Tool.FFMPEG && !args.contains("-progress")) {
            // a job writing only to files, with quiet logging, would otherwise look stalled to the watchdog
            List<String> withProgress = new ArrayList<>(List.of("-progress", "pipe:2"));
            withProgress.addAll(args);
            args = withProgress;
        }
        ProcessBuilder pb = ffmpeg.builder(tool, args).redirectInput(writer == null
                ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.PIPE);
        Process process;
        try {
            process = TiedProcesses.start(pb);
        } catch (IOException e) {
            throw new MediaException(MediaException.Kind.FFMPEG_MISSING, "FFmpeg could not be started ("
                    + e.getMessage() + "). Set " + FfmpegLocator.ENV_OVERRIDE + " to a working ffmpeg.", e);
        }
        AtomicLong lastActivity = new AtomicLong(System.nanoTime());
        Deque<String> tail = new ArrayDeque<>();
        java.util.concurrent.atomic.AtomicLong messages = new java.util.concurrent.atomic.AtomicLong();
        ProgressReader progressReader = new ProgressReader(durationSec, progress);
        Thread err = daemon("ffmpeg-stderr", () -> drainStderr(process.getErrorStream(), tail, messages, progressReader, lastActivity));
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Thread out = daemon("ffmpeg-stdout", () -> {
            try (InputStream in = new ActivityStream(process.getInputStream(), lastActivity)) {
                if (reader != null) {
                    reader.read(in);
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                } else {
                    in.transferTo(captured);
                }
            } catch (Throwable t) {
                readerFailure.set(t);
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        });
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread in = writer == null ? null : daemon("ffmpeg-stdin", () -> {
            try (OutputStream stdin = process.getOutputStream()) {
                writer.write(stdin);
            } catch (Throwable t) {
                writerFailure.set(t);
                if (!(t instanceof IOException)) {
                    // the feed itself failed (cancelled, bad data): stop FFmpeg rather than let it finish a short file
                    killTree(process);
                }
            }
        });
        Runnable killer = () -> killTree(process);
        cancellation.onCancel(killer);
        long peakKb = 0;
        double cpuSec = 0;
        boolean stalled = false;
        try {
            while (!process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                peakKb = Math.max(peakKb, peakRssKb(process.pid()));
                cpuSec = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(cpuSec);
                if (cancellation.isCancelled()) {
                    killTree(process);
                    break;
                }
                if ((System.nanoTime() - lastActivity.get()) / 1e9 > stallSeconds) {
                    stalled = true;
                    killTree(process);
                    break;
                }
            }
            process.waitFor();
            if (in != null) {
                in.join(5000);
            }
            out.join(5000);
            err.join(5000);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            cancellation.cancel();
        } finally {
            cancellation.removeOnCancel(killer);
        }
        int code = process.isAlive() ? -1 : process.exitValue();
        List<String> tailLines;
        synchronized (tail) {
            tailLines = new ArrayList<>(tail);
        }
        Throwable fed = writerFailure.get();
        if (fed instanceof MediaException me && me.kind() == MediaException.Kind.CANCELLED) {
            cancellation.cancel();
        }
        boolean feedFailed = fed != null && (code == 0 || !(fed instanceof IOException));
        if (code != 0 || cancellation.isCancelled() || stalled || readerFailure.get() != null || feedFailed) {
            partialOutputs.forEach(FfmpegRunner::deleteQuietly);
        }
        if (cancellation.isCancelled()) {
            throw new MediaException(MediaException.Kind.CANCELLED, "Cancelled.");
        }
        if (stalled) {
            throw new MediaException(MediaException.Kind.STALLED, "FFmpeg made no progress for "
                    + Math.round(stallSeconds) + " s and was stopped. The file may be damaged or on a slow or"
                    + " disconnected drive; copy it to a local disk and try again.");
        }
        Throwable failure = readerFailure.get() != null ? readerFailure.get() : feedFailed ? fed : null;
        if (failure instanceof MediaException me) {
            throw me;
        }
        if (failure != null) {
            throw new MediaException(MediaException.Kind.FAILED, (failure == fed ? "Feeding FFmpeg failed: "
                    : "Reading FFmpeg's output failed: ") + failure, failure);
        }
        return new Result(code, captured.toString(StandardCharsets.UTF_8), tailLines, peakKb, cpuSec, messages.get());
    }

    private static void drainStderr(InputStream stderr, Deque<String> tail, AtomicLong messages, ProgressReader progress,
                                    AtomicLong activity) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                activity.set(System.nanoTime());
                if (progress.accept(line) || line.isBlank()) {
                    continue;
                }
                messages.incrementAndGet();
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the process is gone; what was read is kept
        }
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The child's peak resident memory from /proc (Linux); 0 where it cannot be read. */
    static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux, or the process has just ended
        }
        return 0;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Counts every read as a sign of life for the watchdog. */
    private static final class ActivityStream extends java.io.FilterInputStream {
        private final AtomicLong activity;

        ActivityStream(InputStream in, AtomicLong activity) {
            super(in);
            this.activity = activity;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            activity.set(System.nanoTime());
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            activity.set(System.nanoTime());
            return n;
        }
    }
}

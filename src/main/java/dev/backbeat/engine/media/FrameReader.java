package dev.backbeat.engine.media;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Decodes one clip's picture at preview size as a stream of RGB frames over a pipe, from any
 * time: {@code -ss} before {@code -i} with FFmpeg's accurate seek, so the first frame given is the
 * one at the time asked for, not the key frame before it. The picture is brought to a constant
 * rate ({@code fps}), so frame {@code i} is shown at {@code from + i / fps}. Closing it (or a
 * cancel) destroys the process.
 */
public final class FrameReader implements AutoCloseable {

    /** A decoded picture: where it sits in the clip, its size, and its pixels as packed RGB (3 bytes each). */
    public record Frame(double timeSec, int width, int height, byte[] rgb) {
    }

    /** A picture size. */
    public record Size(int width, int height) {
    }

    private final Process process;
    private final DataInputStream in;
    private final Deque<String> errors = new ArrayDeque<>();
    private final double fromSec;
    private final double fps;
    private final Size size;
    private final Runnable killer = this::close;
    private final Cancellation cancel;
    private long index;
    private volatile boolean closed;

    /**
     * Starts decoding {@code file} from {@code fromSec} at {@code fps} frames a second, scaled to
     * {@code size} (see {@link #fit}).
     */
    public FrameReader(Ffmpeg ffmpeg, Path file, double fromSec, double fps, Size size, Cancellation cancel)
            throws MediaException {
        this.fromSec = Math.max(0, fromSec);
        this.fps = fps > 0 && fps < 240 ? fps : 30;
        this.size = size;
        this.cancel = cancel;
        cancel.throwIfCancelled();
        List<String> args = List.of("-nostdin", "-hide_banner", "-loglevel", "error",
                "-ss", String.format(Locale.ROOT, "%.4f", this.fromSec), "-accurate_seek",
                "-i", MediaProbe.ffmpegInput(file), "-map", "0:v:0", "-an", "-sn",
                "-vf", String.format(Locale.ROOT, "fps=%.6f,scale=%d:%d:flags=bilinear", this.fps, size.width(), size.height()),
                "-pix_fmt", "rgb24", "-f", "rawvideo", "pipe:1");
        try {
            // tied to the app: a killed app must not leave a decoder behind
            process = TiedProcesses.start(ffmpeg.builder(Ffmpeg.Tool.FFMPEG, args)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))));
        } catch (IOException e) {
            throw new MediaException(MediaException.Kind.FFMPEG_MISSING, "FFmpeg could not be started to show the picture ("
                    + e.getMessage() + ").", e);
        }
        in = new DataInputStream(new java.io.BufferedInputStream(process.getInputStream(), 1 << 20));
        Thread drain = new Thread(() -> drain(process.getErrorStream()), "frame-reader-stderr");
        drain.setDaemon(true);
        drain.start();
        cancel.onCancel(killer);
    }

    /** The size that fits {@code maxW × maxH} keeping the picture's shape, in even numbers (as YUV pictures want). */
    public static Size fit(int width, int height, int maxW, int maxH) {
        if (width <= 0 || height <= 0) {
            return new Size(Math.max(2, maxW & ~1), Math.max(2, maxH & ~1));
        }
        double k = Math.min(1.0, Math.min(maxW / (double) width, maxH / (double) height));
        int w = Math.max(2, (int) Math.round(width * k) & ~1);
        int h = Math.max(2, (int) Math.round(height * k) & ~1);
        return new Size(w, h);
    }

    /** The next frame, or null at the clip's end (or once closed). Blocks while FFmpeg decodes. */
    public Frame next() throws MediaException {
        if (closed) {
            return null;
        }
        byte[] rgb = new byte[size.width() * size.height() * 3];
        try {
            in.readFully(rgb);
        } catch (EOFException e) {
            return finish();
        } catch (IOException e) {
            if (closed) {
                return null;
            }
            throw new MediaException(MediaException.Kind.FAILED, "The picture could not be read: " + e.getMessage(), e);
        }
        return new Frame(fromSec + index++ / fps, size.width(), size.height(), rgb);
    }

    /** At the end of the stream: null when FFmpeg ended well, else its reason. */
    private Frame finish() throws MediaException {
        try {
            int code = process.waitFor();
            if (code != 0 && !closed && !cancel.isCancelled()) {
                synchronized (errors) {
                    throw new MediaException(MediaException.Kind.FAILED, "The picture could not be decoded: "
                            + String.join("\n", errors));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private void drain(InputStream err) {
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(err, java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (errors) {
                    errors.addLast(line);
                    if (errors.size() > 20) {
                        errors.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancel.removeOnCancel(killer);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            in.close();
        } catch (IOException ignored) {
            // the pipe goes with the process
        }
    }
}

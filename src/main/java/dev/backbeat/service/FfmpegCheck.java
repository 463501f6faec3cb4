package dev.backbeat.service;

import dev.backbeat.engine.media.TiedProcesses;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether a file the user named in Settings is an FFmpeg that runs: it is started with
 * {@code -version} and must answer with FFmpeg's banner within a few seconds. Blocking: call it
 * off the UI thread.
 */
public final class FfmpegCheck {
    private static final long WAIT_SECONDS = 10;

    /** What the check found: the banner's first line, or why it is not usable. */
    public sealed interface Result {
        record Runs(String version) implements Result {
        }

        record Missing(Path path) implements Result {
        }

        record DoesNotRun(Path path, String why) implements Result {
        }
    }

    private FfmpegCheck() {
    }

    public static Result check(Path path) {
        if (!Files.isRegularFile(path)) {
            return new Result.Missing(path);
        }
        ProcessBuilder pb = new ProcessBuilder(List.of(path.toString(), "-version")).redirectErrorStream(true);
        Process p;
        try {
            p = TiedProcesses.start(pb);
        } catch (IOException e) {
            return new Result.DoesNotRun(path, e.getMessage());
        }
        try (InputStream out = p.getInputStream()) {
            // the banner is a few hundred bytes; read a bounded amount so a wrong program cannot flood us
            String text = new String(out.readNBytes(16_384), StandardCharsets.UTF_8);
            if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                return new Result.DoesNotRun(path, "no answer within " + WAIT_SECONDS + " s");
            }
            String first = text.lines().findFirst().orElse("").strip();
            if (p.exitValue() != 0 || !first.startsWith("ffmpeg version")) {
                return new Result.DoesNotRun(path, first.isEmpty() ? "exit code " + p.exitValue() : first);
            }
            return new Result.Runs(first);
        } catch (IOException e) {
            return new Result.DoesNotRun(path, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.DoesNotRun(path, "interrupted");
        } finally {
            p.destroyForcibly();
        }
    }
}

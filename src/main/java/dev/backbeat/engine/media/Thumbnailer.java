package dev.backbeat.engine.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Grabs one frame of a clip as a small JPEG for the preview and the clip cards. */
public final class Thumbnailer {
    private final FfmpegRunner runner;

    public Thumbnailer(FfmpegRunner runner) {
        this.runner = runner;
    }

    /**
     * The key frame nearest before a third of the clip, 640 px wide, written to {@code out}; false
     * when it cannot be made. Key frames only: decoding up to an exact frame took half a second.
     */
    public boolean write(ClipInfo clip, Path out) throws MediaException {
        double at = Math.max(0, Math.min(clip.durationSec() - 0.1, clip.durationSec() / 3));
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, List.of("-nostdin", "-hide_banner", "-loglevel", "error",
                "-progress", "pipe:2", "-noaccurate_seek", "-ss", String.format(Locale.ROOT, "%.3f", at),
                "-skip_frame", "nokey", "-i", MediaProbe.ffmpegInput(clip.path()),
                "-frames:v", "1", "-vf", "scale=640:-2", "-q:v", "4", "-y", out.toString()), null, 1, Progress.none(),
                Cancellation.none(), 30, List.of(out));
        return r.exitCode() == 0 && Files.isRegularFile(out);
    }
}

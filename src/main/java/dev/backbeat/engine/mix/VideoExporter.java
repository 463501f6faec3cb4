package dev.backbeat.engine.mix;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the MP4: the clip's picture (copied untouched when it already fits, else re-encoded with
 * libx264 and reframed, with titles laid over it) and the mixed sound, already encoded and checked
 * by {@link AudioMixer}, copied in; {@code +faststart}.
 * The file is written next to the target under a temporary name and moved into place only when
 * complete; on cancel or failure nothing is left behind, and the source is never touched.
 */
public final class VideoExporter {
    private static final double STALL_SECONDS = 90;
    private final FfmpegRunner runner;

    public VideoExporter(FfmpegRunner runner) {
        this.runner = runner;
    }

    public record Options(String aspect, FramePlan.Fit fit, List<TitleCard.Title> titles, String preset, int crf) {
        public Options {
            titles = titles == null ? List.of() : List.copyOf(titles);
            fit = fit == null ? FramePlan.Fit.PAD : fit;
            preset = preset == null ? "veryfast" : preset;
            crf = crf <= 0 ? 20 : crf;
        }

        public static Options defaults() {
            return new Options("auto", FramePlan.Fit.PAD, List.of(), "veryfast", 20);
        }
    }

    /** The written file and how its picture was made. */
    public record Result(Path file, FramePlan frame) {
    }

    /** The sound's check, awaited before the file is moved into place. */
    @FunctionalInterface
    public interface AudioCheck {
        /** Waits for the check; true when the sound file had to be encoded again (the video is then written again). */
        boolean settle() throws MediaException;

        AudioCheck NONE = () -> false;
    }

    public Result export(ClipInfo clip, Path audio, Path target, Options o, Progress progress, Cancellation cancel)
            throws MediaException, ExportException {
        return export(List.of(clip), audio, AudioCheck.NONE, target, o, progress, cancel);
    }

    /**
     * Exports clips played one after another (a single clip may be copied; several are always joined
     * anew) with {@code audio}, the encoded sound {@link AudioMixer#mix} made.
     */
    public Result export(List<ClipInfo> clips, Path audio, AudioCheck check, Path target, Options o, Progress progress,
                         Cancellation cancel) throws MediaException, ExportException {
        Path out = target.toAbsolutePath().normalize();
        for (ClipInfo c : clips) {
            checkTarget(c.path(), out);
        }
        ClipInfo clip = clips.get(0);
        String aspect = FramePlan.resolveAspect(o.aspect(), clip);
        FramePlan frame = clips.size() == 1 ? FramePlan.of(clip, aspect, !o.titles().isEmpty())
                : FramePlan.joined(clips.size(), aspect);
        double duration = clips.stream().mapToDouble(ClipInfo::durationSec).sum();
        Path dir = out.getParent();
        Path partial = dir.resolve("." + out.getFileName() + ".part-" + ProcessHandle.current().pid() + ".mp4");
        List<Path> cards = new ArrayList<>();
        try {
            for (int i = 0; i < o.titles().size(); i++) {
                Path png = Files.createTempFile("backbeat-title", ".png");
                cards.add(png);
                TitleCard.write(o.titles().get(i).text(), frame.width(), frame.height(), png);
            }
            List<String> args = arguments(clips, duration, audio, partial, frame, o, cards);
            write(args, duration, partial, dir, progress, cancel);
            if (check.settle()) {
                // the sound was encoded again (its peaks came out too high): write the file again with it
                write(args, duration, partial, dir, Progress.none(), cancel);
            }
            moveIntoPlace(partial, out);
            return new Result(out, frame);
        } catch (IOException e) {
            throw new ExportException("The video could not be written to " + dir + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
            cards.forEach(VideoExporter::deleteQuietly);
        }
    }

    private void write(List<String> args, double duration, Path partial, Path dir, Progress progress, Cancellation cancel)
            throws MediaException, ExportException, IOException {
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, args, null, duration, progress, cancel,
                STALL_SECONDS, List.of(partial));
        if (r.exitCode() != 0) {
            Files.deleteIfExists(partial);
            throw failure(r.stderrText(), dir);
        }
    }

    static void checkTarget(Path source, Path out) throws ExportException {
        Path dir = out.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ExportException("The folder " + dir + " does not exist. Choose another place to save the video.");
        }
        if (!Files.isWritable(dir)) {
            throw new ExportException("Backbeat cannot write into " + dir + ". Choose a folder you can save to.");
        }
        try {
            Path src = source.toAbsolutePath().normalize();
            if (src.equals(out) || (Files.exists(out) && Files.isSameFile(src, out))) {
                throw new ExportException("That is the clip itself: Backbeat never overwrites your source. Choose another file name.");
            }
        } catch (IOException e) {
            throw new ExportException("Cannot check " + out + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(out)) {
            throw new ExportException(out + " is a folder. Choose a file name ending in .mp4.");
        }
    }

    private static List<String> arguments(List<ClipInfo> clips, double duration, Path audioFile, Path partial, FramePlan frame,
                                          Options o, List<Path> cards) {
        List<String> a = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error",
                "-progress", "pipe:2"));
        for (ClipInfo c : clips) {
            a.addAll(List.of("-i", MediaProbe.ffmpegInput(c.path())));
        }
        int audio = clips.size();
        a.addAll(List.of("-i", audioFile.toString()));
        for (Path card : cards) {
            a.addAll(List.of("-loop", "1", "-i", card.toString()));
        }
        if (frame.copy()) {
            a.addAll(List.of("-map", "0:v:0", "-map", audio + ":a:0", "-c:v", "copy"));
        } else {
            StringBuilder graph = new StringBuilder();
            if (clips.size() == 1) {
                graph.append("[0:v:0]").append(frame.fitFilter(o.fit())).append("[v0]");
            } else {
                // every clip drawn into the same frame at the first clip's rate, then joined
                String fps = num(clips.get(0).fps() > 0 ? clips.get(0).fps() : 30);
                for (int i = 0; i < clips.size(); i++) {
                    graph.append("[").append(i).append(":v:0]").append(frame.fitFilter(o.fit())).append(",fps=").append(fps)
                            .append("[c").append(i).append("];");
                }
                for (int i = 0; i < clips.size(); i++) {
                    graph.append("[c").append(i).append("]");
                }
                graph.append("concat=n=").append(clips.size()).append(":v=1:a=0[v0]");
            }
            for (int i = 0; i < cards.size(); i++) {
                TitleCard.Title t = o.titles().get(i);
                graph.append(";[v").append(i).append("][").append(audio + 1 + i).append(":v]overlay=0:0:shortest=1:enable='between(t,")
                        .append(num(t.startSec())).append(',').append(num(t.startSec() + t.durationSec())).append(")'[v")
                        .append(i + 1).append(']');
            }
            a.addAll(List.of("-filter_complex", graph.toString(), "-map", "[v" + cards.size() + "]", "-map", audio + ":a:0",
                    "-c:v", "libx264", "-preset", o.preset(), "-crf", Integer.toString(o.crf()),
                    "-profile:v", "high", "-pix_fmt", "yuv420p"));
        }
        a.addAll(List.of("-fps_mode", clips.size() == 1 ? "passthrough" : "cfr", "-c:a", "copy",
                "-t", num(duration), "-map_metadata", "-1", "-movflags", "+faststart", "-f", "mp4", "-y",
                partial.toString()));
        return a;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static ExportException failure(String stderr, Path dir) {
        String low = stderr.toLowerCase(Locale.ROOT);
        if (low.contains("no space left")) {
            return new ExportException("The disk is full: the video did not fit in " + dir
                    + ". Free some space or choose another drive; nothing was left behind.");
        }
        if (low.contains("permission denied") || low.contains("read-only file system")) {
            return new ExportException("Backbeat cannot write into " + dir + ". Choose a folder you can save to.");
        }
        String last = stderr.isBlank() ? "no detail from FFmpeg" : stderr.lines().reduce((x, y) -> y).orElse("");
        return new ExportException("The export failed (" + last.trim() + "). Nothing was left behind.");
    }

    private static void moveIntoPlace(Path partial, Path out) throws IOException {
        try {
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file is not worth failing the export for
        }
    }
}

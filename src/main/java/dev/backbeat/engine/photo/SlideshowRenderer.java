package dev.backbeat.engine.photo;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders photos, each held for a number of frames, into one H.264 picture at the export's frame
 * size: every photo drawn once into its canvas, then moved over by FFmpeg's zoompan (a gentle
 * Ken Burns: zooming in or out, some drifting sideways), an animated GIF played in a loop for its
 * hold. The photos go through FFmpeg in groups, each group written as its own piece and the pieces
 * joined without encoding again, so memory stays the same for 12 photos or 500.
 */
public final class SlideshowRenderer {
    /** Photos per FFmpeg process: each holds its canvas (about 7 MB at 1080p) until its turn. */
    static final int GROUP = 16;
    /** How far the canvas reaches past the frame when the picture moves: a 10 % zoom at most. */
    static final double MARGIN = 1.10;
    private final FfmpegRunner runner;

    public SlideshowRenderer(FfmpegRunner runner) {
        this.runner = runner;
    }

    /** A photo and how many frames it is held. */
    public record Shot(Still still, int frames) {
    }

    /** The picture asked for: frame size and rate, fit, and whether the photos move. */
    public record Options(int width, int height, int fps, StillFit fit, boolean zoom, String preset, int crf) {
    }

    /** Writes the picture into {@code out} (no sound); working files go in {@code work}. */
    public void render(List<Shot> shots, Options o, Path work, Path out, Progress progress, Cancellation cancel)
            throws MediaException, IOException {
        long total = shots.stream().mapToLong(Shot::frames).sum();
        if (shots.isEmpty() || total <= 0) {
            throw new IllegalArgumentException("no photos to render");
        }
        double margin = o.zoom() ? MARGIN : 1.0;
        StillCanvas canvas = new StillCanvas(runner);
        List<Path> pieces = new ArrayList<>();
        long done = 0;
        for (int g = 0; g < shots.size(); g += GROUP) {
            List<Shot> group = shots.subList(g, Math.min(shots.size(), g + GROUP));
            List<Path> inputs = new ArrayList<>();
            for (int k = 0; k < group.size(); k++) {
                Still s = group.get(k).still();
                if (s.animated()) {
                    inputs.add(s.path());
                } else {
                    Path c = work.resolve(String.format(Locale.ROOT, "canvas-%04d.png", g + k));
                    canvas.draw(s, o.width(), o.height(), o.fit(), margin, c, cancel);
                    inputs.add(c);
                }
            }
            Path piece = shots.size() <= GROUP ? out : work.resolve(String.format(Locale.ROOT, "piece-%04d.mp4", g / GROUP));
            long frames = group.stream().mapToLong(Shot::frames).sum();
            double base = done / (double) total;
            double span = frames / (double) total;
            FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, arguments(group, inputs, g, o, margin, piece), null,
                    frames / (double) o.fps(), (f, speed) -> progress.update(base + span * f, speed), cancel, 90,
                    List.of(piece));
            inputs.stream().filter(p -> p.startsWith(work)).forEach(SlideshowRenderer::deleteQuietly);
            if (r.exitCode() != 0) {
                String last = r.stderrText().lines().reduce((a, b) -> b).orElse("no detail from FFmpeg").trim();
                throw new MediaException(MediaException.Kind.FAILED, "The photos could not be made into a video (" + last + ").");
            }
            pieces.add(piece);
            done += frames;
        }
        if (pieces.size() > 1) {
            join(pieces, work, out, cancel);
            pieces.forEach(SlideshowRenderer::deleteQuietly);
        }
    }

    private static List<String> arguments(List<Shot> group, List<Path> inputs, int first, Options o, double margin, Path out) {
        List<String> a = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error",
                "-progress", "pipe:2"));
        for (int k = 0; k < group.size(); k++) {
            if (group.get(k).still().animated()) {
                a.addAll(List.of("-stream_loop", "-1"));
            }
            a.addAll(List.of("-i", MediaProbe.ffmpegInput(inputs.get(k))));
        }
        StringBuilder graph = new StringBuilder();
        for (int k = 0; k < group.size(); k++) {
            Shot s = group.get(k);
            String in = "[" + k + ":v]";
            String shown = "[s" + k + "]";
            if (s.still().animated()) {
                graph.append(in).append("fps=").append(o.fps()).append(",trim=end_frame=").append(s.frames())
                        .append(",setpts=PTS-STARTPTS[g").append(k).append("];")
                        .append(StillCanvas.graph("[g" + k + "]", 1, o.width(), o.height(), o.fit(), "[f" + k + "]", "x" + k))
                        .append(";[f").append(k).append("]format=yuv420p").append(shown).append(';');
            } else {
                graph.append(in).append(KenBurns.zoompan(first + k, s.frames(), o.width(), o.height(), o.fps(),
                                o.zoom() ? margin : 1.0))
                        .append(",setsar=1,format=yuv420p").append(shown).append(';');
            }
        }
        for (int k = 0; k < group.size(); k++) {
            graph.append("[s").append(k).append(']');
        }
        graph.append("concat=n=").append(group.size()).append(":v=1:a=0[v]");
        a.addAll(List.of("-filter_complex", graph.toString(), "-map", "[v]", "-c:v", "libx264", "-preset", o.preset(),
                "-crf", Integer.toString(o.crf()), "-profile:v", "high", "-pix_fmt", "yuv420p", "-r", Integer.toString(o.fps()),
                "-fps_mode", "cfr", "-an", "-map_metadata", "-1", "-f", "mp4", "-y", out.toString()));
        return a;
    }

    /** The pieces one after another, copied (they share every encoding setting). */
    private void join(List<Path> pieces, Path work, Path out, Cancellation cancel) throws MediaException, IOException {
        Path list = work.resolve("pieces.txt");
        StringBuilder sb = new StringBuilder();
        for (Path p : pieces) {
            sb.append("file '").append(p.toAbsolutePath().toString().replace("'", "'\\''")).append("'\n");
        }
        Files.writeString(list, sb.toString());
        FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel",
                "error", "-f", "concat", "-safe", "0", "-i", list.toString(), "-c", "copy", "-f", "mp4", "-y", out.toString()),
                null, 0, Progress.none(), cancel, 90, List.of(out));
        deleteQuietly(list);
        if (r.exitCode() != 0) {
            throw new MediaException(MediaException.Kind.FAILED, "The photos' video could not be joined ("
                    + r.stderrText().lines().reduce((x, y) -> y).orElse("").trim() + ").");
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the job's working folder is removed with everything in it
        }
    }
}

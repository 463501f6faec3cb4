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
 * libx264 and reframed, with titles laid over it) and the mixed sound; {@code +faststart}. When the
 * picture is copied, the mix is fed to the same FFmpeg process and encoded as it writes the file;
 * when the picture is re-encoded, the sound is encoded and checked first, so a correction never
 * costs a second video encode. Either way the written sound is checked (decoded again and measured)
 * before the file is moved into place, and written again if the check asks for it.
 * The file is written next to the target under a temporary name and moved into place only when
 * complete; on cancel or failure nothing is left behind, and the source is never touched.
 */
public final class VideoExporter {
    private static final double STALL_SECONDS = 90;
    private static final System.Logger LOG = System.getLogger(VideoExporter.class.getName());
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

    /** The sound the video gets: a file copied in as it is, or a mix made on demand and checked. */
    public sealed interface Soundtrack permits Soundtrack.Encoded, Soundtrack.Live {

        /** A sound already encoded (AAC), copied in as it is and not checked again. */
        record Encoded(Path aac) implements Soundtrack {
        }

        /**
         * A sound made on demand, each pass with the settings its {@link #check} holds: fed raw to the
         * FFmpeg that writes the file, or encoded to a file of its own first.
         */
        non-sealed interface Live extends Soundtrack {
            /** FFmpeg's input options for what {@link #feed} writes. */
            List<String> input();

            /** FFmpeg's encoder options for the sound. */
            List<String> encoder();

            double durationSec();

            /** Writes one pass of the sound (see {@link #input}). */
            void feed(java.io.OutputStream out) throws IOException, MediaException;

            /** One pass of the sound encoded into a file (AAC). */
            Path encode(Progress progress, Cancellation cancel) throws MediaException;

            /** The policy that judges each written pass and corrects the next. */
            SoundCheck check();
        }

        static Soundtrack encoded(Path aac) {
            return new Encoded(aac);
        }
    }

    /**
     * The sound just encoded into the file (its stream 1, after the picture) decoded again by FFmpeg
     * (7.0 and later: a loopback decoder) and written out as the same raw PCM the mix was fed in,
     * so it is checked while the file is written. Gives the same samples as decoding the file.
     */
    private static final List<String> LOOPBACK_CHECK = List.of("-dec", "0:1", "-filter_complex", "[dec:0]anull[check]",
            "-map", "[check]", "-c:a", "pcm_f32le", "-ac", "2", "-ar", Integer.toString(AudioMixer.RATE), "-f", "f32le",
            "pipe:1");

    public Result export(ClipInfo clip, Path audio, Path target, Options o, Progress progress, Cancellation cancel)
            throws MediaException, ExportException {
        return export(List.of(clip), Soundtrack.encoded(audio), target, o, progress, cancel);
    }

    /**
     * Exports clips played one after another (a single clip may be copied; several are always joined
     * anew) with {@code sound}.
     */
    public Result export(List<ClipInfo> clips, Soundtrack sound, Path target, Options o, Progress progress,
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
        Path partial = dev.backbeat.engine.media.TempFiles.partialBeside(out);
        dev.backbeat.engine.media.TempFiles.writing(partial);
        List<Path> cards = new ArrayList<>();
        try {
            if (clips.size() == 1 && !o.titles().isEmpty()) {
                FramePlan copy = FramePlan.of(clip, aspect, false);
                if (!copy.copy()) {
                    // drawn anew with or without the titles: say the clip's own reason
                    frame = fullReencode(frame, copy.reason().replaceFirst("^re-encoded: ", ""));
                } else {
                    SmartAttempt smart = smartTitles(clip, copy, duration, sound, partial, out, o, progress, cancel);
                    if (smart.result() != null) {
                        return smart.result();
                    }
                    frame = fullReencode(frame, smart.why());
                    if (smart.progressShown()) {
                        progress.redo("the title is drawn over the whole picture instead");
                    }
                }
                LOG.log(System.Logger.Level.INFO, frame.reason());
            }
            drawCards(o, frame, cards);
            writePicture(clips, duration, sound, partial, frame, o, cards, dir, progress, cancel);
            moveIntoPlace(partial, out);
            return new Result(out, frame);
        } catch (IOException e) {
            throw new ExportException("The video could not be written to " + dir + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
            dev.backbeat.engine.media.TempFiles.finished(partial);
            cards.forEach(VideoExporter::deleteQuietly);
        }
    }

    /** A smart-rendered export: its result, or why not (and whether its progress was shown before it gave up). */
    private record SmartAttempt(Result result, String why, boolean progressShown) {
    }

    /**
     * Titles by smart rendering: only the pictures under a title encoded again, the rest copied, the
     * written file checked before it is moved into place (see {@link SmartTitles}).
     */
    private SmartAttempt smartTitles(ClipInfo clip, FramePlan copy, double duration, Soundtrack sound, Path partial, Path out,
                                     Options o, Progress progress, Cancellation cancel)
            throws MediaException, ExportException, IOException {
        List<Path> cards = new ArrayList<>();
        Path work = dev.backbeat.engine.media.TempFiles.dir("titles");
        boolean[] shown = new boolean[1];
        Progress watched = new Progress() {
            @Override
            public void update(double fraction, double speed) {
                shown[0] = true;
                progress.update(fraction, speed);
            }

            @Override
            public void redo(String why) {
                progress.redo(why);
            }
        };
        try {
            drawCards(o, copy, cards);
            SmartTitles smart = new SmartTitles(runner);
            SmartTitles.Rendered rendered;
            try {
                rendered = smart.render(clip, o.titles(), cards, o.preset(), o.crf(), work, part(watched, 0, 0.7), cancel);
            } catch (SmartTitles.NotMatched e) {
                return new SmartAttempt(null, e.getMessage(), shown[0]);
            } catch (IOException e) {
                // the joined picture needs room among the temporary files; the full re-encode does not
                return new SmartAttempt(null, "the joined picture could not be written (" + e.getMessage() + ")", shown[0]);
            }
            FramePlan joined = new FramePlan(copy.width(), copy.height(), true, rendered.summary());
            String problem;
            long written = System.nanoTime();
            double checkSec = 0;
            try {
                writePicture(List.of(withPath(clip, rendered.video())), duration, sound, partial, joined, o, List.of(),
                        out.getParent(), part(watched, 0.7, 1), cancel);
                long checked = System.nanoTime();
                problem = new JoinCheck(runner).problem(partial, rendered, cancel);
                checkSec = (System.nanoTime() - checked) / 1e9;
            } catch (ExportException e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                Files.deleteIfExists(partial);
                return new SmartAttempt(null, "the joined picture did not pass its check: " + problem, true);
            }
            LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "%s (encoded in %.1f s, joined in %.1f s, written"
                            + " with the sound in %.1f s, checked in %.1f s)", rendered.summary(), rendered.encodeSec(),
                    rendered.renderSec() - rendered.encodeSec(), (System.nanoTime() - written) / 1e9 - checkSec, checkSec));
            moveIntoPlace(partial, out);
            return new SmartAttempt(new Result(out, joined), null, true);
        } finally {
            cards.forEach(VideoExporter::deleteQuietly);
            deleteTree(work);
        }
    }

    /** The picture drawn anew with the titles on it, saying why the smart path was not taken. */
    private static FramePlan fullReencode(FramePlan frame, String why) {
        return new FramePlan(frame.width(), frame.height(), false, "full re-encode: " + why);
    }

    private static void drawCards(Options o, FramePlan frame, List<Path> cards) throws IOException {
        for (int i = 0; i < o.titles().size(); i++) {
            Path png = dev.backbeat.engine.media.TempFiles.file("title", ".png");
            cards.add(png);
            TitleCard.write(o.titles().get(i).text(), frame.width(), frame.height(), png);
        }
    }

    /** The picture and the sound written into {@code partial}, the sound made (and checked) as its kind wants. */
    private void writePicture(List<ClipInfo> clips, double duration, Soundtrack sound, Path partial, FramePlan frame,
                              Options o, List<Path> cards, Path dir, Progress progress, Cancellation cancel)
            throws MediaException, ExportException, IOException {
        if (sound instanceof Soundtrack.Live live && frame.copy()) {
            // The picture is only copied: the sound is encoded in the same pass, and FFmpeg decodes
            // what it encoded again (a loopback decoder) and hands it over to be checked as it goes.
            boolean loopback = true;
            Progress shown = progress;
            while (true) {
                List<String> args = arguments(clips, duration, null, live, partial, frame, o, cards);
                if (loopback) {
                    args.addAll(LOOPBACK_CHECK);
                }
                LoudnessCheck.Reading[] heard = new LoudnessCheck.Reading[1];
                FfmpegRunner.Result r = runner.run(Ffmpeg.Tool.FFMPEG, args, live::feed,
                        loopback ? in -> heard[0] = LoudnessCheck.measure(in) : null, duration, shown, cancel,
                        STALL_SECONDS, List.of(partial));
                if (r.exitCode() != 0) {
                    Files.deleteIfExists(partial);
                    if (loopback && r.stderrText().contains("'dec'")) {
                        // an FFmpeg older than 7.0 (one the user chose): check the written file instead;
                        // nothing was judged, so this does not count as a pass
                        loopback = false;
                        continue;
                    }
                    throw failure(r.stderrText(), dir);
                }
                SoundCheck.Verdict verdict = live.check().judge(loopback ? heard[0]
                        : LoudnessCheck.measure(runner, partial, duration, cancel));
                if (verdict.accepted()) {
                    break;
                }
                shown = again(progress, verdict);
            }
        } else if (sound instanceof Soundtrack.Live live) {
            // The picture is re-encoded: the sound is made and checked first, so a correction never
            // costs a second video encode.
            Path audio;
            Progress shown = Progress.none();
            SoundCheck.Verdict verdict;
            do {
                audio = live.encode(shown, cancel);
                verdict = live.check().judge(LoudnessCheck.measure(runner, audio, duration, cancel));
                shown = again(progress, verdict);
            } while (!verdict.accepted());
            progress.redo("");
            write(arguments(clips, duration, audio, Soundtrack.encoded(audio), partial, frame, o, cards), duration,
                    partial, dir, progress, cancel);
        } else {
            Path audio = ((Soundtrack.Encoded) sound).aac();
            write(arguments(clips, duration, audio, sound, partial, frame, o, cards), duration, partial, dir, progress, cancel);
        }
    }

    /** The clip as read from another file holding its picture (the joined one). */
    private static ClipInfo withPath(ClipInfo c, Path path) {
        return new ClipInfo(path, c.container(), c.durationSec(), c.videoCodec(), c.width(), c.height(), c.rotation(),
                c.fps(), c.nominalFps(), c.variableFrameRate(), c.frameCount(), c.hasAudio(), c.audioCodec(),
                c.audioSampleRate(), c.audioChannels(), c.pixelFormat(), c.videoStreamSec(), c.audioStreamSec());
    }

    /** Progress of one step shown as the part [from, to] of the whole. */
    private static Progress part(Progress whole, double from, double to) {
        return new Progress() {
            @Override
            public void update(double fraction, double speed) {
                whole.update(from + (to - from) * fraction, speed);
            }

            @Override
            public void redo(String why) {
                whole.redo(why);
            }
        };
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

    /** Says why the sound is made again, and shows the next pass's progress under that (a pass accepted shows none). */
    private static Progress again(Progress progress, SoundCheck.Verdict verdict) {
        if (verdict.accepted()) {
            return Progress.none();
        }
        progress.redo(verdict.why());
        return progress;
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

    /** FFmpeg's arguments: the sound comes from {@code audioFile} when given, else from the process's input (fed). */
    private static List<String> arguments(List<ClipInfo> clips, double duration, Path audioFile, Soundtrack sound, Path partial,
                                          FramePlan frame, Options o, List<Path> cards) {
        List<String> a = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "error",
                "-progress", "pipe:2"));
        for (ClipInfo c : clips) {
            a.addAll(List.of("-i", MediaProbe.ffmpegInput(c.path())));
        }
        int audio = clips.size();
        if (audioFile != null) {
            a.addAll(List.of("-i", audioFile.toString()));
        } else {
            a.addAll(((Soundtrack.Live) sound).input());
            a.addAll(List.of("-i", "pipe:0"));
        }
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
                graph.append(";[v").append(i).append("][").append(audio + 1 + i).append(":v]overlay=0:0:shortest=1:enable='gte(t,")
                        .append(num(t.startSec())).append(")*lt(t,").append(num(t.startSec() + t.durationSec())).append(")'[v")
                        .append(i + 1).append(']');
            }
            a.addAll(List.of("-filter_complex", graph.toString(), "-map", "[v" + cards.size() + "]", "-map", audio + ":a:0",
                    "-c:v", "libx264", "-preset", o.preset(), "-crf", Integer.toString(o.crf()),
                    "-profile:v", "high", "-pix_fmt", "yuv420p"));
        }
        a.addAll(sound instanceof Soundtrack.Live live ? live.encoder() : List.of("-c:a", "copy"));
        a.addAll(List.of("-fps_mode", clips.size() == 1 ? "passthrough" : "cfr",
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

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(VideoExporter::deleteQuietly);
        } catch (IOException ignored) {
            // a leftover working folder is swept at the next start
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

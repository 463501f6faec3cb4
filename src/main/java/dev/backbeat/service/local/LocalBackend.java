package dev.backbeat.service.local;

import dev.backbeat.draft.Draft;
import dev.backbeat.engine.analysis.ProfileJoiner;
import dev.backbeat.engine.analysis.VideoAnalyzer;
import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.compose.MusicPlan;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.mix.AudioMixer;
import dev.backbeat.engine.mix.ExportException;
import dev.backbeat.engine.mix.FramePlan;
import dev.backbeat.engine.mix.VideoExporter;
import dev.backbeat.engine.score.ScorePipeline;
import dev.backbeat.service.Backend;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.Credits;
import dev.backbeat.service.ExportProgress;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.MediaRules;
import dev.backbeat.service.ProgressListener;
import dev.backbeat.service.SessionState;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The offline back end: the clip is read, scored and exported on this computer by the local
 * engine, and the timeline is kept here in the same draft form as the cloud's. Chat messages are
 * parsed into changes of the brief, and the music is composed again after each.
 */
public final class LocalBackend implements Backend {

    /** Finds FFmpeg (the first call may unpack the bundled one). */
    @FunctionalInterface
    public interface RunnerSource {
        FfmpegRunner runner() throws MediaException;
    }

    private final RunnerSource ffmpeg;
    private final RequestParser parser = new RequestParser();
    private final SessionBrief brief = new SessionBrief();
    private final List<ClipInfo> clips = new ArrayList<>();
    private final List<VideoProfile> profiles = new ArrayList<>();
    private final List<java.util.concurrent.CompletableFuture<String>> thumbnails = new ArrayList<>();
    /** Each clip's sound as the reading pass decoded it (48 kHz stereo float), for the mix. */
    private final java.util.Map<ClipInfo, Path> sounds = new java.util.HashMap<>();
    /** The profile of all clips joined, as the music is composed for it. */
    private VideoProfile profile;
    private ScorePipeline.Music music;
    private Draft draft = Draft.empty();
    private ScorePipeline pipeline;

    /** True for the launch rehearsal's own back end, which must not stop the rehearsal. */
    private final boolean rehearsal;

    public LocalBackend(RunnerSource ffmpeg) {
        this(ffmpeg, false);
    }

    LocalBackend(RunnerSource ffmpeg, boolean rehearsal) {
        this.ffmpeg = ffmpeg;
        this.rehearsal = rehearsal;
    }

    /** The user's work comes first: a launch rehearsal still running gives way. */
    private void userWorkStarts() {
        if (!rehearsal) {
            Rehearsal.giveWay();
        }
    }

    @Override
    public String name() {
        return "Local";
    }

    @Override
    public String connect(ProgressListener progress) throws BackendException {
        progress.progress("Preparing the local engine…", -1);
        runner();
        return "Local engine ready: everything stays on this computer, no account needed. Drop a video to start.";
    }

    private ScorePipeline pipeline() throws BackendException {
        if (pipeline == null) {
            pipeline = new ScorePipeline(runner());
        }
        return pipeline;
    }

    /** Seconds spent in each engine stage so far (for the CLI and the benchmark). */
    public synchronized java.util.Map<String, Double> timings() {
        return pipeline == null ? java.util.Map.of() : pipeline.orderedTimings();
    }

    private FfmpegRunner runner() throws BackendException {
        try {
            return ffmpeg.runner();
        } catch (MediaException e) {
            throw map(e);
        }
    }

    @Override
    public synchronized List<MediaInfo> upload(List<Path> files, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        userWorkStarts();
        if (files.isEmpty()) {
            return List.of();
        }
        List<MediaInfo> added = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            added.add(add(files.get(i), progress, cancel, i, files.size()));
        }
        return added;
    }

    /** Reads one clip, puts it at the end of the timeline and composes again for the whole. */
    private MediaInfo add(Path file, ProgressListener progress, CancelToken cancel, int index, int count)
            throws BackendException {
        Optional<String> problem = MediaRules.problemWith(file, MediaRules.VIDEO_EXTENSIONS);
        if (problem.isPresent()) {
            throw new BackendException(BackendException.Kind.BAD_INPUT, problem.get());
        }
        Cancellation c = cancellation(cancel);
        ScorePipeline pipeline = pipeline();
        double base = index / (double) count;
        double span = 1.0 / count;
        try {
            progress.progress("Reading the clip…", base);
            ClipInfo info = pipeline.probe(file);
            // the reading pass also keeps the clip's sound for the mix and a preview frame
            Path sound = info.hasAudio() && roomForSound(info) ? tempFile("backbeat-clip-sound", ".f32") : null;
            Path frame = tempFile("backbeat-thumb", ".jpg");
            VideoProfile read;
            try {
                read = pipeline.analyze(info, new VideoAnalyzer.Extras(sound, frame),
                        (f, speed) -> progress.progress("Reading the clip…", base + span * 0.8 * f), c);
            } catch (MediaException | RuntimeException e) {
                deleteQuietly(sound);
                deleteQuietly(frame);
                throw e;
            }
            java.util.concurrent.CompletableFuture<String> thumb = frame != null && Files.isRegularFile(frame)
                    && frame.toFile().length() > 0
                    ? java.util.concurrent.CompletableFuture.completedFuture(frame.toString())
                    // made while the music is composed when the reading pass could not
                    : java.util.concurrent.CompletableFuture.supplyAsync(() -> thumbnail(info));
            if (sound != null && Files.isRegularFile(sound)) {
                sounds.put(info, sound);
            }
            List<VideoProfile> all = new ArrayList<>(profiles);
            all.add(read);
            VideoProfile joined = ProfileJoiner.join(all);
            progress.progress("Composing music…", base + span * 0.85);
            ScorePipeline.Music piece = compose(pipeline, joined, brief.brief(joined.durationSec(),
                    music == null ? 0 : music.composition().plan().bpm()), c);
            clips.add(info);
            profiles.add(read);
            thumbnails.add(thumb);
            profile = joined;
            music = piece;
            rebuildDraft();
            progress.progress("Ready", base + span);
            return mediaInfo(info);
        } catch (MediaException e) {
            throw map(e);
        }
    }

    private static ScorePipeline.Music compose(ScorePipeline pipeline, VideoProfile profile, dev.backbeat.engine.compose.Brief b,
                                               Cancellation cancel) throws BackendException {
        try {
            return pipeline.compose(profile, b, cancel);
        } catch (MediaException e) {
            throw map(e);
        } catch (RuntimeException e) {
            throw new BackendException(BackendException.Kind.INTERNAL, "The music could not be composed: " + e.getMessage(), e);
        }
    }

    private MediaInfo mediaInfo(ClipInfo info) {
        int i = clips.indexOf(info);
        String thumb = i >= 0 && i < thumbnails.size() ? thumbnails.get(i).join() : "";
        String mood = i >= 0 && i < profiles.size() && profiles.get(i).mood() != null ? profiles.get(i).mood().explanation() : "";
        return new MediaInfo(info.path().getFileName().toString(), info.path().toString(), "video",
                Math.round(info.durationSec() * 1000), info.displayWidth(), info.displayHeight(), info.fps(), info.hasAudio(),
                thumb, mood);
    }

    /**
     * Whether the temporary folder has room to keep the clip's decoded sound (8 bytes a frame at
     * 48 kHz) twice over; if not, the mix decodes it itself later, and a full disk cannot cost the
     * analysis its sound.
     */
    private static boolean roomForSound(ClipInfo info) {
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            long need = (long) (info.durationSec() * 48_000 * 8) * 2 + (64L << 20);
            return Files.getFileStore(tmp).getUsableSpace() > need;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A temporary file removed when the program ends; null when none can be made (the work goes on without it). */
    private static Path tempFile(String prefix, String suffix) {
        try {
            Path p = Files.createTempFile(prefix, suffix);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // removed at exit anyway
            }
        }
    }

    /** A frame of the clip for the preview; none (and no fuss) when it cannot be made. */
    private String thumbnail(ClipInfo info) {
        try {
            Path out = Files.createTempFile("backbeat-thumb", ".jpg");
            out.toFile().deleteOnExit();
            return pipeline().thumbnail(info, out) ? out.toString() : "";
        } catch (IOException | MediaException | BackendException e) {
            return "";
        }
    }

    @Override
    public List<MediaInfo> uploadUrls(List<URI> urls, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        throw new BackendException(BackendException.Kind.UNSUPPORTED,
                "The local engine works offline and cannot fetch links. Download the video first, then drop the file here.");
    }

    @Override
    public synchronized void chat(String message, Consumer<ChatEvent> events, CancelToken cancel) {
        userWorkStarts();
        RequestParser.Parsed parsed = parser.parse(message);
        if (!parsed.understood()) {
            events.accept(new ChatEvent.Text("I did not find a change to make in that. " + RequestParser.WHAT_I_CAN_DO));
            events.accept(new ChatEvent.Done());
            return;
        }
        MusicPlan before = music == null ? null : music.composition().plan();
        List<String> asked = brief.apply(parsed.edits(), before == null ? 0 : before.bpm());
        if (profile == null) {
            events.accept(new ChatEvent.Text("Noted: " + String.join(", ", asked)
                    + ". Drop a clip and I will score it that way."));
            events.accept(new ChatEvent.Done());
            return;
        }
        double percent = brief.musicPercent(!profile.speech().isEmpty());
        if (parsed.edits().stream().noneMatch(LocalBackend::changesTheMusic)) {
            // titles, frame, volume and ducking change the timeline and the mix, not the piece
            rebuildDraft();
            events.accept(new ChatEvent.Text(ChangeReport.unchangedMusic(asked, before, percent)));
            events.accept(new ChatEvent.TimelineChanged(draft, ""));
            events.accept(new ChatEvent.Done());
            return;
        }
        try {
            events.accept(new ChatEvent.Progress("Composing music…", -1));
            ScorePipeline pipeline = pipeline();
            if (cancel.isCancelled()) {
                throw BackendException.cancelled();
            }
            music = compose(pipeline, profile, brief.brief(profile.durationSec(), before == null ? 0 : before.bpm()),
                    cancellation(cancel));
            rebuildDraft();
            String text = ChangeReport.describe(asked, before, music.composition().plan(), percent);
            events.accept(new ChatEvent.Text(text));
            events.accept(new ChatEvent.TimelineChanged(draft, ""));
            events.accept(new ChatEvent.Done());
        } catch (BackendException e) {
            events.accept(new ChatEvent.Failed(e));
        }
    }

    /** Edits that call for a new piece (the rest only change the timeline or the mix). */
    static boolean changesTheMusic(MusicEdit e) {
        return e instanceof MusicEdit.Mood || e instanceof MusicEdit.Style || e instanceof MusicEdit.Tempo
                || e instanceof MusicEdit.Instruments || e instanceof MusicEdit.Intensity
                || e instanceof MusicEdit.Variation || e instanceof MusicEdit.Key || e instanceof MusicEdit.Revert;
    }

    private void rebuildDraft() {
        List<TimelineBuilder.ClipEntry> entries = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            ClipInfo c = clips.get(i);
            entries.add(new TimelineBuilder.ClipEntry(c.path().getFileName().toString(), Math.round(c.durationSec() * 1000),
                    c.displayWidth(), c.displayHeight(),
                    profiles.get(i).hardCuts().stream().map(VideoProfile.Cut::timeSec).toList()));
        }
        draft = TimelineBuilder.build(entries, music == null ? null : music.composition().plan(),
                brief.musicPercent(profile != null && !profile.speech().isEmpty()), brief.titles());
    }

    @Override
    public synchronized SessionState state() {
        return new SessionState(draft, clips.stream().map(this::mediaInfo).toList());
    }

    @Override
    public Credits credits() {
        return Credits.unmetered("Local engine: no credits needed.");
    }

    /** The plan of the current piece, for the CLI to print. */
    public synchronized Optional<MusicPlan> plan() {
        return music == null ? Optional.empty() : Optional.of(music.composition().plan());
    }

    /** Everything the chat or the options have set, resolved for the loaded clips (what {@code score --json} prints). */
    public synchronized AppliedBrief applied() {
        return brief.applied(profile == null ? 0 : profile.durationSec(), music == null ? 0 : music.composition().plan().bpm());
    }

    /** The music's level in the export, in percent (under a voice, or carrying the mix). */
    public synchronized double musicPercent() {
        return brief.musicPercent(profile != null && !profile.speech().isEmpty());
    }

    /** The hard cuts of the loaded clips, joined, in seconds. */
    public synchronized List<Double> cutTimes() {
        return profile == null ? List.of() : profile.hardCuts().stream().map(VideoProfile.Cut::timeSec).toList();
    }

    /** Applies edits given directly (the CLI's options) and composes again when a clip is loaded. */
    public synchronized List<String> apply(List<MusicEdit> edits) throws BackendException {
        MusicPlan before = music == null ? null : music.composition().plan();
        List<String> said = brief.apply(edits, before == null ? 0 : before.bpm());
        if (profile != null) {
            music = compose(pipeline(), profile, brief.brief(profile.durationSec(), before == null ? 0 : before.bpm()),
                    Cancellation.none());
            rebuildDraft();
        }
        return said;
    }

    public synchronized void setSeed(long seed) {
        brief.setSeed(seed);
    }

    @Override
    public synchronized ExportResult export(ExportRequest request, Consumer<ExportProgress> progress, CancelToken cancel)
            throws BackendException {
        if (clips.isEmpty() || music == null) {
            throw new BackendException(BackendException.Kind.UNSUPPORTED, "Add a clip first: there is nothing to export yet.");
        }
        return exportTo(request, null, progress, cancel);
    }

    /** Exports, and writes the music bed and the original sound as mixed into {@code stemsDir} when given. */
    public synchronized ExportResult exportTo(ExportRequest request, Path stemsDir, Consumer<ExportProgress> progress,
                                              CancelToken cancel) throws BackendException {
        userWorkStarts();
        Cancellation c = cancellation(cancel);
        ScorePipeline pipeline = pipeline();
        Path work = null;
        long started = System.nanoTime();
        String details;
        Path file;
        try {
            work = ScorePipeline.workDir();
            if (stemsDir != null) {
                Files.createDirectories(stemsDir);
            }
            progress.accept(new ExportProgress("Mixing the sound", 0, -1));
            try (AudioMixer.Mixed mixed = pipeline.mix(clips, clip -> sounds.get(clip), profile, music,
                    brief.mix(!profile.speech().isEmpty(), request.loudnessLufs()), work, stemsDir,
                    (f, s) -> progress.accept(new ExportProgress("Mixing the sound", 0.1 * f, -1)), c)) {
                String aspect = request.aspect() == null || request.aspect().isBlank() || request.aspect().equals("auto")
                        ? brief.aspect() : request.aspect();
                VideoExporter.Options options = new VideoExporter.Options(aspect, brief.fit(), brief.titles(), "veryfast", 20);
                VideoExporter.Result done = pipeline.export(clips, mixed, request.target(), options, (f, speed) -> {
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    double total = 0.1 + 0.9 * f;
                    long eta = f > 0.02 ? Math.round(elapsed / total * (1 - total)) : -1;
                    progress.accept(new ExportProgress("Writing the video", total, eta));
                }, c);
                AudioMixer.Result sound = mixed.result();
                details = String.format(Locale.ROOT, "%s · %d×%d · %.1f LUFS, true peak %.1f dBTP", done.frame().reason(),
                        done.frame().width(), done.frame().height(), sound.lufs(), sound.truePeakDb());
                file = done.file();
            }
            progress.accept(new ExportProgress("Done", 1, 0));
            return new ExportResult(file, details);
        } catch (MediaException e) {
            throw map(e);
        } catch (ExportException e) {
            throw new BackendException(BackendException.Kind.OUTPUT, e.getMessage(), e);
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.OUTPUT, "Backbeat could not write its working files: " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    private static Cancellation cancellation(CancelToken token) {
        Cancellation c = new Cancellation();
        token.onCancel(c::cancel);
        return c;
    }

    static BackendException map(MediaException e) {
        BackendException.Kind kind = switch (e.kind()) {
            case CANCELLED -> BackendException.Kind.CANCELLED;
            case NOT_FOUND, EMPTY, NOT_MEDIA, CORRUPT, NO_VIDEO, UNSUPPORTED -> BackendException.Kind.BAD_INPUT;
            default -> BackendException.Kind.INTERNAL;
        };
        return new BackendException(kind, e.getMessage(), e);
    }

    /** Removes a working folder and all in it, quietly (a leftover temporary folder is not worth failing for). */
    static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is not worth failing for
        }
    }
}

package dev.backbeat.service.local;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.compose.MusicPlan;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.service.Backend;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.Credits;
import dev.backbeat.service.ExportProgress;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.ProgressListener;
import dev.backbeat.service.SessionState;
import dev.backbeat.service.preview.TimelineEdit;
import dev.backbeat.service.preview.Variation;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static dev.backbeat.service.local.LocalSession.cancellation;

/**
 * The offline back end: the clip is read, scored and exported on this computer by the local
 * engine, and the timeline is kept here in the same draft form as the cloud's. Chat messages are
 * parsed into changes of the brief, and the music is composed again after each.
 *
 * <p>A facade: the session's state and job queue are a {@link LocalSession}; what turns files into
 * clips is {@link ClipIntake}, what the user asks of the music {@link MusicDirection}, projects
 * {@link SessionProject}, the player's result {@link SessionPreview}, exports {@link ExportJob} and {@link BatchRun}.
 */
public final class LocalBackend implements Backend {

    /** Finds FFmpeg (the first call may unpack the bundled one). */
    @FunctionalInterface
    public interface RunnerSource {
        FfmpegRunner runner() throws MediaException;
    }

    final LocalSession session;
    private final ClipIntake intake;
    private final MusicDirection direction;
    private final SessionProject project;
    private final SessionPreview player;
    private final dev.backbeat.service.preview.PreviewPictures pictures;

    public LocalBackend(RunnerSource ffmpeg) {
        this(ffmpeg, false);
    }

    LocalBackend(RunnerSource ffmpeg, boolean rehearsal) {
        this.session = new LocalSession(ffmpeg, rehearsal);
        this.intake = new ClipIntake(session);
        this.direction = new MusicDirection(session);
        this.project = new SessionProject(session, intake);
        this.player = new SessionPreview(session);
        this.pictures = new FfmpegPictures(ffmpeg, player::photoLooks);
    }

    @Override
    public String name() {
        return "Local";
    }

    @Override
    public String connect(ProgressListener progress) throws BackendException {
        progress.progress("Preparing the local engine…", -1);
        session.runner();
        return "Local engine ready: everything stays on this computer, no account needed. Drop a video to start.";
    }

    /** Seconds spent in each engine stage so far (for the CLI and the benchmark). */
    public java.util.Map<String, Double> timings() {
        synchronized (session) {
            return session.timings();
        }
    }

    @Override
    public List<MediaInfo> upload(List<Path> files, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        return intake.upload(files, false, progress, cancel);
    }

    @Override
    public List<MediaInfo> uploadAsTheyAre(List<Path> files, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        return intake.upload(files, true, progress, cancel);
    }

    /** Takes {@code file} as the session's song whatever it looks like (the CLI's {@code --music}): a video without sound is refused in words. */
    public MediaInfo setSong(Path file, ProgressListener progress, CancelToken cancel) throws BackendException {
        return intake.setSong(file, progress, cancel);
    }

    /** The song fitted to the footage, when the user's song is the music. */
    public Optional<dev.backbeat.engine.song.FittedSong> fittedSong() {
        synchronized (session) {
            return session.music == null ? Optional.empty() : Optional.ofNullable(session.music.song());
        }
    }

    /** The sentence the chat says about the song in use, or empty when the music is composed. */
    public Optional<String> songSentence() {
        synchronized (session) {
            return session.song.present()
                    ? Optional.of(session.song.sentence(session.music == null ? null : session.music.song()))
                    : Optional.empty();
        }
    }

    @Override
    public List<MediaInfo> uploadUrls(List<URI> urls, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        return intake.uploadUrls(urls, progress, cancel);
    }

    /** Downloads links into {@code folder} instead of the user's downloads folder (tests). */
    void downloadInto(LinkFetcher fetcher) {
        intake.downloadInto(fetcher);
    }

    @Override
    public void chat(String message, Consumer<ChatEvent> events, CancelToken cancel) {
        direction.chat(message, events, cancel);
    }

    @Override
    public Optional<dev.backbeat.service.preview.ScoredPreview> preview() throws BackendException {
        return player.preview();
    }

    @Override
    public Optional<dev.backbeat.service.preview.PreviewPictures> pictures() {
        return Optional.of(pictures);
    }

    @Override
    public SessionState state() {
        synchronized (session) {
            return session.state();
        }
    }

    @Override
    public Credits credits() {
        return Credits.unmetered("Local engine: no credits needed.");
    }

    @Override
    public boolean savesProjects() {
        return true;
    }

    @Override
    public void saveProject(Path file, dev.backbeat.service.ProjectContent content) throws BackendException {
        project.save(file, content);
    }

    @Override
    public dev.backbeat.service.ProjectContent.Opened openProject(Path file, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        return project.open(file, progress, cancel);
    }

    @Override
    public SessionState locateClip(int index, Path file, ProgressListener progress, CancelToken cancel) throws BackendException {
        return intake.locateClip(index, file, progress, cancel);
    }

    /** A SHA-256 of the current music's samples (empty before there is music): same hash, same music. */
    public String musicHash() {
        synchronized (session) {
            return direction.musicHash();
        }
    }

    /** Forgets the pieces kept for undo (a test checks that composing again gives the same bytes). */
    void forgetRenderedMusic() {
        session.musicCache.clear();
    }

    /** The plan of the current piece, for the CLI to print. */
    public Optional<MusicPlan> plan() {
        synchronized (session) {
            return session.music == null ? Optional.empty() : Optional.of(session.music.composition().plan());
        }
    }

    /** Everything the chat or the options have set, resolved for the loaded clips (what {@code score --json} prints). */
    public AppliedBrief applied() {
        synchronized (session) {
            return session.brief.applied(session.profile == null ? 0 : session.profile.durationSec(), session.bpm());
        }
    }

    /** The music's level in the export, in percent (under a voice, or carrying the mix). */
    public double musicPercent() {
        synchronized (session) {
            return session.brief.musicPercent(session.profile != null && !session.profile.speech().isEmpty());
        }
    }

    /** The hard cuts of the loaded clips, joined, in seconds. */
    public List<Double> cutTimes() {
        synchronized (session) {
            return session.profile == null ? List.of()
                    : session.profile.hardCuts().stream().map(VideoProfile.Cut::timeSec).toList();
        }
    }

    /** Applies edits given directly (the CLI's options) and composes again when a clip is loaded. */
    public List<String> apply(List<MusicEdit> edits) throws BackendException {
        synchronized (session) {
            return direction.apply(edits);
        }
    }

    @Override
    public SessionState edit(TimelineEdit edit) throws BackendException {
        synchronized (session) {
            return direction.edit(edit);
        }
    }

    @Override
    public List<Variation> variations(int count, ProgressListener progress, CancelToken cancel) throws BackendException {
        return direction.variations(count, progress, cancel);
    }

    @Override
    public SessionState pickVariation(String id) throws BackendException {
        synchronized (session) {
            return direction.pickVariation(id);
        }
    }

    public void setSeed(long seed) {
        synchronized (session) {
            session.brief.setSeed(seed);
        }
    }

    @Override
    public ExportResult export(ExportRequest request, Consumer<ExportProgress> progress, CancelToken cancel)
            throws BackendException {
        return exportTo(request, null, progress, cancel);
    }

    /** One MP4 per video clip into the folder {@code request.target()}: see {@link BatchRun}. */
    @Override
    public List<dev.backbeat.service.BatchExport.Item> exportEach(ExportRequest request,
                                                                   dev.backbeat.service.BatchExport.Listener progress,
                                                                   CancelToken cancel) throws BackendException {
        return BatchRun.run(session, request, progress, cancel);
    }

    /**
     * Exports, and writes the music bed and the original sound as mixed into {@code stemsDir} when
     * given. Queued behind the session's earlier work; while it runs, the session is not held (the
     * preview plays on; a chat waits its turn in the queue).
     */
    public ExportResult exportTo(ExportRequest request, Path stemsDir, Consumer<ExportProgress> progress,
                                 CancelToken cancel) throws BackendException {
        LocalSession s = session;
        return s.jobs.run("Export", cancel, job -> {
            ExportJob.Inputs in;
            synchronized (s) {
                if (s.clips.isEmpty() || s.music == null) {
                    throw new BackendException(BackendException.Kind.UNSUPPORTED, "Add a clip first: there is nothing to export yet.");
                }
                s.userWorkStarts();
                in = new ExportJob.Inputs(List.copyOf(s.clips), java.util.Map.copyOf(s.sounds), s.profile, s.music,
                        s.brief.copy(), s.photos, s.runner());
            }
            dev.backbeat.engine.score.ScorePipeline pipe;
            synchronized (s) {
                pipe = s.pipeline();
            }
            job.doing("exporting");
            return ExportJob.run(pipe, in, request, stemsDir, progress, cancellation(cancel));
        });
    }

    /** The session's line of work (waiting and running jobs), for the UI to show and withdraw from. */
    @Override
    public Optional<dev.backbeat.service.JobQueue> jobs() {
        return Optional.of(session.jobs);
    }

    @Override
    public SessionState undo(CancelToken cancel) throws BackendException {
        return session.jobs.run("Undo", cancel, job -> {
            synchronized (session) {
                LocalSession.Snapshot now = session.capture();
                Optional<SessionHistory.Step<LocalSession.Snapshot>> back = session.history.undo(now);
                if (back.isPresent()) {
                    try {
                        session.restore(back.get().state(), cancellation(cancel));
                    } catch (BackendException e) {
                        session.history.redo(back.get().state()); // put the line back as it was
                        throw e;
                    }
                }
                return session.state();
            }
        });
    }

    @Override
    public SessionState redo(CancelToken cancel) throws BackendException {
        return session.jobs.run("Redo", cancel, job -> {
            synchronized (session) {
                LocalSession.Snapshot now = session.capture();
                Optional<SessionHistory.Step<LocalSession.Snapshot>> forward = session.history.redo(now);
                if (forward.isPresent()) {
                    try {
                        session.restore(forward.get().state(), cancellation(cancel));
                    } catch (BackendException e) {
                        session.history.undo(forward.get().state());
                        throw e;
                    }
                }
                return session.state();
            }
        });
    }

    @Override
    public dev.backbeat.service.UndoState undoState() {
        return new dev.backbeat.service.UndoState(session.history.nextUndo(), session.history.nextRedo());
    }

    @Override
    public SessionState removeClip(int index, CancelToken cancel) throws BackendException {
        return intake.removeClip(index, cancel);
    }

    @Override
    public SessionState moveClip(int from, int to, CancelToken cancel) throws BackendException {
        return intake.moveClip(from, to, cancel);
    }

    /**
     * The session is over (the app switches back end or quits, a batch item is done): the clips'
     * decoded sound and preview frames go now, not when the program ends.
     */
    @Override
    public void close() {
        session.jobs.cancelAll();
        synchronized (session) {
            session.closeNow();
        }
    }
}

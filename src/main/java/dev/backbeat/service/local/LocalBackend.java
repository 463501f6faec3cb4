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
import dev.backbeat.service.preview.TimelineEdit;
import dev.backbeat.service.preview.Variation;

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
    private SessionBrief brief = new SessionBrief();
    /** The photos among the clips (issue 15): their holds are set by the music, their video drawn at export. */
    private final PhotoTrack photos = new PhotoTrack(() -> brief.photos());
    /** The engine's brief the current music was composed from (what undo and a project put back). */
    private dev.backbeat.engine.compose.Brief composedFrom;
    /** The session's long work, one job at a time, in the order asked. */
    private final dev.backbeat.service.JobQueue jobs = new dev.backbeat.service.JobQueue();
    private final SessionHistory<Snapshot> history = new SessionHistory<>(100);
    private final MusicCache musicCache = new MusicCache(6, 512L << 20);
    /** The user's own song, when one was given: it replaces the composed music (issue 15). */
    private final SessionSong song = new SessionSong();

    /** The session as it stands after a change: what undo returns to (the music is found again by its brief). */
    private record Snapshot(List<ClipInfo> clips, List<VideoProfile> profiles,
                            List<java.util.concurrent.CompletableFuture<String>> thumbnails, VideoProfile profile,
                            SessionBrief brief, dev.backbeat.engine.compose.Brief composedFrom,
                            dev.backbeat.engine.song.Song song) {
    }
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
    private final VariationMaker variationMaker = new VariationMaker();
    /** The variations last offered, by id, until one is picked or the piece changes. */
    private final java.util.Map<String, VariationMaker.Offer> offered = new java.util.LinkedHashMap<>();
    private long variationRevision;

    /** Counts the changes to the result (upload, chat, edit): the preview's revision. */
    private long revision;
    private dev.backbeat.service.preview.ScoredPreview preview;
    /** The clips' own sound for the preview, opened once for the clips as they are. */
    private dev.backbeat.engine.mix.ClipSounds clipSounds;
    private List<ClipInfo> clipSoundsFor = List.of();
    private final dev.backbeat.service.preview.PreviewPictures pictures;

    /** True for the launch rehearsal's own back end, which must not stop the rehearsal. */
    private final boolean rehearsal;

    public LocalBackend(RunnerSource ffmpeg) {
        this(ffmpeg, false);
    }

    private LinkFetcher links;

    LocalBackend(RunnerSource ffmpeg, boolean rehearsal) {
        this.ffmpeg = ffmpeg;
        this.rehearsal = rehearsal;
        this.pictures = new FfmpegPictures(ffmpeg, this::photoLooks);
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
    public List<MediaInfo> upload(List<Path> files, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        return upload(files, false, progress, cancel);
    }

    @Override
    public List<MediaInfo> uploadAsTheyAre(List<Path> files, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        return upload(files, true, progress, cancel);
    }

    private List<MediaInfo> upload(List<Path> files, boolean asTheyAre, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        if (files.isEmpty()) {
            return List.of();
        }
        String names = String.join(", ", files.stream().map(f -> String.valueOf(f.getFileName())).toList());
        return jobs.run("Add " + names, cancel, job -> {
            synchronized (this) {
                userWorkStarts();
                job.doing("reading");
                List<MediaInfo> added = new ArrayList<>();
                for (int i = 0; i < files.size(); i++) {
                    Snapshot before = capture();
                    if (Files.isRegularFile(files.get(i)) && MediaRules.isAudio(files.get(i))) {
                        added.add(useSong(files.get(i), progress, cancel));
                        history.changed("Use " + files.get(i).getFileName(), before);
                        continue;
                    }
                    // photos dropped together are read together and composed for once
                    int j = i;
                    while (j < files.size() && Files.isRegularFile(files.get(j)) && MediaRules.isImage(files.get(j))) {
                        j++;
                    }
                    if (j > i) {
                        added.addAll(addPhotos(files.subList(i, j), progress, cancel, i, files.size()));
                        history.changed(j - i == 1 ? "Add " + files.get(i).getFileName() : "Add " + (j - i) + " photos", before);
                        i = j - 1;
                        continue;
                    }
                    added.add(add(files.get(i), asTheyAre, progress, cancel, i, files.size(), true));
                    history.changed("Add " + files.get(i).getFileName(), before);
                }
                return added;
            }
        });
    }

    /** Reads one clip, puts it at the end of the timeline and composes again for the whole. */
    private MediaInfo add(Path file, boolean asTheyAre, ProgressListener progress, CancelToken cancel, int index, int count,
                          boolean composeNow)
            throws BackendException {
        Optional<String> problem = MediaRules.problemWith(file, MediaRules.LOCAL_EXTENSIONS);
        if (problem.isPresent()) {
            throw new BackendException(BackendException.Kind.BAD_INPUT, problem.get());
        }
        if (MediaRules.isImage(file)) {
            return addPhotos(List.of(file), progress, cancel, index, count).get(0); // photos: see PhotoTrack
        }
        Cancellation c = cancellation(cancel);
        ScorePipeline pipeline = pipeline();
        double base = index / (double) count;
        double span = 1.0 / count;
        try {
            progress.progress("Reading the clip…", base);
            ClipInfo probed = pipeline.probe(file);
            // the reading pass also keeps the clip's sound for the mix and a preview frame
            Path sound = probed.hasAudio() && roomForSound(probed) ? tempFile("clip-sound", ".f32") : null;
            Path frame = tempFile("thumb", ".jpg");
            VideoProfile read;
            try {
                read = pipeline.analyze(probed, new VideoAnalyzer.Extras(sound, frame), asTheyAre,
                        (f, speed) -> progress.progress("Reading the clip…", base + span * 0.8 * f), c);
            } catch (MediaException | RuntimeException e) {
                deleteQuietly(sound);
                deleteQuietly(frame);
                throw e;
            }
            // a damaged file the user chose to use as it is: only what its picture holds goes on the timeline
            ClipInfo info = read.durationSec() < probed.durationSec() - 1e-6 ? probed.upTo(read.durationSec()) : probed;
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
            if (composeNow) {
                progress.progress("Composing music…", base + span * 0.85);
                List<ClipInfo> withIt = new ArrayList<>(clips);
                withIt.add(info);
                dev.backbeat.engine.compose.Brief wanted = brief.brief(joined.durationSec(),
                        music == null ? 0 : music.composition().plan().bpm());
                music = musicFor(withIt, joined, wanted, c, () -> { });
                composedFrom = wanted;
            }
            clips.add(info);
            profiles.add(read);
            thumbnails.add(thumb);
            profile = joined;
            retimePhotos();
            offered.clear();
            rebuildDraft();
            progress.progress("Ready", base + span);
            return mediaInfo(info);
        } catch (MediaException e) {
            throw map(e);
        }
    }

    /**
     * The user's song becomes the music: read and analysed once, then fitted to the footage (now,
     * if there is any, and again whenever the footage changes). Its answer is in the returned
     * info's {@code mood} line: "Using your song 'x.mp3' (98 BPM), fitted to 0:42."
     */
    private MediaInfo useSong(Path file, ProgressListener progress, CancelToken cancel) throws BackendException {
        Optional<String> problem = MediaRules.problemWith(file, MediaRules.LOCAL_EXTENSIONS);
        if (problem.isPresent()) {
            throw new BackendException(BackendException.Kind.BAD_INPUT, problem.get());
        }
        try {
            song.read(file, pipeline(), progress, cancellation(cancel));
        } catch (MediaException e) {
            throw map(e);
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.OUTPUT, "Backbeat could not write into the temporary folder: "
                    + e.getMessage(), e);
        }
        if (profile != null) {
            progress.progress("Fitting your song…", 0.9);
            photosAtNominal(music == null ? 0 : music.composition().plan().bpm());
            dev.backbeat.engine.compose.Brief wanted = brief.brief(profile.durationSec(), 0);
            music = musicFor(clips, profile, wanted, cancellation(cancel), () -> { });
            composedFrom = wanted;
            retimePhotos();
            offered.clear();
            rebuildDraft();
        }
        progress.progress("Ready", 1);
        dev.backbeat.engine.song.Song s = song.song();
        return new MediaInfo(s.name(), file.toString(), "audio", Math.round(s.decoded().durationSec() * 1000), 0, 0, 0,
                true, "", song.sentence(music == null ? null : music.song()));
    }

    /** Takes {@code file} as the session's song whatever it looks like (the CLI's {@code --music}): a video without sound is refused in words. */
    public MediaInfo setSong(Path file, ProgressListener progress, CancelToken cancel) throws BackendException {
        return jobs.run("Use " + file.getFileName(), cancel, job -> {
            synchronized (this) {
                userWorkStarts();
                job.doing("reading");
                Snapshot before = capture();
                MediaInfo info = useSong(file, progress, cancel);
                history.changed("Use " + file.getFileName(), before);
                return info;
            }
        });
    }

    /** The song fitted to the footage, when the user's song is the music. */
    public synchronized Optional<dev.backbeat.engine.song.FittedSong> fittedSong() {
        return music == null ? Optional.empty() : Optional.ofNullable(music.song());
    }

    /** The sentence the chat says about the song in use, or empty when the music is composed. */
    public synchronized Optional<String> songSentence() {
        return song.present() ? Optional.of(song.sentence(music == null ? null : music.song())) : Optional.empty();
    }

    /** Photos join the track held for their nominal time; the music is composed again and the holds put on its beats. */
    private List<MediaInfo> addPhotos(List<Path> files, ProgressListener progress, CancelToken cancel, int index, int count)
            throws BackendException {
        double base = index / (double) count;
        double span = files.size() / (double) count;
        try {
            double lastBpm = music == null ? 0 : music.composition().plan().bpm();
            List<ClipInfo> nextClips = new ArrayList<>(clips);
            List<VideoProfile> all = new ArrayList<>(profiles);
            List<Path> newThumbs = new ArrayList<>();
            for (int k = 0; k < files.size(); k++) {
                Path file = files.get(k);
                Optional<String> problem = MediaRules.problemWith(file, MediaRules.VIDEO_AND_IMAGE_EXTENSIONS);
                if (problem.isPresent()) {
                    throw new BackendException(BackendException.Kind.BAD_INPUT, problem.get());
                }
                cancel.throwIfCancelled();
                progress.progress("Reading the photos…", base + span * 0.3 * k / files.size());
                Path thumb = tempFile("thumb", ".png");
                if (thumb == null) {
                    throw new BackendException(BackendException.Kind.OUTPUT, "Backbeat could not write into the temporary folder.");
                }
                try {
                    nextClips.add(photos.add(file, runner(), brief.brief(1, lastBpm).mood(), thumb, cancellation(cancel)));
                } catch (MediaException e) {
                    deleteQuietly(thumb);
                    newThumbs.forEach(LocalBackend::deleteQuietly);
                    throw e;
                }
                newThumbs.add(thumb);
                ClipInfo info = nextClips.get(nextClips.size() - 1);
                all.add(photos.profile(info));
            }
            nextClips = photos.atLeast(nextClips, 2.0);
            for (int k = 0; k < nextClips.size(); k++) {
                if (PhotoTrack.isPhoto(nextClips.get(k))) {
                    all.set(k, photos.profile(nextClips.get(k)));
                }
            }
            VideoProfile joined = ProfileJoiner.join(all);
            progress.progress("Composing music…", base + span * 0.4);
            dev.backbeat.engine.compose.Brief wanted = brief.brief(joined.durationSec(), lastBpm);
            ScorePipeline.Music piece = musicFor(nextClips, joined, wanted, cancellation(cancel), () -> { });
            composedFrom = wanted;
            int first = clips.size();
            clips.clear();
            clips.addAll(nextClips);
            profiles.clear();
            profiles.addAll(all);
            newThumbs.forEach(t -> thumbnails.add(java.util.concurrent.CompletableFuture.completedFuture(t.toString())));
            profile = joined;
            music = piece;
            retimePhotos();
            offered.clear();
            rebuildDraft();
            progress.progress("Ready", base + span);
            return clips.subList(first, clips.size()).stream().map(this::mediaInfo).toList();
        } catch (MediaException e) {
            throw map(e);
        }
    }

    /** Every photo back at its nominal hold and the profile joined again, before the music is composed for a new pace. */
    private void photosAtNominal(double lastBpm) {
        if (!photos.any(clips)) {
            return;
        }
        photosReadAs(photos.nominal(clips, brief.brief(1, lastBpm).mood(), lastBpm));
    }

    /** The clips with their photos at new holds, each photo read again at its hold and the profile joined again. */
    private void photosReadAs(List<ClipInfo> held) {
        clips.clear();
        clips.addAll(held);
        for (int i = 0; i < clips.size(); i++) {
            if (PhotoTrack.isPhoto(clips.get(i))) {
                profiles.set(i, photos.profile(clips.get(i)));
            }
        }
        profile = ProfileJoiner.join(profiles);
    }

    /** The photos' changes put on the current piece's beats. */
    private void retimePhotos() {
        if (music != null && photos.any(clips)) {
            List<ClipInfo> t = photos.retime(clips, music.composition().plan());
            clips.clear();
            clips.addAll(t);
        }
    }

    /** The piece for these clips and this brief: from the cache of recent pieces, or composed (and kept). */
    private ScorePipeline.Music musicFor(List<ClipInfo> forClips, VideoProfile joined, dev.backbeat.engine.compose.Brief b,
                                         Cancellation cancel, Runnable rendering) throws BackendException {
        if (song.present()) {
            // fitting is quick and the cache's key does not know the song: fitted afresh each time
            try {
                return pipeline().song(joined, b, song.song());
            } catch (MediaException e) {
                throw map(e);
            }
        }
        MusicCache.Key key = new MusicCache.Key(forClips, b);
        ScorePipeline.Music known = musicCache.get(key);
        if (known != null) {
            return known;
        }
        ScorePipeline.Music made = compose(pipeline(), joined, b, cancel, rendering);
        musicCache.put(key, made);
        return made;
    }

    private static ScorePipeline.Music compose(ScorePipeline pipeline, VideoProfile profile, dev.backbeat.engine.compose.Brief b,
                                               Cancellation cancel, Runnable rendering) throws BackendException {
        try {
            return pipeline.compose(profile, b, cancel, rendering);
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
        return new MediaInfo(info.path().getFileName().toString(), info.path().toString(),
                PhotoTrack.isPhoto(info) ? "image" : "video",
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
            Path p = dev.backbeat.engine.media.TempFiles.file(prefix, suffix);
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
            Path out = dev.backbeat.engine.media.TempFiles.file("thumb", ".jpg");
            out.toFile().deleteOnExit();
            return pipeline().thumbnail(info, out) ? out.toString() : "";
        } catch (IOException | MediaException | BackendException e) {
            return "";
        }
    }

    @Override
    public List<MediaInfo> uploadUrls(List<URI> urls, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        // the only network the local engine uses, and only for a link the user gave: each is
        // downloaded into the downloads folder, then read as a dropped file would be
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            int k = i;
            files.add(links().fetch(urls.get(i), (what, f) -> progress.progress(what,
                    f < 0 ? -1 : 0.5 * (k + f) / urls.size()), cancel));
        }
        return upload(files, (what, f) -> progress.progress(what, f < 0 ? -1 : 0.5 + 0.5 * f), cancel);
    }

    /** Where links the user gave are downloaded: kept, since a project refers to its clips by path. */
    private LinkFetcher links() {
        if (links == null) {
            links = new LinkFetcher(dev.backbeat.service.UserFolders.fromEnvironment().state().resolve("downloads"));
        }
        return links;
    }

    /** Downloads links into {@code folder} instead of the user's downloads folder (tests). */
    void downloadInto(LinkFetcher fetcher) {
        this.links = fetcher;
    }

    @Override
    public void chat(String message, Consumer<ChatEvent> events, CancelToken cancel) {
        // the answer comes in the language the message was written in
        Replies replies = Replies.forMessage(message);
        List<dev.backbeat.service.JobQueue.JobView> ahead = jobs.jobs();
        if (!ahead.isEmpty()) {
            // said before waiting, so the chat shows the message as queued (and it can be withdrawn)
            events.accept(new ChatEvent.Progress(replies.text("queued",
                    ahead.get(ahead.size() - 1).label().toLowerCase(Locale.ROOT)), 0));
        }
        try {
            jobs.run("Chat: " + message, cancel, job -> {
                synchronized (this) {
                    userWorkStarts();
                    job.doing("composing");
                    Snapshot before = capture();
                    // the new timeline and the end of the turn are told once the change is in the
                    // history, so whoever reacts to them (the Edit menu's "Undo …") sees this change
                    List<ChatEvent> last = new ArrayList<>();
                    Consumer<ChatEvent> held = e -> {
                        if (e instanceof ChatEvent.TimelineChanged || e instanceof ChatEvent.Done) {
                            last.add(e);
                        } else {
                            events.accept(e);
                        }
                    };
                    boolean changed = chatNow(message, replies, held, cancel);
                    if (changed) {
                        history.changed("Chat: " + message, before);
                    }
                    last.forEach(events);
                    if (!changed) {
                        // a failed or cancelled change leaves the brief (and the photos' holds) as they were
                        brief = before.brief().copy();
                        clips.clear();
                        clips.addAll(before.clips());
                        profiles.clear();
                        profiles.addAll(before.profiles());
                        profile = before.profile();
                    }
                }
                return null;
            });
        } catch (BackendException e) {
            events.accept(new ChatEvent.Failed(e));
        }
    }

    /** Does what the message asks; true when it changed the session. */
    private boolean chatNow(String message, Replies replies, Consumer<ChatEvent> events, CancelToken cancel) {
        events.accept(new ChatEvent.Progress(replies.text("progress.reading"), 0.05));
        if (song.present() && SONG_OFF.matcher(message).find()) {
            return songOff(replies, events, cancel);
        }
        RequestParser.Parsed parsed = parser.parse(message);
        if (!parsed.understood()) {
            answer(events, replies.text("notFound", replies.text("whatICanDo")));
            events.accept(new ChatEvent.Done());
            return false;
        }
        MusicPlan before = music == null ? null : music.composition().plan();
        List<MusicEdit> edits = PhotoTrack.withPhotoPace(parsed.edits(), photos.any(clips));
        List<String> asked = brief.apply(edits, before == null ? 0 : before.bpm());
        if (replies.chinese()) {
            asked = EditPhrases.of(edits, replies);
        }
        if (profile == null) {
            answer(events, replies.text("noted", replies.list(asked)));
            events.accept(new ChatEvent.Done());
            return true;
        }
        double percent = brief.musicPercent(!profile.speech().isEmpty());
        if (edits.stream().noneMatch(LocalBackend::changesTheMusic)) {
            // titles, frame, volume and ducking change the timeline and the mix, not the piece
            events.accept(new ChatEvent.Progress(replies.text("progress.mixing"), 0.8));
            rebuildDraft();
            answer(events, ChangeReport.unchangedMusic(asked, before, percent, replies));
            events.accept(new ChatEvent.TimelineChanged(draft, ""));
            events.accept(new ChatEvent.Done());
            return true;
        }
        try {
            events.accept(new ChatEvent.Progress(replies.text("progress.composing"), 0.15));
            if (cancel.isCancelled()) {
                throw BackendException.cancelled();
            }
            if (edits.stream().anyMatch(e -> e instanceof MusicEdit.Photos)) {
                photosAtNominal(before == null ? 0 : before.bpm());
            }
            dev.backbeat.engine.compose.Brief wanted = brief.brief(profile.durationSec(), before == null ? 0 : before.bpm());
            music = musicFor(clips, profile, wanted, cancellation(cancel),
                    () -> events.accept(new ChatEvent.Progress(replies.text("progress.rendering"), 0.35)));
            composedFrom = wanted;
            retimePhotos();
            offered.clear();
            events.accept(new ChatEvent.Progress(replies.text("progress.mixing"), 0.9));
            rebuildDraft();
            answer(events, ChangeReport.describe(asked, before, music.composition().plan(), percent, replies));
            events.accept(new ChatEvent.TimelineChanged(draft, ""));
            events.accept(new ChatEvent.Done());
            return true;
        } catch (BackendException e) {
            events.accept(new ChatEvent.Failed(e));
            return false;
        }
    }

    /** "No song", "remove my song", "compose the music instead", "use generated music": back to composed music. */
    private static final java.util.regex.Pattern SONG_OFF = java.util.regex.Pattern.compile(
            "(?i)\\b(?:no|remove|drop|without|stop using|get rid of)\\b.{0,12}\\bsong\\b"
                    + "|\\b(?:composed|generated)\\s+music\\b|\\bcompose\\b.{0,20}\\binstead\\b"
                    + "|(?:不要|不用|去掉|删除|删掉|换掉).{0,4}(?:这首)?歌");

    /** The user's song leaves: a piece is composed for the footage again (undo brings the song back). */
    private boolean songOff(Replies replies, Consumer<ChatEvent> events, CancelToken cancel) {
        String name = song.name();
        dev.backbeat.engine.song.Song was = song.song();
        song.use(null);
        if (profile != null) {
            try {
                photosAtNominal(music == null ? 0 : music.composition().plan().bpm());
                dev.backbeat.engine.compose.Brief wanted = brief.brief(profile.durationSec(), 0);
                music = musicFor(clips, profile, wanted, cancellation(cancel), () -> { });
                composedFrom = wanted;
                retimePhotos();
                offered.clear();
                rebuildDraft();
                events.accept(new ChatEvent.TimelineChanged(draft, ""));
            } catch (BackendException e) {
                song.use(was);
                events.accept(new ChatEvent.Failed(e));
                return false;
            }
        }
        answer(events, music == null ? replies.text("song.offNoClip", name) : replies.text("song.off", name,
                TimelineBuilder.styleName(music.composition().plan()), Math.round(music.composition().plan().bpm())));
        events.accept(new ChatEvent.Done());
        return true;
    }

    /** The answer in pieces of a few words, as the cloud's stream delivers it, so both read alike in the chat. */
    static void answer(Consumer<ChatEvent> events, String text) {
        java.util.regex.Matcher words = java.util.regex.Pattern.compile("(?:\\S+\\s*){1,4}|\\s+").matcher(text);
        while (words.find()) {
            events.accept(new ChatEvent.Text(words.group()));
        }
    }

    /** Edits that call for a new piece (the rest only change the timeline or the mix). */
    static boolean changesTheMusic(MusicEdit e) {
        return e instanceof MusicEdit.Mood || e instanceof MusicEdit.Style || e instanceof MusicEdit.Tempo
                || e instanceof MusicEdit.Instruments || e instanceof MusicEdit.Intensity
                || e instanceof MusicEdit.Variation || e instanceof MusicEdit.Key || e instanceof MusicEdit.Revert
                || e instanceof MusicEdit.Photos;
    }

    private void rebuildDraft() {
        revision++;
        List<TimelineBuilder.ClipEntry> entries = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            ClipInfo c = clips.get(i);
            entries.add(new TimelineBuilder.ClipEntry(c.path().getFileName().toString(), Math.round(c.durationSec() * 1000),
                    c.displayWidth(), c.displayHeight(),
                    profiles.get(i).hardCuts().stream().map(VideoProfile.Cut::timeSec).toList()));
        }
        draft = TimelineBuilder.build(entries, music == null ? null : music.composition().plan(),
                brief.musicPercent(profile != null && !profile.speech().isEmpty()), brief.titles(),
                music != null && music.song() != null ? song.name() : null);
    }

    /**
     * The current result for the player: made on demand once per change (the music is already
     * rendered; the mix is made as it is read, after one pass for the export's loudness gain).
     */
    @Override
    public synchronized Optional<dev.backbeat.service.preview.ScoredPreview> preview() throws BackendException {
        if (clips.isEmpty() || music == null) {
            return Optional.empty();
        }
        if (preview != null && preview.revision() == revision) {
            return Optional.of(preview);
        }
        try {
            preview = PreviewBuilder.build(revision, preview, clips, thumbnails, this::clipSounds, profile, music,
                    brief.mix(!profile.speech().isEmpty(), PreviewBuilder.LOUDNESS_LUFS),
                    brief.musicPercent(!profile.speech().isEmpty()), brief.titles());
            return Optional.of(preview);
        } catch (MediaException e) {
            throw map(e);
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.INTERNAL, "The clip's sound could not be read for the preview: "
                    + e.getMessage(), e);
        }
    }

    /** The clips' decoded sound, opened again only when the clips changed. */
    private dev.backbeat.engine.mix.ClipSounds clipSounds() throws IOException {
        if (clipSounds == null || !clips.equals(clipSoundsFor)) {
            clipSounds = PreviewBuilder.sounds(clips, sounds::get);
            clipSoundsFor = List.copyOf(clips);
        }
        return clipSounds;
    }

    /** How the export would draw the photos now, for the player (the export's frame, fit and zoom). */
    private synchronized FfmpegPictures.Drawn photoLooks() {
        if (clips.isEmpty() || !photos.any(clips)) {
            return FfmpegPictures.Drawn.NONE;
        }
        int[] frame = dev.backbeat.engine.mix.FramePlan.size(dev.backbeat.engine.mix.FramePlan.resolveAspect(brief.aspect(), clips.get(0)));
        dev.backbeat.engine.photo.StillFit fit = brief.fit() == dev.backbeat.engine.mix.FramePlan.Fit.CROP
                ? dev.backbeat.engine.photo.StillFit.CROP : dev.backbeat.engine.photo.StillFit.BLUR;
        return new FfmpegPictures.Drawn(photos.looks(clips, brief.photos().zoom(), fit), frame[0], frame[1]);
    }

    @Override
    public Optional<dev.backbeat.service.preview.PreviewPictures> pictures() {
        return Optional.of(pictures);
    }

    @Override
    public synchronized SessionState state() {
        return new SessionState(draft, clips.stream().map(this::mediaInfo).toList());
    }

    @Override
    public Credits credits() {
        return Credits.unmetered("Local engine: no credits needed.");
    }

    /** Fingerprints of clips already saved once (a clip does not change while it is loaded). */
    private final java.util.Map<ClipInfo, ProjectFile.Clip> fingerprints = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public boolean savesProjects() {
        return true;
    }

    @Override
    public void saveProject(Path file, dev.backbeat.service.ProjectContent content) throws BackendException {
        List<ClipInfo> now;
        List<VideoProfile> read;
        SessionBrief asked;
        dev.backbeat.engine.compose.Brief from;
        Draft timeline;
        Path songFile;
        synchronized (this) {
            songFile = music != null && music.song() != null ? song.source() : null;
            now = List.copyOf(clips);
            read = List.copyOf(profiles);
            asked = brief.copy();
            from = composedFrom;
            timeline = draft;
        }
        List<ProjectFile.Clip> refs = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            ClipInfo c = now.get(i);
            ProjectFile.Clip ref = fingerprints.computeIfAbsent(c, this::fingerprint);
            // a photo's reading is its hold when the music was composed: kept so the same music comes back
            refs.add(ref != null && PhotoTrack.isPhoto(c) && i < read.size() ? ref.held(read.get(i).durationSec()) : ref);
        }
        if (refs.contains(null)) {
            throw new BackendException(BackendException.Kind.OUTPUT, "A clip could not be read to save the project.");
        }
        ProjectFile.Clip songRef = null;
        if (songFile != null) {
            try {
                songRef = new ProjectFile.Clip(songFile.toString(), Files.size(songFile), ClipFingerprint.of(songFile));
            } catch (IOException e) {
                throw new BackendException(BackendException.Kind.OUTPUT, "Your song could not be read to save the project: "
                        + e.getMessage(), e);
            }
        }
        ProjectFile.write(file, refs, asked, from, content.chat(), timeline, songRef);
    }

    private ProjectFile.Clip fingerprint(ClipInfo c) {
        try {
            Path p = c.path().toAbsolutePath();
            return new ProjectFile.Clip(p.toString(), Files.size(p), ClipFingerprint.of(p));
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public dev.backbeat.service.ProjectContent.Opened openProject(Path file, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        ProjectFile.Content content = ProjectFile.read(file);
        return jobs.run("Open " + file.getFileName(), cancel, job -> {
            synchronized (this) {
                if (!clips.isEmpty()) {
                    throw new BackendException(BackendException.Kind.INTERNAL, "A project opens into a new session.");
                }
                userWorkStarts();
                job.doing("reading");
                List<dev.backbeat.service.ProjectContent.MissingClip> missing = new ArrayList<>();
                List<ProjectFile.Clip> found = new ArrayList<>();
                for (int i = 0; i < content.clips().size(); i++) {
                    ProjectFile.Clip c = content.clips().get(i);
                    Optional<String> why = changed(c);
                    if (why.isPresent()) {
                        missing.add(new dev.backbeat.service.ProjectContent.MissingClip(i,
                                String.valueOf(Path.of(c.path()).getFileName()), c.path(), why.get()));
                    } else {
                        found.add(c);
                    }
                }
                // the brief first: photos are held for the pace it asks, as they were when saved
                brief = content.brief().copy();
                for (int i = 0; i < found.size(); i++) {
                    // the same bytes as when saved: a file the user chose to use as it was is used so again
                    add(Path.of(found.get(i).path()), true, progress, cancel, i, found.size(), false);
                    fingerprints.put(clips.get(clips.size() - 1), found.get(i));
                }
                if (photos.any(clips) && found.size() == clips.size()) {
                    // the photos read at the holds the music was composed for, as when the project was saved
                    photosReadAs(photos.held(clips, found.stream().map(ProjectFile.Clip::heldSec).toList()));
                }
                List<String> notes = new ArrayList<>();
                if (content.song() != null && changed(content.song()).isPresent()) {
                    // never silently: the song that was the music is gone or changed
                    notes.add("Your song \u201c" + Path.of(content.song().path()).getFileName() + "\u201d: "
                            + changed(content.song()).get() + ". The music is composed for the footage until you drop the"
                            + " song again.");
                }
                if (content.song() != null && changed(content.song()).isEmpty()) {
                    // the song that was the music, still the same file: it is the music again
                    try {
                        song.read(Path.of(content.song().path()), pipeline(), progress, cancellation(cancel));
                    } catch (MediaException e) {
                        throw map(e);
                    } catch (IOException e) {
                        throw new BackendException(BackendException.Kind.OUTPUT, "Backbeat could not write into the temporary"
                                + " folder: " + e.getMessage(), e);
                    }
                }
                if (profile != null) {
                    job.doing("composing");
                    progress.progress("Composing music…", 0.9);
                    // all clips found: the very brief the music came from, so the same music comes back
                    composedFrom = missing.isEmpty() && content.composedFrom() != null ? content.composedFrom()
                            : brief.brief(profile.durationSec(), 0);
                    music = musicFor(clips, profile, composedFrom, cancellation(cancel), () -> { });
                    retimePhotos();
                }
                offered.clear();
                history.clear();
                rebuildDraft();
                return new dev.backbeat.service.ProjectContent.Opened(state(),
                        content.chat() == null ? List.of() : content.chat(), missing, notes);
            }
        });
    }

    /** Why a project's clip cannot be used as it is, or empty when it is still the same file. */
    private static Optional<String> changed(ProjectFile.Clip c) {
        Path p = Path.of(c.path());
        try {
            if (!Files.isRegularFile(p)) {
                return Optional.of("it is no longer at " + c.path() + " (moved or deleted since the project was saved)");
            }
            if (Files.size(p) != c.size() || !ClipFingerprint.of(p).equals(c.fingerprint())) {
                return Optional.of("it has changed since the project was saved");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("it cannot be read (" + e.getMessage() + ")");
        }
    }

    @Override
    public SessionState locateClip(int index, Path file, ProgressListener progress, CancelToken cancel) throws BackendException {
        return jobs.run("Locate " + file.getFileName(), cancel, job -> {
            synchronized (this) {
                Snapshot before = capture();
                add(file, false, progress, cancel, 0, 1, false);
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < clips.size() - 1; i++) {
                    order.add(i);
                }
                order.add(Math.max(0, Math.min(index, order.size())), clips.size() - 1);
                try {
                    rearrange(order, cancellation(cancel));
                } catch (BackendException e) {
                    restore(before, Cancellation.none());
                    throw e;
                }
                history.changed("Locate " + file.getFileName(), before);
                return state();
            }
        });
    }

    /** A SHA-256 of the current music's samples (empty before there is music): same hash, same music. */
    public synchronized String musicHash() {
        if (music == null) {
            return "";
        }
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4096 * Float.BYTES);
            for (float[] channel : music.audio().mix()) {
                for (int i = 0; i < channel.length; i += 4096) {
                    buf.clear();
                    buf.asFloatBuffer().put(channel, i, Math.min(4096, channel.length - i));
                    d.update(buf.array(), 0, Math.min(4096, channel.length - i) * Float.BYTES);
                }
            }
            return java.util.HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets the pieces kept for undo (a test checks that composing again gives the same bytes). */
    void forgetRenderedMusic() {
        musicCache.clear();
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
        Snapshot snapshot = capture();
        MusicPlan before = music == null ? null : music.composition().plan();
        List<String> said = brief.apply(edits, before == null ? 0 : before.bpm());
        if (profile != null) {
            photosAtNominal(before == null ? 0 : before.bpm());
            dev.backbeat.engine.compose.Brief wanted = brief.brief(profile.durationSec(), before == null ? 0 : before.bpm());
            try {
                music = musicFor(clips, profile, wanted, Cancellation.none(), () -> { });
            } catch (BackendException e) {
                brief = snapshot.brief().copy();
                clips.clear();
                clips.addAll(snapshot.clips());
                profiles.clear();
                profiles.addAll(snapshot.profiles());
                profile = snapshot.profile();
                throw e;
            }
            composedFrom = wanted;
            retimePhotos();
            offered.clear();
            rebuildDraft();
        }
        history.changed("Options", snapshot);
        return said;
    }

    @Override
    public synchronized SessionState edit(TimelineEdit edit) throws BackendException {
        userWorkStarts();
        if (profile == null) {
            throw new BackendException(BackendException.Kind.BAD_INPUT, "Add a clip first: there is no timeline to edit yet.");
        }
        Snapshot before = capture();
        SessionBrief edited = brief.copy();
        new TimelineEditor(edited, profile.durationSec()).apply(edit);
        brief = edited;
        history.changed("Timeline edit", before);
        rebuildDraft();
        return state();
    }

    /**
     * Renders the variations without holding the session: the chat, an edit or the preview may go
     * on meanwhile, and offers made for music that has since changed are dropped.
     */
    @Override
    public List<Variation> variations(int count, ProgressListener progress, CancelToken cancel) throws BackendException {
        if (count < 1 || count > 6) {
            throw new BackendException(BackendException.Kind.BAD_INPUT, "Ask for one to six variations at a time.");
        }
        ScorePipeline.Music base;
        VideoProfile footage;
        ScorePipeline pipe;
        List<dev.backbeat.engine.compose.Brief> briefs;
        synchronized (this) {
            userWorkStarts();
            if (profile == null || music == null) {
                throw new BackendException(BackendException.Kind.BAD_INPUT, "Add a clip first: variations are of its music.");
            }
            if (song.present()) {
                throw new BackendException(BackendException.Kind.BAD_INPUT, "Your song '" + song.name()
                        + "' is the music: variations are of composed music only.");
            }
            base = music;
            footage = profile;
            pipe = pipeline();
            MusicPlan now = music.composition().plan();
            briefs = variationMaker.nextBriefs(profile, brief.brief(profile.durationSec(), now.bpm()), now.style(), count);
        }
        progress.progress("Composing " + count + " variations…", 0);
        List<VariationMaker.Offer> offers = variationMaker.render(pipe, footage, briefs, progress, cancellation(cancel));
        cancel.throwIfCancelled();
        synchronized (this) {
            if (music != base || profile != footage) {
                throw new BackendException(BackendException.Kind.CANCELLED, "The music changed while the variations were made.");
            }
            offered.clear();
            List<Variation> out = new ArrayList<>();
            for (VariationMaker.Offer o : offers) {
                offered.put(o.id(), o);
                MusicPlan p = o.music().composition().plan();
                String summary = String.format(Locale.ROOT, "%s · %d BPM · %s", TimelineBuilder.styleName(p),
                        Math.round(p.bpm()), p.key());
                // made the same way as the current result's preview, so an audition sounds as the pick will
                try {
                    out.add(new Variation(o.id(), summary, PreviewBuilder.build(++variationRevision, null, clips, thumbnails,
                            this::clipSounds, profile, o.music(), brief.mix(!profile.speech().isEmpty(), PreviewBuilder.LOUDNESS_LUFS),
                            brief.musicPercent(!profile.speech().isEmpty()), brief.titles())));
                } catch (MediaException e) {
                    throw map(e);
                } catch (IOException e) {
                    throw new BackendException(BackendException.Kind.INTERNAL,
                            "The clip's sound could not be read for the variations: " + e.getMessage(), e);
                }
            }
            return out;
        }
    }

    @Override
    public synchronized SessionState pickVariation(String id) throws BackendException {
        VariationMaker.Offer o = offered.get(id);
        if (o == null) {
            throw new BackendException(BackendException.Kind.BAD_INPUT,
                    "That variation is no longer on offer (the music changed since): ask for new variations.");
        }
        Snapshot before = capture();
        brief = brief.copy();
        // later chat changes start from the picked piece: its style and seed become the session's
        brief.setStyle(o.music().composition().plan().style());
        brief.setSeed(o.brief().seed());
        music = o.music();
        composedFrom = o.brief();
        musicCache.put(new MusicCache.Key(clips, o.brief()), o.music());
        retimePhotos();
        offered.clear();
        history.changed("Use variation", before);
        rebuildDraft();
        return state();
    }

    public synchronized void setSeed(long seed) {
        brief.setSeed(seed);
    }

    @Override
    public ExportResult export(ExportRequest request, Consumer<ExportProgress> progress, CancelToken cancel)
            throws BackendException {
        return exportTo(request, null, progress, cancel);
    }

    /**
     * One MP4 per video clip into the folder {@code request.target()}: each clip read and scored on
     * its own (a session of its own, with this session's brief, so its music fits it alone), named
     * after it ("trip.mp4" → "trip-scored.mp4", never over a file already there). One clip's failure
     * is told and the others go on; a cancel stops the batch (what was written stays). Photos stay
     * together as the slideshow the timeline export makes, so they are not in the batch.
     */
    @Override
    public List<dev.backbeat.service.BatchExport.Item> exportEach(ExportRequest request,
                                                                   dev.backbeat.service.BatchExport.Listener progress,
                                                                   CancelToken cancel) throws BackendException {
        List<ClipInfo> each;
        SessionBrief asked;
        Path songFile;
        synchronized (this) {
            each = clips.stream().filter(c -> !PhotoTrack.isPhoto(c)).toList();
            asked = brief.withoutTitles();
            songFile = song.present() ? song.source() : null;
        }
        if (each.isEmpty()) {
            throw new BackendException(BackendException.Kind.UNSUPPORTED, "Add a video clip first: there is nothing to export one by one.");
        }
        Path folder = request.target();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.OUTPUT, "The folder " + folder + " cannot be made: " + e.getMessage(), e);
        }
        // queued like any export, so the job line shows it and it can be cancelled there
        return jobs.run("Export each clip", cancel, job -> {
            job.doing("exporting");
            List<dev.backbeat.service.BatchExport.Item> done = new ArrayList<>();
            for (int i = 0; i < each.size(); i++) {
                Path source = each.get(i).path();
                String name = String.valueOf(source.getFileName());
                int k = i;
                int n = each.size();
                if (cancel.isCancelled()) {
                    done.add(new dev.backbeat.service.BatchExport.Item(name, null, "Cancelled: not written."));
                    continue;
                }
                try (LocalBackend one = new LocalBackend(ffmpeg)) {
                    one.brief = asked.copy();
                    if (songFile != null) {
                        // the user's song is the music: fitted to this clip alone
                        one.setSong(songFile, (what, f) -> progress.update(k, n, name, new ExportProgress(what, -1, -1)), cancel);
                    }
                    one.upload(List.of(source), (what, f) -> progress.update(k, n, name,
                            new ExportProgress(what, f < 0 ? -1 : 0.3 * f, -1)), cancel);
                    Path target = LinkFetcher.unique(folder.resolve(stemOf(name) + "-scored.mp4"));
                    ExportResult r = one.export(new ExportRequest(target, request.aspect(), request.loudnessLufs()),
                            p -> progress.update(k, n, name, new ExportProgress(p.stage(), 0.3 + 0.7 * Math.max(0, p.fraction()),
                                    p.etaSeconds())), cancel);
                    done.add(new dev.backbeat.service.BatchExport.Item(name, r.file(), null));
                    progress.update(k, n, name, new ExportProgress("Done", 1, 0));
                } catch (BackendException e) {
                    done.add(new dev.backbeat.service.BatchExport.Item(name, null,
                            e.kind() == BackendException.Kind.CANCELLED ? "Cancelled: not written." : e.userMessage()));
                    progress.update(k, n, name, new ExportProgress(e.kind() == BackendException.Kind.CANCELLED ? "Cancelled"
                            : "Failed: " + e.userMessage(), 0, -1));
                }
            }
            return done;
        });
    }

    private static String stemOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Exports, and writes the music bed and the original sound as mixed into {@code stemsDir} when
     * given. Queued behind the session's earlier work; while it runs, the session is not held (the
     * preview plays on; a chat waits its turn in the queue).
     */
    public ExportResult exportTo(ExportRequest request, Path stemsDir, Consumer<ExportProgress> progress,
                                 CancelToken cancel) throws BackendException {
        return jobs.run("Export", cancel, job -> {
            ExportJob.Inputs in;
            synchronized (this) {
                if (clips.isEmpty() || music == null) {
                    throw new BackendException(BackendException.Kind.UNSUPPORTED, "Add a clip first: there is nothing to export yet.");
                }
                userWorkStarts();
                in = new ExportJob.Inputs(List.copyOf(clips), java.util.Map.copyOf(sounds), profile, music, brief.copy(), photos, runner());
            }
            ScorePipeline pipe;
            synchronized (this) {
                pipe = pipeline();
            }
            job.doing("exporting");
            return ExportJob.run(pipe, in, request, stemsDir, progress, cancellation(cancel));
        });
    }

    /** The session's line of work (waiting and running jobs), for the UI to show and withdraw from. */
    @Override
    public Optional<dev.backbeat.service.JobQueue> jobs() {
        return Optional.of(jobs);
    }

    private Snapshot capture() {
        return new Snapshot(List.copyOf(clips), List.copyOf(profiles), List.copyOf(thumbnails), profile, brief.copy(),
                composedFrom, song.song());
    }

    /** Puts a kept state back; its music comes from the cache, or is composed again from the same brief (the same bytes). */
    private void restore(Snapshot s, Cancellation cancel) throws BackendException {
        dev.backbeat.engine.song.Song songNow = song.song();
        song.use(s.song()); // undo takes a song back as well (its decoded file is kept for the session)
        ScorePipeline.Music piece;
        try {
            piece = s.composedFrom() == null || s.profile() == null ? null
                    : musicFor(s.clips(), s.profile(), s.composedFrom(), cancel, () -> { });
        } catch (BackendException e) {
            song.use(songNow);
            throw e;
        }
        clips.clear();
        clips.addAll(s.clips());
        profiles.clear();
        profiles.addAll(s.profiles());
        thumbnails.clear();
        thumbnails.addAll(s.thumbnails());
        profile = s.profile();
        brief = s.brief().copy();
        composedFrom = s.composedFrom();
        music = piece;
        offered.clear();
        rebuildDraft();
    }

    @Override
    public SessionState undo(CancelToken cancel) throws BackendException {
        return jobs.run("Undo", cancel, job -> {
            synchronized (this) {
                Snapshot now = capture();
                Optional<SessionHistory.Step<Snapshot>> back = history.undo(now);
                if (back.isPresent()) {
                    try {
                        restore(back.get().state(), cancellation(cancel));
                    } catch (BackendException e) {
                        history.redo(back.get().state()); // put the line back as it was
                        throw e;
                    }
                }
                return state();
            }
        });
    }

    @Override
    public SessionState redo(CancelToken cancel) throws BackendException {
        return jobs.run("Redo", cancel, job -> {
            synchronized (this) {
                Snapshot now = capture();
                Optional<SessionHistory.Step<Snapshot>> forward = history.redo(now);
                if (forward.isPresent()) {
                    try {
                        restore(forward.get().state(), cancellation(cancel));
                    } catch (BackendException e) {
                        history.undo(forward.get().state());
                        throw e;
                    }
                }
                return state();
            }
        });
    }

    @Override
    public dev.backbeat.service.UndoState undoState() {
        return new dev.backbeat.service.UndoState(history.nextUndo(), history.nextRedo());
    }

    /** Takes the clip at {@code index} off the timeline and composes for the rest. */
    @Override
    public SessionState removeClip(int index, CancelToken cancel) throws BackendException {
        return jobs.run("Remove a clip", cancel, job -> {
            synchronized (this) {
                checkIndex(index);
                Snapshot before = capture();
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < clips.size(); i++) {
                    if (i != index) {
                        order.add(i);
                    }
                }
                job.doing("composing");
                rearrange(order, cancellation(cancel));
                history.changed("Remove " + before.clips().get(index).path().getFileName(), before);
                return state();
            }
        });
    }

    /** Moves the clip at {@code from} to {@code to} (both before the move) and composes for the new order. */
    @Override
    public SessionState moveClip(int from, int to, CancelToken cancel) throws BackendException {
        return jobs.run("Move a clip", cancel, job -> {
            synchronized (this) {
                checkIndex(from);
                checkIndex(to);
                if (from == to) {
                    return state();
                }
                Snapshot before = capture();
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < clips.size(); i++) {
                    order.add(i);
                }
                order.add(to, order.remove(from));
                job.doing("composing");
                rearrange(order, cancellation(cancel));
                history.changed("Move " + before.clips().get(from).path().getFileName(), before);
                return state();
            }
        });
    }

    private void checkIndex(int index) throws BackendException {
        if (index < 0 || index >= clips.size()) {
            throw new BackendException(BackendException.Kind.BAD_INPUT, "There is no clip " + (index + 1) + " on the timeline.");
        }
    }

    /** Puts the clips in {@code order} (indexes of today's clips) and composes for the new whole, or leaves all as it was. */
    private void rearrange(List<Integer> order, Cancellation cancel) throws BackendException {
        List<ClipInfo> c = order.stream().map(clips::get).toList();
        List<VideoProfile> p = order.stream().map(profiles::get).toList();
        List<java.util.concurrent.CompletableFuture<String>> t = order.stream().map(thumbnails::get).toList();
        VideoProfile joined = c.isEmpty() ? null : ProfileJoiner.join(p);
        dev.backbeat.engine.compose.Brief wanted = joined == null ? null
                : brief.brief(joined.durationSec(), music == null ? 0 : music.composition().plan().bpm());
        ScorePipeline.Music piece = joined == null ? null : musicFor(c, joined, wanted, cancel, () -> { });
        clips.clear();
        clips.addAll(c);
        profiles.clear();
        profiles.addAll(p);
        thumbnails.clear();
        thumbnails.addAll(t);
        profile = joined;
        composedFrom = wanted;
        music = piece;
        retimePhotos();
        offered.clear();
        rebuildDraft();
    }

    /**
     * The session is over (the app switches back end or quits, a batch item is done): the clips'
     * decoded sound and preview frames go now, not when the program ends.
     */
    @Override
    public void close() {
        jobs.cancelAll();
        synchronized (this) {
            closeNow();
        }
    }

    private void closeNow() {
        musicCache.clear();
        song.close();
        history.clear();
        if (clipSounds != null) {
            clipSounds.close(); // the preview's open readers first, then the files
            clipSounds = null;
        }
        sounds.values().forEach(LocalBackend::deleteQuietly);
        sounds.clear();
        for (java.util.concurrent.CompletableFuture<String> t : thumbnails) {
            String path = t.getNow("");
            if (path != null && !path.isBlank()) {
                deleteQuietly(Path.of(path));
            }
        }
        thumbnails.clear();
    }

    private static Cancellation cancellation(CancelToken token) {
        Cancellation c = new Cancellation();
        token.onCancel(c::cancel);
        return c;
    }

    static BackendException map(MediaException e) {
        BackendException.Kind kind = switch (e.kind()) {
            case CANCELLED -> BackendException.Kind.CANCELLED;
            case DAMAGED -> BackendException.Kind.DAMAGED;
            case NOT_FOUND, EMPTY, NOT_MEDIA, CORRUPT, NO_VIDEO, NO_AUDIO, UNSUPPORTED -> BackendException.Kind.BAD_INPUT;
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

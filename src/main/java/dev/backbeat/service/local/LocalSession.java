package dev.backbeat.service.local;

import dev.backbeat.draft.Draft;
import dev.backbeat.engine.analysis.ProfileJoiner;
import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.score.ScorePipeline;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.SessionState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * One local session's state: the clips as read, the brief, the music composed for them and the
 * timeline made of both, with its history and its queue of long work. The session is also the
 * lock: whoever reads or changes it holds {@code synchronized (session)}.
 */
final class LocalSession {

    final LocalBackend.RunnerSource ffmpeg;
    /** True for the launch rehearsal's own back end, which must not stop the rehearsal. */
    private final boolean rehearsal;
    SessionBrief brief = new SessionBrief();
    /** The photos among the clips (issue 15): their holds are set by the music, their video drawn at export. */
    final PhotoTrack photos = new PhotoTrack(() -> brief.photos());
    /** The engine's brief the current music was composed from (what undo and a project put back). */
    dev.backbeat.engine.compose.Brief composedFrom;
    /** The session's long work, one job at a time, in the order asked. */
    final dev.backbeat.service.JobQueue jobs = new dev.backbeat.service.JobQueue();
    final SessionHistory<Snapshot> history = new SessionHistory<>(100);
    final MusicCache musicCache = new MusicCache(6, 512L << 20);
    /** The user's own song, when one was given: it replaces the composed music (issue 15). */
    final SessionSong song = new SessionSong();

    /** The session as it stands after a change: what undo returns to (the music is found again by its brief). */
    record Snapshot(List<ClipInfo> clips, List<VideoProfile> profiles,
                    List<CompletableFuture<String>> thumbnails, VideoProfile profile,
                    SessionBrief brief, dev.backbeat.engine.compose.Brief composedFrom,
                    dev.backbeat.engine.song.Song song) {
    }
    final List<ClipInfo> clips = new ArrayList<>();
    final List<VideoProfile> profiles = new ArrayList<>();
    final List<CompletableFuture<String>> thumbnails = new ArrayList<>();
    /** Each clip's sound as the reading pass decoded it (48 kHz stereo float), for the mix. */
    final java.util.Map<ClipInfo, Path> sounds = new java.util.HashMap<>();
    /** The profile of all clips joined, as the music is composed for it. */
    VideoProfile profile;
    ScorePipeline.Music music;
    Draft draft = Draft.empty();
    private ScorePipeline pipeline;
    /** The variations last offered, by id, until one is picked or the piece changes. */
    final java.util.Map<String, VariationMaker.Offer> offered = new java.util.LinkedHashMap<>();

    /** Counts the changes to the result (upload, chat, edit): the preview's revision. */
    long revision;
    /** The clips' own sound for the preview, opened once for the clips as they are. */
    private dev.backbeat.engine.mix.ClipSounds clipSounds;
    private List<ClipInfo> clipSoundsFor = List.of();

    LocalSession(LocalBackend.RunnerSource ffmpeg, boolean rehearsal) {
        this.ffmpeg = ffmpeg;
        this.rehearsal = rehearsal;
    }

    /** The user's work comes first: a launch rehearsal still running gives way. */
    void userWorkStarts() {
        if (!rehearsal) {
            Rehearsal.giveWay();
        }
    }

    ScorePipeline pipeline() throws BackendException {
        if (pipeline == null) {
            pipeline = new ScorePipeline(runner());
        }
        return pipeline;
    }

    /** Seconds spent in each engine stage so far (for the CLI and the benchmark). */
    java.util.Map<String, Double> timings() {
        return pipeline == null ? java.util.Map.of() : pipeline.orderedTimings();
    }

    FfmpegRunner runner() throws BackendException {
        try {
            return ffmpeg.runner();
        } catch (MediaException e) {
            throw map(e);
        }
    }

    /** The tempo of the current piece, or 0 before there is music. */
    double bpm() {
        return music == null ? 0 : music.composition().plan().bpm();
    }

    Snapshot capture() {
        return new Snapshot(List.copyOf(clips), List.copyOf(profiles), List.copyOf(thumbnails), profile, brief.copy(),
                composedFrom, song.song());
    }

    /** Puts a kept state back; its music comes from the cache, or is composed again from the same brief (the same bytes). */
    void restore(Snapshot s, Cancellation cancel) throws BackendException {
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

    /** A failed or cancelled change leaves the brief (and the photos' holds) as they were. */
    void putBackBrief(Snapshot before) {
        brief = before.brief().copy();
        clips.clear();
        clips.addAll(before.clips());
        profiles.clear();
        profiles.addAll(before.profiles());
        profile = before.profile();
    }

    /** Composes for the clips as they are (or finds the piece kept for them), then the photos, offers and timeline follow. */
    void recompose(dev.backbeat.engine.compose.Brief wanted, Cancellation cancel, Runnable rendering)
            throws BackendException {
        music = musicFor(clips, profile, wanted, cancel, rendering);
        composedFrom = wanted;
        retimePhotos();
        offered.clear();
        rebuildDraft();
    }

    /** Puts the clips in {@code order} (indexes of today's clips) and composes for the new whole, or leaves all as it was. */
    void rearrange(List<Integer> order, Cancellation cancel) throws BackendException {
        List<ClipInfo> c = order.stream().map(clips::get).toList();
        List<VideoProfile> p = order.stream().map(profiles::get).toList();
        List<CompletableFuture<String>> t = order.stream().map(thumbnails::get).toList();
        VideoProfile joined = c.isEmpty() ? null : ProfileJoiner.join(p);
        dev.backbeat.engine.compose.Brief wanted = joined == null ? null : brief.brief(joined.durationSec(), bpm());
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

    void checkIndex(int index) throws BackendException {
        if (index < 0 || index >= clips.size()) {
            throw new BackendException(BackendException.Kind.BAD_INPUT, "There is no clip " + (index + 1) + " on the timeline.");
        }
    }

    /** Every photo back at its nominal hold and the profile joined again, before the music is composed for a new pace. */
    void photosAtNominal(double lastBpm) {
        if (!photos.any(clips)) {
            return;
        }
        photosReadAs(photos.nominal(clips, brief.brief(1, lastBpm).mood(), lastBpm));
    }

    /** The clips with their photos at new holds, each photo read again at its hold and the profile joined again. */
    void photosReadAs(List<ClipInfo> held) {
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
    void retimePhotos() {
        if (music != null && photos.any(clips)) {
            List<ClipInfo> t = photos.retime(clips, music.composition().plan());
            clips.clear();
            clips.addAll(t);
        }
    }

    /** The piece for these clips and this brief: from the cache of recent pieces, or composed (and kept). */
    ScorePipeline.Music musicFor(List<ClipInfo> forClips, VideoProfile joined, dev.backbeat.engine.compose.Brief b,
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

    void rebuildDraft() {
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

    MediaInfo mediaInfo(ClipInfo info) {
        int i = clips.indexOf(info);
        String thumb = i >= 0 && i < thumbnails.size() ? thumbnails.get(i).join() : "";
        String mood = i >= 0 && i < profiles.size() && profiles.get(i).mood() != null ? profiles.get(i).mood().explanation() : "";
        return new MediaInfo(info.path().getFileName().toString(), info.path().toString(),
                PhotoTrack.isPhoto(info) ? "image" : "video",
                Math.round(info.durationSec() * 1000), info.displayWidth(), info.displayHeight(), info.fps(), info.hasAudio(),
                thumb, mood);
    }

    SessionState state() {
        return new SessionState(draft, clips.stream().map(this::mediaInfo).toList());
    }

    /** The clips' decoded sound, opened again only when the clips changed. */
    dev.backbeat.engine.mix.ClipSounds clipSounds() throws IOException {
        if (clipSounds == null || !clips.equals(clipSoundsFor)) {
            clipSounds = PreviewBuilder.sounds(clips, sounds::get);
            clipSoundsFor = List.copyOf(clips);
        }
        return clipSounds;
    }

    /** The clips' decoded sound and preview frames go now, not when the program ends. */
    void closeNow() {
        musicCache.clear();
        song.close();
        history.clear();
        if (clipSounds != null) {
            clipSounds.close(); // the preview's open readers first, then the files
            clipSounds = null;
        }
        sounds.values().forEach(LocalSession::deleteQuietly);
        sounds.clear();
        for (CompletableFuture<String> t : thumbnails) {
            String path = t.getNow("");
            if (path != null && !path.isBlank()) {
                deleteQuietly(Path.of(path));
            }
        }
        thumbnails.clear();
    }

    static Cancellation cancellation(CancelToken token) {
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

    /** A temporary file removed when the program ends; null when none can be made (the work goes on without it). */
    static Path tempFile(String prefix, String suffix) {
        try {
            Path p = dev.backbeat.engine.media.TempFiles.file(prefix, suffix);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            return null;
        }
    }

    static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // removed at exit anyway
            }
        }
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

package dev.backbeat.service.local;

import dev.backbeat.engine.analysis.ProfileJoiner;
import dev.backbeat.engine.analysis.VideoAnalyzer;
import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.score.ScorePipeline;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.MediaRules;
import dev.backbeat.service.ProgressListener;
import dev.backbeat.service.SessionState;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static dev.backbeat.service.local.LocalSession.cancellation;
import static dev.backbeat.service.local.LocalSession.deleteQuietly;
import static dev.backbeat.service.local.LocalSession.map;
import static dev.backbeat.service.local.LocalSession.tempFile;

/**
 * Turns what the user drops into clips of the session: videos read and analysed (a damaged one
 * used as it is when the user chose so), photos put on the photo track, a song made the music, a
 * link downloaded first; and the clips taken off or put in another order. Each change composes
 * the music again for the new whole.
 */
final class ClipIntake {

    private final LocalSession s;
    private LinkFetcher links;

    ClipIntake(LocalSession session) {
        this.s = session;
    }

    List<MediaInfo> upload(List<Path> files, boolean asTheyAre, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        if (files.isEmpty()) {
            return List.of();
        }
        String names = String.join(", ", files.stream().map(f -> String.valueOf(f.getFileName())).toList());
        return s.jobs.run("Add " + names, cancel, job -> {
            synchronized (s) {
                s.userWorkStarts();
                job.doing("reading");
                List<MediaInfo> added = new ArrayList<>();
                for (int i = 0; i < files.size(); i++) {
                    LocalSession.Snapshot before = s.capture();
                    if (Files.isRegularFile(files.get(i)) && MediaRules.isAudio(files.get(i))) {
                        added.add(useSong(files.get(i), progress, cancel));
                        s.history.changed("Use " + files.get(i).getFileName(), before);
                        continue;
                    }
                    // photos dropped together are read together and composed for once
                    int j = i;
                    while (j < files.size() && Files.isRegularFile(files.get(j)) && MediaRules.isImage(files.get(j))) {
                        j++;
                    }
                    if (j > i) {
                        added.addAll(addPhotos(files.subList(i, j), progress, cancel, i, files.size()));
                        s.history.changed(j - i == 1 ? "Add " + files.get(i).getFileName() : "Add " + (j - i) + " photos", before);
                        i = j - 1;
                        continue;
                    }
                    added.add(add(files.get(i), asTheyAre, progress, cancel, i, files.size(), true));
                    s.history.changed("Add " + files.get(i).getFileName(), before);
                }
                return added;
            }
        });
    }

    /** Reads one clip, puts it at the end of the timeline and composes again for the whole. */
    MediaInfo add(Path file, boolean asTheyAre, ProgressListener progress, CancelToken cancel, int index, int count,
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
        ScorePipeline pipeline = s.pipeline();
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
            CompletableFuture<String> thumb = frame != null && Files.isRegularFile(frame)
                    && frame.toFile().length() > 0
                    ? CompletableFuture.completedFuture(frame.toString())
                    // made while the music is composed when the reading pass could not
                    : CompletableFuture.supplyAsync(() -> thumbnail(info));
            if (sound != null && Files.isRegularFile(sound)) {
                s.sounds.put(info, sound);
            }
            List<VideoProfile> all = new ArrayList<>(s.profiles);
            all.add(read);
            VideoProfile joined = ProfileJoiner.join(all);
            if (composeNow) {
                progress.progress("Composing music…", base + span * 0.85);
                List<ClipInfo> withIt = new ArrayList<>(s.clips);
                withIt.add(info);
                dev.backbeat.engine.compose.Brief wanted = s.brief.brief(joined.durationSec(), s.bpm());
                s.music = s.musicFor(withIt, joined, wanted, c, () -> { });
                s.composedFrom = wanted;
            }
            s.clips.add(info);
            s.profiles.add(read);
            s.thumbnails.add(thumb);
            s.profile = joined;
            s.retimePhotos();
            s.offered.clear();
            s.rebuildDraft();
            progress.progress("Ready", base + span);
            return s.mediaInfo(info);
        } catch (MediaException e) {
            throw map(e);
        }
    }

    /**
     * The user's song becomes the music: read and analysed once, then fitted to the footage (now,
     * if there is any, and again whenever the footage changes). Its answer is in the returned
     * info's {@code mood} line: "Using your song 'x.mp3' (98 BPM), fitted to 0:42."
     */
    MediaInfo useSong(Path file, ProgressListener progress, CancelToken cancel) throws BackendException {
        Optional<String> problem = MediaRules.problemWith(file, MediaRules.LOCAL_EXTENSIONS);
        if (problem.isPresent()) {
            throw new BackendException(BackendException.Kind.BAD_INPUT, problem.get());
        }
        readSong(file, progress, cancel);
        if (s.profile != null) {
            progress.progress("Fitting your song…", 0.9);
            s.photosAtNominal(s.bpm());
            s.recompose(s.brief.brief(s.profile.durationSec(), 0), cancellation(cancel), () -> { });
        }
        progress.progress("Ready", 1);
        dev.backbeat.engine.song.Song song = s.song.song();
        return new MediaInfo(song.name(), file.toString(), "audio", Math.round(song.decoded().durationSec() * 1000), 0, 0, 0,
                true, "", s.song.sentence(s.music == null ? null : s.music.song()));
    }

    /** Reads and analyses {@code file} as the session's song (not yet fitted to anything). */
    void readSong(Path file, ProgressListener progress, CancelToken cancel) throws BackendException {
        try {
            s.song.read(file, s.pipeline(), progress, cancellation(cancel));
        } catch (MediaException e) {
            throw map(e);
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.OUTPUT, "Backbeat could not write into the temporary folder: "
                    + e.getMessage(), e);
        }
    }

    /** Takes {@code file} as the session's song whatever it looks like (the CLI's {@code --music}): a video without sound is refused in words. */
    MediaInfo setSong(Path file, ProgressListener progress, CancelToken cancel) throws BackendException {
        return s.jobs.run("Use " + file.getFileName(), cancel, job -> {
            synchronized (s) {
                s.userWorkStarts();
                job.doing("reading");
                LocalSession.Snapshot before = s.capture();
                MediaInfo info = useSong(file, progress, cancel);
                s.history.changed("Use " + file.getFileName(), before);
                return info;
            }
        });
    }

    /** Photos join the track held for their nominal time; the music is composed again and the holds put on its beats. */
    private List<MediaInfo> addPhotos(List<Path> files, ProgressListener progress, CancelToken cancel, int index, int count)
            throws BackendException {
        double base = index / (double) count;
        double span = files.size() / (double) count;
        try {
            double lastBpm = s.bpm();
            List<ClipInfo> nextClips = new ArrayList<>(s.clips);
            List<VideoProfile> all = new ArrayList<>(s.profiles);
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
                    nextClips.add(s.photos.add(file, s.runner(), s.brief.brief(1, lastBpm).mood(), thumb, cancellation(cancel)));
                } catch (MediaException e) {
                    deleteQuietly(thumb);
                    newThumbs.forEach(LocalSession::deleteQuietly);
                    throw e;
                }
                newThumbs.add(thumb);
                ClipInfo info = nextClips.get(nextClips.size() - 1);
                all.add(s.photos.profile(info));
            }
            nextClips = s.photos.atLeast(nextClips, 2.0);
            for (int k = 0; k < nextClips.size(); k++) {
                if (PhotoTrack.isPhoto(nextClips.get(k))) {
                    all.set(k, s.photos.profile(nextClips.get(k)));
                }
            }
            VideoProfile joined = ProfileJoiner.join(all);
            progress.progress("Composing music…", base + span * 0.4);
            dev.backbeat.engine.compose.Brief wanted = s.brief.brief(joined.durationSec(), lastBpm);
            ScorePipeline.Music piece = s.musicFor(nextClips, joined, wanted, cancellation(cancel), () -> { });
            s.composedFrom = wanted;
            int first = s.clips.size();
            s.clips.clear();
            s.clips.addAll(nextClips);
            s.profiles.clear();
            s.profiles.addAll(all);
            newThumbs.forEach(t -> s.thumbnails.add(CompletableFuture.completedFuture(t.toString())));
            s.profile = joined;
            s.music = piece;
            s.retimePhotos();
            s.offered.clear();
            s.rebuildDraft();
            progress.progress("Ready", base + span);
            return s.clips.subList(first, s.clips.size()).stream().map(s::mediaInfo).toList();
        } catch (MediaException e) {
            throw map(e);
        }
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

    /** A frame of the clip for the preview; none (and no fuss) when it cannot be made. */
    private String thumbnail(ClipInfo info) {
        try {
            Path out = dev.backbeat.engine.media.TempFiles.file("thumb", ".jpg");
            out.toFile().deleteOnExit();
            return s.pipeline().thumbnail(info, out) ? out.toString() : "";
        } catch (IOException | MediaException | BackendException e) {
            return "";
        }
    }

    List<MediaInfo> uploadUrls(List<URI> urls, ProgressListener progress, CancelToken cancel) throws BackendException {
        // the only network the local engine uses, and only for a link the user gave: each is
        // downloaded into the downloads folder, then read as a dropped file would be
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            int k = i;
            files.add(links().fetch(urls.get(i), (what, f) -> progress.progress(what,
                    f < 0 ? -1 : 0.5 * (k + f) / urls.size()), cancel));
        }
        return upload(files, false, (what, f) -> progress.progress(what, f < 0 ? -1 : 0.5 + 0.5 * f), cancel);
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

    /** Takes the clip at {@code index} off the timeline and composes for the rest. */
    SessionState removeClip(int index, CancelToken cancel) throws BackendException {
        return s.jobs.run("Remove a clip", cancel, job -> {
            synchronized (s) {
                s.checkIndex(index);
                LocalSession.Snapshot before = s.capture();
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < s.clips.size(); i++) {
                    if (i != index) {
                        order.add(i);
                    }
                }
                job.doing("composing");
                s.rearrange(order, cancellation(cancel));
                s.history.changed("Remove " + before.clips().get(index).path().getFileName(), before);
                return s.state();
            }
        });
    }

    /** Moves the clip at {@code from} to {@code to} (both before the move) and composes for the new order. */
    SessionState moveClip(int from, int to, CancelToken cancel) throws BackendException {
        return s.jobs.run("Move a clip", cancel, job -> {
            synchronized (s) {
                s.checkIndex(from);
                s.checkIndex(to);
                if (from == to) {
                    return s.state();
                }
                LocalSession.Snapshot before = s.capture();
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < s.clips.size(); i++) {
                    order.add(i);
                }
                order.add(to, order.remove(from));
                job.doing("composing");
                s.rearrange(order, cancellation(cancel));
                s.history.changed("Move " + before.clips().get(from).path().getFileName(), before);
                return s.state();
            }
        });
    }

    /** A missing clip of a project found again: read and put back at {@code index}. */
    SessionState locateClip(int index, Path file, ProgressListener progress, CancelToken cancel) throws BackendException {
        return s.jobs.run("Locate " + file.getFileName(), cancel, job -> {
            synchronized (s) {
                LocalSession.Snapshot before = s.capture();
                add(file, false, progress, cancel, 0, 1, false);
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < s.clips.size() - 1; i++) {
                    order.add(i);
                }
                order.add(Math.max(0, Math.min(index, order.size())), s.clips.size() - 1);
                try {
                    s.rearrange(order, cancellation(cancel));
                } catch (BackendException e) {
                    s.restore(before, Cancellation.none());
                    throw e;
                }
                s.history.changed("Locate " + file.getFileName(), before);
                return s.state();
            }
        });
    }
}

package dev.backbeat.service.local;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.compose.MusicPlan;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;
import dev.backbeat.engine.photo.SlideshowRenderer;
import dev.backbeat.engine.photo.SlideshowTimer;
import dev.backbeat.engine.photo.Still;
import dev.backbeat.engine.photo.StillFit;
import dev.backbeat.engine.photo.StillProbe;
import dev.backbeat.engine.photo.StillProfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The session's photos: each stands on the video track as a clip of its own whose length the
 * music decides. Before composing, every photo gets the hold asked for (or its mood's default);
 * after, its change is moved onto the piece's beat grid; at export, each run of photos is drawn
 * into a video at the export's frame, which then goes the way of any clip.
 */
final class PhotoTrack {
    static final String CONTAINER = "photo";
    static final int FPS = 30;

    private final Map<ClipInfo, Still> stills = new IdentityHashMap<>();
    /** The current brief's pace: undo swaps the brief, so it is looked up each time, never held. */
    private final java.util.function.Supplier<PhotoPace> pace;

    PhotoTrack(java.util.function.Supplier<PhotoPace> pace) {
        this.pace = pace;
    }

    static boolean isPhoto(ClipInfo c) {
        return CONTAINER.equals(c.container());
    }

    boolean any(List<ClipInfo> clips) {
        return clips.stream().anyMatch(PhotoTrack::isPhoto);
    }

    /**
     * Reads a photo and makes its clip, held for the nominal time. The photo is decoded whole once
     * here, into its preview frame {@code thumb}, so a damaged one is refused when it is dropped.
     */
    ClipInfo add(Path file, FfmpegRunner runner, String mood, Path thumb, Cancellation cancel) throws MediaException {
        Still s = new StillProbe(runner).probe(file);
        new dev.backbeat.engine.photo.StillCanvas(runner).draw(s, 320, 180, StillFit.BLUR, 1.0, thumb, cancel);
        ClipInfo c = clip(s, hold(mood));
        stills.put(c, s);
        return c;
    }

    VideoProfile profile(ClipInfo c) {
        return StillProfile.of(stills.get(c), c.durationSec());
    }

    Still still(ClipInfo c) {
        return stills.get(c);
    }

    /** The hold asked for, or the mood's default. */
    double hold(String mood) {
        return pace.get().hold(StillProfile.defaultHold(mood));
    }

    /** Every photo back at the nominal hold (before composing again for a new pace); clips other than photos kept. */
    List<ClipInfo> nominal(List<ClipInfo> clips, String mood, double lastBpm) {
        double h = pace.get().pace() == SlideshowTimer.Pace.EVERY_BEAT && lastBpm > 0 ? 60.0 / lastBpm : hold(mood);
        return atLeast(replace(clips, c -> h), 2.0);
    }

    /** The photos held longer where the whole track would be shorter than the music's least ({@code seconds}). */
    List<ClipInfo> atLeast(List<ClipInfo> clips, double seconds) {
        double total = clips.stream().mapToDouble(ClipInfo::durationSec).sum();
        double photoTime = clips.stream().filter(PhotoTrack::isPhoto).mapToDouble(ClipInfo::durationSec).sum();
        if (total >= seconds || photoTime <= 0) {
            return clips;
        }
        double scale = (seconds - (total - photoTime)) / photoTime;
        return replace(clips, c -> c.durationSec() * scale);
    }

    /** The photos' holds moved onto the piece's grid. */
    List<ClipInfo> retime(List<ClipInfo> clips, MusicPlan plan) {
        if (!any(clips) || plan == null) {
            return clips;
        }
        List<SlideshowTimer.Item> items = clips.stream()
                .map(c -> new SlideshowTimer.Item(isPhoto(c), c.durationSec())).toList();
        double[] holds = new SlideshowTimer(plan).holds(items, pace.get().pace());
        int[] i = {0};
        return replace(clips, c -> holds[i[0]++]);
    }

    /** Each photo at index i held {@code holds.get(i)} seconds (a project puts back what the music was composed for); null keeps it. */
    List<ClipInfo> held(List<ClipInfo> clips, List<Double> holds) {
        java.util.Map<ClipInfo, Double> by = new java.util.IdentityHashMap<>();
        for (int i = 0; i < clips.size() && i < holds.size(); i++) {
            if (holds.get(i) != null) {
                by.put(clips.get(i), holds.get(i));
            }
        }
        return replace(clips, c -> by.getOrDefault(c, c.durationSec()));
    }

    private List<ClipInfo> replace(List<ClipInfo> clips, java.util.function.ToDoubleFunction<ClipInfo> length) {
        List<ClipInfo> out = new ArrayList<>();
        for (ClipInfo c : clips) {
            double l = length.applyAsDouble(c);
            if (!isPhoto(c)) {
                out.add(c);
                continue;
            }
            // the old clip keeps its photo too: an undo snapshot may still hold it
            Still s = stills.get(c);
            ClipInfo n = clip(s, l);
            stills.put(n, s);
            out.add(n);
        }
        return out;
    }

    /**
     * The clips as the exporter plays them: each run of photos drawn into a video of the export's
     * frame in {@code work}, the other clips as they are.
     */
    List<ClipInfo> forExport(List<ClipInfo> clips, FfmpegRunner runner, int width, int height, StillFit fit, boolean zoom,
                             Path work, Progress progress, Cancellation cancel) throws MediaException, IOException {
        List<ClipInfo> out = new ArrayList<>();
        int runs = 0;
        double at = 0;
        long framesBefore = 0;
        for (int i = 0; i < clips.size(); ) {
            if (!isPhoto(clips.get(i))) {
                at += clips.get(i).durationSec();
                framesBefore = Math.round(at * FPS);
                out.add(clips.get(i++));
                continue;
            }
            List<SlideshowRenderer.Shot> shots = new ArrayList<>();
            while (i < clips.size() && isPhoto(clips.get(i))) {
                ClipInfo c = clips.get(i++);
                at += c.durationSec();
                // frames counted from the timeline's start, so rounding never piles up along the run
                long end = Math.round(at * FPS);
                shots.add(new SlideshowRenderer.Shot(stills.get(c), (int) Math.max(1, end - framesBefore)));
                framesBefore = end;
            }
            Path video = work.resolve(String.format(Locale.ROOT, "photos-%02d.mp4", runs++));
            Path dir = Files.createDirectories(work.resolve("photos-" + runs));
            new SlideshowRenderer(runner).render(shots, new SlideshowRenderer.Options(width, height, FPS, fit, zoom,
                    "veryfast", 20), dir, video, progress, cancel);
            out.add(new MediaProbe(runner).probe(video));
        }
        return out;
    }

    /** A photo is a source too: the export never writes over one. */
    void checkTarget(List<ClipInfo> clips, Path target) throws dev.backbeat.service.BackendException {
        Path out = target.toAbsolutePath().normalize();
        for (ClipInfo c : clips) {
            if (isPhoto(c) && c.path().toAbsolutePath().normalize().equals(out)) {
                throw new dev.backbeat.service.BackendException(dev.backbeat.service.BackendException.Kind.OUTPUT,
                        "That is one of your photos: Backbeat never overwrites your source. Choose another file name.");
            }
        }
    }

    /**
     * With photos on the track, "slower" and "faster" pace them too: a change of tempo without a
     * word about the photos also holds them longer (or shorter) by as much.
     */
    static List<MusicEdit> withPhotoPace(List<MusicEdit> edits, boolean havePhotos) {
        if (!havePhotos || edits.stream().anyMatch(e -> e instanceof MusicEdit.Photos)) {
            return edits;
        }
        List<MusicEdit> out = new ArrayList<>(edits);
        for (MusicEdit e : edits) {
            if (e instanceof MusicEdit.Tempo t && t.bpm().isEmpty() && t.factor() != 1) {
                out.add(new MusicEdit.Photos(null, 1 / t.factor(), null, null));
            }
        }
        return out;
    }

    private static ClipInfo clip(Still s, double seconds) {
        return new ClipInfo(s.path(), CONTAINER, seconds, s.codec(), s.uprightWidth(), s.uprightHeight(), 0, FPS, FPS, false,
                Math.round(seconds * FPS), false, null, 0, 0, null);
    }
}

package dev.backbeat.service.local;

import com.google.gson.JsonObject;
import dev.backbeat.draft.Draft;
import dev.backbeat.draft.Segment;
import dev.backbeat.draft.Track;
import dev.backbeat.draft.TrackType;
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

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The offline back end: clips are read on this computer and the timeline is kept here, in the
 * same draft form as the cloud's. Composition and export are added by the local engine.
 */
public final class LocalBackend implements Backend {

    /** Reads a clip's facts (duration, size, sound) on this computer. */
    @FunctionalInterface
    public interface ClipReader {
        MediaInfo read(Path file, ProgressListener progress, CancelToken cancel) throws BackendException;
    }

    private final ClipReader reader;
    private final List<MediaInfo> clips = new ArrayList<>();
    private Draft draft = Draft.empty();

    public LocalBackend(ClipReader reader) {
        this.reader = reader;
    }

    @Override
    public String name() {
        return "Local";
    }

    @Override
    public String connect(ProgressListener progress) {
        return "Local engine ready: everything stays on this computer, no account needed. Drop a video to start.";
    }

    @Override
    public synchronized List<MediaInfo> upload(List<Path> files, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        List<MediaInfo> added = new ArrayList<>();
        for (Path file : files) {
            cancel.throwIfCancelled();
            Optional<String> problem = MediaRules.problemWith(file, MediaRules.VIDEO_EXTENSIONS);
            if (problem.isPresent()) {
                throw new BackendException(BackendException.Kind.BAD_INPUT, problem.get());
            }
            MediaInfo info = reader.read(file, progress, cancel);
            clips.add(info);
            added.add(info);
        }
        draft = withVideoTrack(draft, clips);
        return added;
    }

    @Override
    public List<MediaInfo> uploadUrls(List<URI> urls, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        throw new BackendException(BackendException.Kind.UNSUPPORTED,
                "The local engine works offline and cannot fetch links. Download the video first, then drop the file here.");
    }

    @Override
    public void chat(String message, Consumer<ChatEvent> events, CancelToken cancel) {
        events.accept(new ChatEvent.Failed(new BackendException(BackendException.Kind.UNSUPPORTED,
                "The local composer is not part of this build yet, so I cannot change the music. "
                        + "You can add clips and see them on the timeline, or switch to the cloud back end in Settings.")));
    }

    @Override
    public synchronized SessionState state() {
        return new SessionState(draft, clips);
    }

    @Override
    public Credits credits() {
        return Credits.unmetered("Local engine: no credits needed.");
    }

    @Override
    public ExportResult export(ExportRequest request, Consumer<ExportProgress> progress, CancelToken cancel)
            throws BackendException {
        throw new BackendException(BackendException.Kind.UNSUPPORTED,
                "Exporting with the local engine is not part of this build yet.");
    }

    /** The video track lists the clips one after another; other tracks stay as they are. */
    static Draft withVideoTrack(Draft draft, List<MediaInfo> clips) {
        List<Segment> segments = new ArrayList<>();
        for (MediaInfo clip : clips) {
            JsonObject meta = new JsonObject();
            meta.addProperty("title", clip.name());
            if (clip.width() > 0) {
                meta.addProperty("width", clip.width());
                meta.addProperty("height", clip.height());
            }
            segments.add(Segment.of(clip.durationMs(), meta));
        }
        Track video = new Track(TrackType.VIDEO, segments);
        List<Track> tracks = draft.tracks();
        for (int i = 0; i < tracks.size(); i++) {
            if (tracks.get(i).type().kind() == TrackType.Kind.VIDEO) {
                return draft.withTrack(i, video);
            }
        }
        List<Track> withVideo = new ArrayList<>();
        withVideo.add(video);
        withVideo.addAll(tracks);
        return new Draft(withVideo, draft.extra());
    }
}

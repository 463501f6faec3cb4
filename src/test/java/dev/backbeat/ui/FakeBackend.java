package dev.backbeat.ui;

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
import dev.backbeat.service.ProgressListener;
import dev.backbeat.service.SessionState;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A scripted back end for view-model and window tests: records calls, replies as told. */
public class FakeBackend implements Backend {
    public final List<String> chats = new ArrayList<>();
    public final List<Path> uploads = new ArrayList<>();
    public final List<URI> links = new ArrayList<>();
    /** Links and chat turns in the order they reached the back end. */
    public final List<String> calls = new ArrayList<>();
    /** What undo would take back, as a real session names it; changes with every upload. */
    public String undoLabel;

    @Override
    public dev.backbeat.service.UndoState undoState() {
        return new dev.backbeat.service.UndoState(java.util.Optional.ofNullable(undoLabel), java.util.Optional.empty());
    }
    public final List<ExportRequest> exports = new ArrayList<>();
    public List<ChatEvent> reply = List.of(new ChatEvent.Text("Sure"), new ChatEvent.Done());
    public BackendException uploadError;
    /** Every file upload answers DAMAGED; only {@link #uploadAsTheyAre} takes them. */
    public boolean damaged;
    public final List<Path> takenAsTheyAre = new ArrayList<>();
    public int creditCalls;
    private Draft draft = Draft.empty();

    @Override
    public String name() {
        return "Fake";
    }

    @Override
    public String connect(ProgressListener progress) {
        return "Connected to the fake";
    }

    @Override
    public List<MediaInfo> upload(List<Path> files, ProgressListener progress, CancelToken cancel) throws BackendException {
        progress.progress("Reading", 0.5);
        cancel.throwIfCancelled();
        if (uploadError != null) {
            throw uploadError;
        }
        if (damaged) {
            throw new BackendException(BackendException.Kind.DAMAGED, "\u201c" + files.get(0).getFileName()
                    + "\u201d looks cut short: its picture stops at 0:00.8, but the file says it lasts 0:26.");
        }
        return take(files);
    }

    @Override
    public List<MediaInfo> uploadAsTheyAre(List<Path> files, ProgressListener progress, CancelToken cancel) {
        takenAsTheyAre.addAll(files);
        return take(files);
    }

    private List<MediaInfo> take(List<Path> files) {
        uploads.addAll(files);
        undoLabel = "Add " + files.get(files.size() - 1).getFileName();
        List<MediaInfo> out = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        for (Path f : files) {
            out.add(new MediaInfo(f.getFileName().toString(), f.toString(), "video", 42_000, 1920, 1080, 30, true));
            JsonObject meta = new JsonObject();
            meta.addProperty("title", f.getFileName().toString());
            segments.add(Segment.of(42_000, meta));
        }
        draft = new Draft(List.of(new Track(TrackType.VIDEO, segments)));
        return out;
    }

    @Override
    public List<MediaInfo> uploadUrls(List<URI> urls, ProgressListener progress, CancelToken cancel) {
        links.addAll(urls);
        calls.add("links " + urls);
        List<MediaInfo> out = new ArrayList<>();
        for (URI u : urls) {
            String name = u.getPath().substring(u.getPath().lastIndexOf('/') + 1);
            out.add(new MediaInfo(name, "/downloads/" + name, "video", 12_000, 1280, 720, 30, true));
        }
        return out;
    }

    @Override
    public List<dev.backbeat.service.BatchExport.Item> exportEach(ExportRequest request,
                                                                   dev.backbeat.service.BatchExport.Listener progress,
                                                                   CancelToken cancel) {
        exports.add(request);
        progress.update(0, 2, "a.mp4", new dev.backbeat.service.ExportProgress("Writing the video", 0.5, 3));
        progress.update(1, 2, "b.mp4", new dev.backbeat.service.ExportProgress("Failed: b.mp4 is not found", 0, -1));
        return List.of(new dev.backbeat.service.BatchExport.Item("a.mp4", request.target().resolve("a-scored.mp4"), null),
                new dev.backbeat.service.BatchExport.Item("b.mp4", null, "b.mp4 is not found"));
    }

    @Override
    public void chat(String message, Consumer<ChatEvent> events, CancelToken cancel) {
        chats.add(message);
        calls.add("chat " + message);
        reply.forEach(events);
    }

    @Override
    public SessionState state() {
        return new SessionState(draft, List.of());
    }

    public void setDraft(Draft d) {
        draft = d;
    }

    @Override
    public Credits credits() {
        creditCalls++;
        return new Credits(true, 87, 3, 100, "");
    }

    @Override
    public ExportResult export(ExportRequest request, Consumer<ExportProgress> progress, CancelToken cancel)
            throws BackendException {
        exports.add(request);
        progress.accept(new ExportProgress("Rendering", 0.5, 12));
        cancel.throwIfCancelled();
        try {
            Files.writeString(request.target(), "mp4");
        } catch (IOException e) {
            throw new BackendException(BackendException.Kind.OUTPUT, "cannot write");
        }
        return new ExportResult(request.target(), "video copied untouched");
    }
}

package dev.backbeat.service;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the app asks of a back end: the local engine or the NemoVideo cloud. Calls block and
 * are made off the UI thread; long ones report progress and honour a {@link CancelToken}.
 */
public interface Backend extends AutoCloseable {

    /** A short name for the UI ("Local", "Cloud"). */
    String name();

    /** Prepares the back end (tokens, session, tools); returns a line for the user ("Connected"). */
    String connect(ProgressListener progress) throws BackendException;

    List<MediaInfo> upload(List<Path> files, ProgressListener progress, CancelToken cancel) throws BackendException;

    List<MediaInfo> uploadUrls(List<URI> urls, ProgressListener progress, CancelToken cancel) throws BackendException;

    /**
     * Sends one chat message. Events arrive on the calling thread as they are produced; the
     * last is {@link ChatEvent.Done} or {@link ChatEvent.Failed}. Never re-sends on its own.
     */
    void chat(String message, Consumer<ChatEvent> events, CancelToken cancel);

    SessionState state() throws BackendException;

    Credits credits() throws BackendException;

    /** Renders the current timeline into {@code request.target()}, written whole or not at all. */
    ExportResult export(ExportRequest request, Consumer<ExportProgress> progress, CancelToken cancel)
            throws BackendException;

    /**
     * Finishes exports left running when the app last closed (the cloud keeps rendering while we
     * are away); returns the files written. Back ends that finish exports before returning have none.
     */
    default List<ExportResult> resumePendingExports(Consumer<ExportProgress> progress, CancelToken cancel)
            throws BackendException {
        return List.of();
    }

    @Override
    default void close() {
    }
}

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

    /**
     * As {@link #upload}, for files the user chose to score as far as they go after a
     * {@link BackendException.Kind#DAMAGED} answer: a file cut short is used up to where its picture ends.
     * Back ends that cannot tell a damaged file from a whole one upload as usual.
     */
    default List<MediaInfo> uploadAsTheyAre(List<Path> files, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        return upload(files, progress, cancel);
    }

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
     * Exports one MP4 per clip into {@code folder} ({@code request}'s target names the folder), each
     * clip scored on its own with the session's brief; returns how each file ended.
     */
    default java.util.List<BatchExport.Item> exportEach(ExportRequest request, BatchExport.Listener progress,
                                                        CancelToken cancel) throws BackendException {
        throw new BackendException(BackendException.Kind.UNSUPPORTED, "This back end exports the whole timeline only.");
    }

    /**
     * Finishes exports left running when the app last closed (the cloud keeps rendering while we
     * are away); returns the files written. Back ends that finish exports before returning have none.
     */
    default List<ExportResult> resumePendingExports(Consumer<ExportProgress> progress, CancelToken cancel)
            throws BackendException {
        return List.of();
    }

    /**
     * The current scored result to play and draw (the mix, the clips, the music's structure), or
     * empty when there is none yet or this back end cannot make one (the cloud renders remotely).
     */
    default java.util.Optional<dev.backbeat.service.preview.ScoredPreview> preview() throws BackendException {
        return java.util.Optional.empty();
    }

    /** Decodes the clips' picture for the player, or empty where this back end cannot (then the player shows the still frame). */
    default java.util.Optional<dev.backbeat.service.preview.PreviewPictures> pictures() {
        return java.util.Optional.empty();
    }

    /** Renders {@code count} alternative pieces for the footage, to audition side by side. */
    default List<dev.backbeat.service.preview.Variation> variations(int count, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        throw new BackendException(BackendException.Kind.UNSUPPORTED, "This back end cannot offer variations.");
    }

    /** Makes a variation from {@link #variations} the current music. */
    default SessionState pickVariation(String id) throws BackendException {
        throw new BackendException(BackendException.Kind.UNSUPPORTED, "This back end cannot offer variations.");
    }

    /** Applies a change made on the timeline (a title's text or place, the music's volume). */
    default SessionState edit(dev.backbeat.service.preview.TimelineEdit edit) throws BackendException {
        throw new BackendException(BackendException.Kind.UNSUPPORTED, "Edit this in the chat instead.");
    }

    /** The session's line of long work (queued and running jobs), where the back end keeps one. */
    default java.util.Optional<JobQueue> jobs() {
        return java.util.Optional.empty();
    }

    /** Puts the session back as it was before the last change (its music too). */
    default SessionState undo(CancelToken cancel) throws BackendException {
        throw new BackendException(BackendException.Kind.UNSUPPORTED, "This back end cannot undo.");
    }

    /** Makes again the change the last undo took back. */
    default SessionState redo(CancelToken cancel) throws BackendException {
        throw new BackendException(BackendException.Kind.UNSUPPORTED, "This back end cannot redo.");
    }

    default UndoState undoState() {
        return UndoState.none();
    }

    /** Takes a clip off the timeline (by its place, first is 0). */
    default SessionState removeClip(int index, CancelToken cancel) throws BackendException {
        throw new BackendException(BackendException.Kind.UNSUPPORTED, "This back end cannot remove clips.");
    }

    /** Moves a clip from one place on the timeline to another. */
    default SessionState moveClip(int from, int to, CancelToken cancel) throws BackendException {
        throw new BackendException(BackendException.Kind.UNSUPPORTED, "This back end cannot reorder clips.");
    }

    /** Whether this back end keeps projects (save, open, autosave); the cloud keeps its own sessions. */
    default boolean savesProjects() {
        return false;
    }

    /** Writes the session and {@code content} (the chat) to a project file, whole or not at all. */
    default void saveProject(Path file, ProjectContent content) throws BackendException {
        throw new BackendException(BackendException.Kind.UNSUPPORTED, "This back end cannot save projects.");
    }

    /** Opens a project into this (new, empty) session: its clips are read again and its music composed again. */
    default ProjectContent.Opened openProject(Path file, ProgressListener progress, CancelToken cancel) throws BackendException {
        throw new BackendException(BackendException.Kind.UNSUPPORTED, "This back end cannot open projects.");
    }

    /** Puts a clip the user found again (after it was moved) at {@code index} on the timeline. */
    default SessionState locateClip(int index, Path file, ProgressListener progress, CancelToken cancel)
            throws BackendException {
        throw new BackendException(BackendException.Kind.UNSUPPORTED, "This back end cannot locate clips.");
    }

    @Override
    default void close() {
    }
}

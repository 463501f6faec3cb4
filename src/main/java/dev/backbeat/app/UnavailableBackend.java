package dev.backbeat.app;

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

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** A back end that cannot be used in this build: every call says so, in the user's words. */
final class UnavailableBackend implements Backend {
    private final String name;
    private final String why;

    UnavailableBackend(String name, String why) {
        this.name = name;
        this.why = why;
    }

    private BackendException error() {
        return new BackendException(BackendException.Kind.UNSUPPORTED, why);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String connect(ProgressListener progress) throws BackendException {
        throw error();
    }

    @Override
    public List<MediaInfo> upload(List<Path> files, ProgressListener progress, CancelToken cancel) throws BackendException {
        throw error();
    }

    @Override
    public List<MediaInfo> uploadUrls(List<URI> urls, ProgressListener progress, CancelToken cancel) throws BackendException {
        throw error();
    }

    @Override
    public void chat(String message, Consumer<ChatEvent> events, CancelToken cancel) {
        events.accept(new ChatEvent.Failed(error()));
    }

    @Override
    public SessionState state() {
        return SessionState.empty();
    }

    @Override
    public Credits credits() throws BackendException {
        throw error();
    }

    @Override
    public ExportResult export(ExportRequest request, Consumer<ExportProgress> progress, CancelToken cancel)
            throws BackendException {
        throw error();
    }
}

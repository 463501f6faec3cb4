package dev.backbeat.service.cloud;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.BackendException.Kind;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportProgress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Fetches a finished render into its target, whole or not at all: bytes go to a hidden temp file
 * beside the target, which is moved into place only once complete. When the output URL fails,
 * the service's own download route is tried.
 */
final class RenderDownloader {
    private static final Logger LOG = Logger.getLogger(RenderDownloader.class.getName());

    private final NemoHttp http;
    private final CloudConfig config;

    RenderDownloader(NemoHttp http, CloudConfig config) {
        this.http = http;
        this.config = config;
    }

    void download(String renderId, String outputUrl, Path target, Consumer<ExportProgress> progress,
                  CancelToken cancel) throws BackendException {
        URI fallback = config.resolve("/api/render/proxy/" + renderId + "/download");
        BackendException first = null;
        if (outputUrl != null && !outputUrl.isBlank()) {
            try {
                URI url = config.apiBase().resolve(outputUrl);
                fetch(url, sameOrigin(url), target, progress, cancel);
                return;
            } catch (BackendException e) {
                if (e.kind() == Kind.CANCELLED || e.kind() == Kind.OUTPUT) {
                    throw e;
                }
                first = e;
                LOG.fine("download from the output URL failed, trying the service's download route: " + e.getMessage());
            }
        }
        try {
            fetch(fallback, true, target, progress, cancel);
        } catch (BackendException e) {
            if (e.kind() == Kind.CANCELLED || e.kind() == Kind.OUTPUT) {
                throw e;
            }
            throw new BackendException(e.kind(), "The rendered video could not be downloaded ("
                    + (first != null ? first.getMessage() : e.getMessage()) + "). The render is kept: run "
                    + "\"backbeat cloud resume\" or reopen the app to try again.", e);
        }
    }

    /** Our token goes only to the service itself, never to a CDN that serves the file. */
    private boolean sameOrigin(URI url) {
        URI base = config.apiBase();
        return base.getHost() != null && base.getHost().equalsIgnoreCase(url.getHost()) && base.getPort() == url.getPort()
                && base.getScheme().equalsIgnoreCase(url.getScheme());
    }

    private void fetch(URI url, boolean authenticated, Path target, Consumer<ExportProgress> progress,
                       CancelToken cancel) throws BackendException {
        NemoCall call = NemoCall.get(url).withAccept("*/*").withCancel(cancel);
        HttpResponse<InputStream> response = http.stream(authenticated ? call : call.withoutAuth());
        long expected = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        Path dir = target.toAbsolutePath().getParent();
        // named with our pid and listed, so a start after a kill sweeps it
        Path part = dev.backbeat.service.Partials.beside(target);
        dev.backbeat.service.Partials.writing(part);
        try (InputStream in = response.body(); StallWatch watch = new StallWatch(in, config.downloadStallTimeout())) {
            cancel.onCancel(watch::abandon);
            long copied = 0;
            try (OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    out.write(buffer, 0, n);
                    copied += n;
                    watch.touch();
                    progress.accept(new ExportProgress("Downloading", expected > 0 ? (double) copied / expected : -1, -1));
                }
            } catch (IOException e) {
                if (cancel.isCancelled()) {
                    throw BackendException.cancelled();
                }
                if (!Files.isDirectory(dir) || e instanceof java.nio.file.FileSystemException) {
                    throw new BackendException(Kind.OUTPUT, "Cannot write " + target + ": " + e.getMessage()
                            + ". Choose another folder or free some space.", e);
                }
                throw new BackendException(Kind.NETWORK, watch.stalled()
                        ? "the download stalled for " + CloudConfig.spoken(config.downloadStallTimeout())
                        : "the connection was cut during the download", e);
            }
            if (copied == 0 || expected >= 0 && copied != expected) {
                throw new BackendException(Kind.NETWORK, "the download ended early (" + copied + " of "
                        + (expected >= 0 ? expected : "?") + " bytes)");
            }
            ConfigFiles.moveIntoPlace(part, target);
        } catch (IOException e) {
            throw new BackendException(Kind.OUTPUT, "Cannot save " + target + ": " + e.getMessage()
                    + ". Choose another folder or free some space.", e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a leftover hidden .part file is harmless and named as ours
            }
            dev.backbeat.service.Partials.finished(part);
        }
    }
}

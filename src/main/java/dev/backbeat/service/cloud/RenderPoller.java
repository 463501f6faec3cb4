package dev.backbeat.service.cloud;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.BackendException.Kind;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportProgress;

import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Asks the service how a render is doing until it is done, at the configured interval. A few
 * failed polls in a row are tolerated: the render goes on whether or not one poll got through.
 */
final class RenderPoller {
    private static final Logger LOG = Logger.getLogger(RenderPoller.class.getName());
    private static final int TOLERATED_FAILURES = 3;

    /** The render ended on the service without a file (failed or cancelled there): nothing left to resume. */
    static final class RenderEnded extends BackendException {
        RenderEnded(Kind kind, String message) {
            super(kind, message);
        }
    }

    private final NemoHttp http;
    private final CloudConfig config;

    RenderPoller(NemoHttp http, CloudConfig config) {
        this.http = http;
        this.config = config;
    }

    /** Counts one more failed poll, or gives up when it is not a passing trouble or there were too many. */
    private static int tolerate(String renderId, BackendException e, int failures) throws BackendException {
        boolean passing = e.kind() == Kind.NETWORK || e.kind() == Kind.SERVER || e.kind() == Kind.RATE_LIMITED;
        if (!passing || failures + 1 > TOLERATED_FAILURES) {
            throw e;
        }
        LOG.fine("poll of " + renderId + " failed (" + (failures + 1) + " in a row), trying again: " + e.getMessage());
        return failures + 1;
    }

    RenderStatus awaitDone(String renderId, Consumer<ExportProgress> progress, CancelToken cancel) throws BackendException {
        long deadline = System.nanoTime() + config.renderTimeout().toNanos();
        int failures = 0;
        while (true) {
            cancel.throwIfCancelled();
            RenderStatus status = null;
            try {
                status = RenderStatus.from(http.json(NemoCall.get(config.resolve("/api/render/proxy/lambda/" + renderId))
                        .withCancel(cancel)));
                failures = 0;
            } catch (BackendException e) {
                if (e instanceof NemoApiException api && api.httpStatus() == 404) {
                    // a render the service no longer knows would otherwise be polled forever by every resume
                    throw new RenderEnded(Kind.SERVER, "The service no longer knows this render (" + renderId
                            + "). Export again.");
                }
                failures = tolerate(renderId, e, failures);
            }
            if (status != null) {
                switch (status.state()) {
                    case COMPLETED -> {
                        progress.accept(new ExportProgress("Rendered in the cloud", 1.0, 0));
                        return status;
                    }
                    case FAILED -> throw new RenderEnded(Kind.SERVER, "The cloud render failed"
                            + (status.error().isBlank() ? "" : ": " + status.error()) + ". Try exporting again.");
                    case CANCELLED -> throw new RenderEnded(Kind.CANCELLED, "The render was cancelled on the service.");
                    case PENDING -> progress.accept(new ExportProgress("Waiting for a cloud renderer", 0, -1));
                    default -> progress.accept(new ExportProgress("Rendering in the cloud", status.progress(), -1));
                }
            }
            if (System.nanoTime() >= deadline) {
                throw new BackendException(Kind.NETWORK, "The render has not finished after "
                        + CloudConfig.spoken(config.renderTimeout()) + ". It is kept: run \"backbeat cloud resume\" "
                        + "or reopen the app later to pick it up.");
            }
            Pause.sleep(config.pollInterval(), cancel);
        }
    }
}

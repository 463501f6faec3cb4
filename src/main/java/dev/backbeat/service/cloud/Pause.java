package dev.backbeat.service.cloud;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A wait that ends early, with "Cancelled.", when the user cancels. */
final class Pause {
    private Pause() {
    }

    static void sleep(Duration d, CancelToken cancel) throws BackendException {
        CountDownLatch woken = new CountDownLatch(1);
        cancel.onCancel(woken::countDown);
        try {
            woken.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BackendException.cancelled();
        }
        cancel.throwIfCancelled();
    }
}

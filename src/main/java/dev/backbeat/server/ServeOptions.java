package dev.backbeat.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the server runs: where it listens, where it keeps its data, and its limits (tests shrink
 * them). {@code requestsPerSecond} refills each token's allowance of {@code burst} calls.
 */
public record ServeOptions(String bind, int port, Path dataDir, long maxUploadBytes, int burst,
                           double requestsPerSecond, int tokensPerHourPerAddress, Duration heartbeatEvery,
                           Duration tokenLifetime, int loadedSessions) {

    public static final long DEFAULT_MAX_UPLOAD = 500L * 1024 * 1024;

    public static ServeOptions defaults(Path dataDir) {
        return new ServeOptions("127.0.0.1", 8787, dataDir, DEFAULT_MAX_UPLOAD, 120, 20, 60,
                Duration.ofSeconds(10), Duration.ofDays(7), 4);
    }

    public ServeOptions withAddress(String bindAddress, int listenPort) {
        return new ServeOptions(bindAddress, listenPort, dataDir, maxUploadBytes, burst, requestsPerSecond,
                tokensPerHourPerAddress, heartbeatEvery, tokenLifetime, loadedSessions);
    }

    public ServeOptions withMaxUploadBytes(long v) {
        return new ServeOptions(bind, port, dataDir, v, burst, requestsPerSecond, tokensPerHourPerAddress,
                heartbeatEvery, tokenLifetime, loadedSessions);
    }

    public ServeOptions withRate(int burstCalls, double perSecond) {
        return new ServeOptions(bind, port, dataDir, maxUploadBytes, burstCalls, perSecond, tokensPerHourPerAddress,
                heartbeatEvery, tokenLifetime, loadedSessions);
    }

    public ServeOptions withHeartbeatEvery(Duration v) {
        return new ServeOptions(bind, port, dataDir, maxUploadBytes, burst, requestsPerSecond, tokensPerHourPerAddress,
                v, tokenLifetime, loadedSessions);
    }

    public ServeOptions withLoadedSessions(int v) {
        return new ServeOptions(bind, port, dataDir, maxUploadBytes, burst, requestsPerSecond, tokensPerHourPerAddress,
                heartbeatEvery, tokenLifetime, v);
    }
}

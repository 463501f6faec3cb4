package dev.backbeat.service;

/**
 * The user's settings. {@code apiBase} and {@code ffmpegPath} are empty for the defaults;
 * {@code pollSeconds} is how often a cloud render is polled.
 */
public record Settings(BackendKind backend, String apiBase, String ffmpegPath, int pollSeconds) {
    public static final String DEFAULT_API_BASE = "https://mega-api-prod.nemovideo.ai";

    public Settings {
        backend = backend == null ? BackendKind.LOCAL : backend;
        apiBase = apiBase == null ? "" : apiBase.trim();
        ffmpegPath = ffmpegPath == null ? "" : ffmpegPath.trim();
        pollSeconds = pollSeconds <= 0 ? 30 : pollSeconds;
    }

    public static Settings defaults() {
        return new Settings(BackendKind.LOCAL, "", "", 30);
    }

    public Settings withBackend(BackendKind kind) {
        return new Settings(kind, apiBase, ffmpegPath, pollSeconds);
    }
}

package dev.backbeat.service;

/**
 * The user's settings. {@code apiBase} and {@code ffmpegPath} are empty for the defaults;
 * {@code pollSeconds} is how often a cloud render is polled; {@code language} is "" (follow the
 * system), "en" or "zh-CN"; {@code theme} is "dark" (today's look, the default), "light" or "system".
 */
public record Settings(BackendKind backend, String apiBase, String ffmpegPath, int pollSeconds,
                       String language, String theme) {
    public static final String DEFAULT_API_BASE = "https://mega-api-prod.nemovideo.ai";

    public Settings {
        backend = backend == null ? BackendKind.LOCAL : backend;
        apiBase = apiBase == null ? "" : apiBase.trim();
        ffmpegPath = ffmpegPath == null ? "" : ffmpegPath.trim();
        pollSeconds = pollSeconds <= 0 ? 30 : pollSeconds;
        language = language == null ? "" : language.trim();
        theme = theme == null || theme.isBlank() ? "dark" : theme.trim();
    }

    public Settings(BackendKind backend, String apiBase, String ffmpegPath, int pollSeconds) {
        this(backend, apiBase, ffmpegPath, pollSeconds, "", "dark");
    }

    public static Settings defaults() {
        return new Settings(BackendKind.LOCAL, "", "", 30);
    }

    public Settings withBackend(BackendKind kind) {
        return new Settings(kind, apiBase, ffmpegPath, pollSeconds, language, theme);
    }

    /** Whether the change needs the back end rebuilt (language and theme do not). */
    public boolean sameBackendAs(Settings other) {
        return other != null && backend == other.backend && apiBase.equals(other.apiBase)
                && ffmpegPath.equals(other.ffmpegPath) && pollSeconds == other.pollSeconds;
    }
}

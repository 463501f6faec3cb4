package dev.backbeat.service.cloud;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything the cloud client can be told: where the service is, where this install keeps its
 * files, and every wait and timeout (tests shrink them to milliseconds).
 */
public record CloudConfig(URI apiBase, Path configDir, Optional<String> envToken, String language,
                          Duration connectTimeout, Duration callTimeout, Duration chatTimeout,
                          Duration stillWorkingEvery, Duration pollInterval, Duration renderTimeout,
                          Duration rateLimitWait, Duration retryDelay, Duration downloadStallTimeout,
                          String registerUrl) {

    public static final URI DEFAULT_BASE = URI.create("https://mega-api-prod.nemovideo.ai");
    /** The X-Skill-Platform word a desktop install sends; one place on purpose. */
    public static final String PLATFORM = "desktop";
    public static final String SKILL_SOURCE = "automatic-music-generator";
    /** The settings file in the config folder (plain key=value). */
    public static final String SETTINGS_FILE = "cloud.properties";
    static final String DEFAULT_REGISTER_URL = "https://www.nemovideo.ai/register";

    public CloudConfig {
        String base = apiBase.toString();
        apiBase = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        envToken = envToken.filter(t -> !t.isBlank());
    }

    /** The production defaults for a config folder, ignoring environment and settings. */
    public static CloudConfig defaults(Path configDir) {
        return new CloudConfig(DEFAULT_BASE, configDir, Optional.empty(), Locale.getDefault().getLanguage(),
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(15),
                Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMinutes(30),
                Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(60), DEFAULT_REGISTER_URL);
    }

    /** {@code $XDG_CONFIG_HOME/backbeat}, else {@code ~/.config/backbeat}. */
    public static Path defaultConfigDir(Map<String, String> env) {
        return dev.backbeat.service.UserFolders.of(env).config();
    }

    /**
     * Resolves the configuration the way a user expects: the command-line flag beats the
     * environment ({@code NEMO_API_BASE}, {@code NEMO_TOKEN}), which beats the settings file.
     */
    public static CloudConfig load(Map<String, String> env, Path configDir, String apiBaseFlag) throws IOException {
        Properties settings = new Properties();
        Path file = configDir.resolve(SETTINGS_FILE);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.load(r);
            }
        }
        CloudConfig c = defaults(configDir);
        String base = firstNonBlank(apiBaseFlag, env.get("NEMO_API_BASE"), settings.getProperty("api_base"));
        if (base != null) {
            c = c.withApiBase(URI.create(base));
        }
        String lang = settings.getProperty("language");
        if (lang != null && !lang.isBlank()) {
            c = c.withLanguage(lang.trim());
        }
        c = c.withPollInterval(seconds(settings, "poll_interval_seconds", c.pollInterval()))
                .withRateLimitWait(seconds(settings, "rate_limit_wait_seconds", c.rateLimitWait()));
        return c.withEnvToken(Optional.ofNullable(env.get("NEMO_TOKEN")));
    }

    private static Duration seconds(Properties p, String key, Duration fallback) {
        String v = p.getProperty(key);
        try {
            return v == null ? fallback : Duration.ofMillis(Math.round(Double.parseDouble(v.trim()) * 1000));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    public URI resolve(String path) {
        return URI.create(apiBase + path);
    }

    public CloudConfig withApiBase(URI v) {
        return new CloudConfig(v, configDir, envToken, language, connectTimeout, callTimeout, chatTimeout,
                stillWorkingEvery, pollInterval, renderTimeout, rateLimitWait, retryDelay, downloadStallTimeout, registerUrl);
    }

    public CloudConfig withEnvToken(Optional<String> v) {
        return new CloudConfig(apiBase, configDir, v, language, connectTimeout, callTimeout, chatTimeout,
                stillWorkingEvery, pollInterval, renderTimeout, rateLimitWait, retryDelay, downloadStallTimeout, registerUrl);
    }

    public CloudConfig withLanguage(String v) {
        return new CloudConfig(apiBase, configDir, envToken, v, connectTimeout, callTimeout, chatTimeout,
                stillWorkingEvery, pollInterval, renderTimeout, rateLimitWait, retryDelay, downloadStallTimeout, registerUrl);
    }

    public CloudConfig withTimeouts(Duration connect, Duration call, Duration chat, Duration downloadStall) {
        return new CloudConfig(apiBase, configDir, envToken, language, connect, call, chat,
                stillWorkingEvery, pollInterval, renderTimeout, rateLimitWait, retryDelay, downloadStall, registerUrl);
    }

    public CloudConfig withStillWorkingEvery(Duration v) {
        return new CloudConfig(apiBase, configDir, envToken, language, connectTimeout, callTimeout, chatTimeout,
                v, pollInterval, renderTimeout, rateLimitWait, retryDelay, downloadStallTimeout, registerUrl);
    }

    public CloudConfig withPollInterval(Duration v) {
        return new CloudConfig(apiBase, configDir, envToken, language, connectTimeout, callTimeout, chatTimeout,
                stillWorkingEvery, v, renderTimeout, rateLimitWait, retryDelay, downloadStallTimeout, registerUrl);
    }

    public CloudConfig withRenderTimeout(Duration v) {
        return new CloudConfig(apiBase, configDir, envToken, language, connectTimeout, callTimeout, chatTimeout,
                stillWorkingEvery, pollInterval, v, rateLimitWait, retryDelay, downloadStallTimeout, registerUrl);
    }

    public CloudConfig withRateLimitWait(Duration v) {
        return new CloudConfig(apiBase, configDir, envToken, language, connectTimeout, callTimeout, chatTimeout,
                stillWorkingEvery, pollInterval, renderTimeout, v, retryDelay, downloadStallTimeout, registerUrl);
    }

    public CloudConfig withRetryDelay(Duration v) {
        return new CloudConfig(apiBase, configDir, envToken, language, connectTimeout, callTimeout, chatTimeout,
                stillWorkingEvery, pollInterval, renderTimeout, rateLimitWait, v, downloadStallTimeout, registerUrl);
    }

    /** Words for a duration in messages: "15 minutes", "30 seconds", "200 ms". */
    static String spoken(Duration d) {
        if (d.toMinutes() >= 1 && d.toSecondsPart() == 0) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        if (d.getSeconds() >= 1) {
            return d.getSeconds() + (d.getSeconds() == 1 ? " second" : " seconds");
        }
        return d.toMillis() + " ms";
    }
}

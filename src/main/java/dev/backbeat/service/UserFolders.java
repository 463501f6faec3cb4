package dev.backbeat.service;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's folders by the XDG base-directory rules: settings, tokens and sessions under the
 * config home, state and logs under the state home, caches under the cache home, each falling
 * back to the folder under {@code $HOME} the specification names. {@code $HOME} is read from the
 * environment (a changed HOME must be followed); the JVM's {@code user.home} only when it is unset.
 */
public record UserFolders(Path config, Path state, Path cache) {

    public static UserFolders fromEnvironment() {
        return of(System.getenv());
    }

    public static UserFolders of(Map<String, String> env) {
        String home = env.get("HOME");
        Path h = Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
        Path config = pick(env, "BACKBEAT_CONFIG_DIR", null);
        if (config == null) {
            config = base(env, "XDG_CONFIG_HOME", h.resolve(".config")).resolve("backbeat");
        }
        return new UserFolders(config,
                base(env, "XDG_STATE_HOME", h.resolve(".local").resolve("state")).resolve("backbeat"),
                base(env, "XDG_CACHE_HOME", h.resolve(".cache")).resolve("backbeat"));
    }

    /** An XDG variable counts only when it holds an absolute path, as the specification says. */
    private static Path base(Map<String, String> env, String name, Path fallback) {
        Path p = pick(env, name, null);
        return p != null && p.isAbsolute() ? p : fallback;
    }

    private static Path pick(Map<String, String> env, String name, Path fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : Path.of(v);
    }
}

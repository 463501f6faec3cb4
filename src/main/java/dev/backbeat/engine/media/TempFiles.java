package dev.backbeat.engine.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Names every temporary file and folder the app makes, and every partial output it writes beside
 * a target, after the process that owns it ({@code backbeat-PID-what-…}, {@code .NAME.part-PID.mp4}),
 * so that a later start can tell what a killed process left from what a running one still uses
 * ({@link Leftovers}). Partial outputs are also listed in a registry folder (set once at start),
 * because they lie beside the user's files where no sweep looks.
 */
public final class TempFiles {
    static final String PREFIX = "backbeat-";
    private static final long PID = ProcessHandle.current().pid();
    private static volatile Path registry;
    /** Everything made here, removed when the JVM ends normally, by Ctrl+C or SIGTERM (a kill is the sweep's). */
    private static final java.util.Set<Path> MADE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::removeAll, "backbeat-remove-temp"));
    }

    private TempFiles() {
    }

    /** Where partial outputs are listed while they are written (the user's state folder); null: not listed. */
    public static void useRegistry(Path folder) {
        registry = folder;
    }

    static Path registry() {
        return registry;
    }

    /** A new temporary file in the system's temporary folder, owned by this process. */
    public static Path file(String what, String suffix) throws IOException {
        return made(Files.createTempFile(PREFIX + PID + "-" + what + "-", suffix));
    }

    /** A new temporary folder, owned by this process. */
    public static Path dir(String what) throws IOException {
        return made(Files.createTempDirectory(PREFIX + PID + "-" + what + "-"));
    }

    /** The hidden name a target is written under until it is complete: {@code .clip.mp4.part-PID.mp4}. */
    public static Path partialBeside(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part-" + PID + ".mp4");
    }

    /** Lists a partial output until {@link #finished} (or a later start's sweep) removes the entry. */
    public static void writing(Path partial) {
        MADE.add(partial);
        Path reg = registry;
        if (reg == null) {
            return;
        }
        try {
            Files.createDirectories(reg);
            Files.writeString(entry(reg, partial), partial.toAbsolutePath().toString(), StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // the sweep is a courtesy: an export never fails for want of it
        }
    }

    public static void finished(Path partial) {
        MADE.remove(partial);
        Path reg = registry;
        if (reg != null) {
            try {
                Files.deleteIfExists(entry(reg, partial));
            } catch (IOException ignored) {
                // swept at the next start
            }
        }
    }

    private static Path made(Path p) {
        MADE.add(p);
        return p;
    }

    private static void removeAll() {
        for (Path p : MADE) {
            try (java.util.stream.Stream<Path> walk = Files.walk(p)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException | RuntimeException ignored) {
                // gone already, or swept at the next start
            }
        }
    }

    private static Path entry(Path reg, Path partial) {
        String key = UUID.nameUUIDFromBytes(partial.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8)).toString();
        return reg.resolve(PID + "-" + key + ".partial");
    }
}

package dev.backbeat.engine.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes what earlier processes of ours left when they were killed: temporary files and folders
 * named after a process that no longer runs, and partial outputs listed in the registry. A file of
 * a process still running is never touched, nor any file whose name is not one of ours.
 */
public final class Leftovers {
    private static final Pattern OURS = Pattern.compile("backbeat-(\\d+)-[a-z-]+-.*");
    /** Names from versions before files carried their owner's pid: swept only once they are old. */
    private static final Pattern OLD_STYLE = Pattern.compile(
            "backbeat-(clip-sound|thumb|job|rehearsal-|title|sound-)[0-9A-Za-z_-]*(\\.f32|\\.jpg|\\.png|\\.pcm)?");
    /** Hidden partial outputs: an export's ".trip.mp4.part-PID.mp4", a download's ".harbour.mp4.part-PID". */
    private static final Pattern PARTIAL = Pattern.compile("\\..+\\.part-(\\d+)(\\.mp4)?");
    private static final Duration OLD_STYLE_AGE = Duration.ofHours(6);

    /** What a sweep removed. */
    public record Swept(int entries, long bytes) {
    }

    private Leftovers() {
    }

    public static Swept sweep(Path tempDir, Path registry) {
        long[] bytes = {0};
        int[] entries = {0};
        try (Stream<Path> list = Files.list(tempDir)) {
            list.forEach(p -> {
                if (stale(p)) {
                    bytes[0] += deleteTree(p);
                    entries[0]++;
                }
            });
        } catch (IOException | RuntimeException ignored) {
            // nothing to sweep
        }
        if (registry != null && Files.isDirectory(registry)) {
            try (Stream<Path> list = Files.list(registry)) {
                for (Path entry : list.toList()) {
                    Optional<Long> pid = pidOf(entry.getFileName().toString(), Pattern.compile("(\\d+)-.*\\.partial"));
                    if (pid.isEmpty() || running(pid.get(), modified(entry))) {
                        continue;
                    }
                    Path partial = Path.of(Files.readString(entry, StandardCharsets.UTF_8).trim());
                    Matcher m = PARTIAL.matcher(partial.getFileName().toString());
                    if (m.matches() && Long.parseLong(m.group(1)) == pid.get() && Files.isRegularFile(partial)) {
                        bytes[0] += size(partial);
                        Files.deleteIfExists(partial);
                        entries[0]++;
                    }
                    Files.deleteIfExists(entry);
                }
            } catch (IOException | RuntimeException ignored) {
                // the rest waits for the next start
            }
        }
        return new Swept(entries[0], bytes[0]);
    }

    private static boolean stale(Path p) {
        String name = p.getFileName().toString();
        Matcher m = OURS.matcher(name);
        if (m.matches()) {
            return !running(Long.parseLong(m.group(1)), modified(p));
        }
        if (OLD_STYLE.matcher(name).matches()) {
            return modified(p).toInstant().isBefore(Instant.now().minus(OLD_STYLE_AGE));
        }
        return false;
    }

    /**
     * Whether the process that made a file runs still: a live process with that pid that started
     * before the file was last written (a pid taken again by a newer process does not count).
     */
    static boolean running(long pid, FileTime written) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = h.get().info().startInstant();
        return started.isEmpty() || !started.get().isAfter(written.toInstant().plusSeconds(1));
    }

    private static Optional<Long> pidOf(String name, Pattern p) {
        Matcher m = p.matcher(name);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.from(Instant.now());
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long deleteTree(Path root) {
        long total = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                total += Files.isRegularFile(p) ? size(p) : 0;
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException ignored) {
            // what is left goes next time
        }
        return total;
    }
}

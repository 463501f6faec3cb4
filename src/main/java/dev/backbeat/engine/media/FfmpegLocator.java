package dev.backbeat.engine.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Finds ffmpeg and ffprobe. An explicit path (constructor or env {@code BACKBEAT_FFMPEG}) wins;
 * otherwise the executables and libraries bundled in the org.bytedeco:ffmpeg jar are copied once
 * into a private cache folder. JavaCPP's Loader is not used: it needs libpulse in the JVM. The
 * bundled libraries ask for sonames the jar does not ship (libva.so.2 is shipped as libva.so), so
 * the cache folder gets those links and the tools run with LD_LIBRARY_PATH pointing at it.
 */
public final class FfmpegLocator {

    public static final String ENV_OVERRIDE = "BACKBEAT_FFMPEG";
    private static final String RESOURCE_DIR = "org/bytedeco/ffmpeg/linux-x86_64-gpl/";
    private static final String COMPLETE_MARKER = ".complete";

    private final Path override;
    private final Path cacheRoot;

    /** Uses env {@code BACKBEAT_FFMPEG} if set, else the bundled build cached under ~/.cache/backbeat/ffmpeg. */
    public FfmpegLocator() {
        this(envOverride(), defaultCacheRoot());
    }

    /** @param override an ffmpeg executable (ffprobe beside it), or null for the bundled one */
    public FfmpegLocator(Path override, Path cacheRoot) {
        this.override = override;
        this.cacheRoot = cacheRoot;
    }

    private static Path envOverride() {
        String env = System.getenv(ENV_OVERRIDE);
        return env == null || env.isBlank() ? null : Path.of(env);
    }

    static Path defaultCacheRoot() {
        // XDG rules: an absolute XDG_CACHE_HOME, else $HOME/.cache (HOME from the environment, as a user changes it)
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getenv("HOME");
        Path h = Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : h.resolve(".cache");
        return base.resolve("backbeat").resolve("ffmpeg");
    }

    public Ffmpeg locate() throws MediaException {
        if (override != null) {
            Path probe = override.resolveSibling("ffprobe");
            if (!Files.isExecutable(override) || !Files.isExecutable(probe)) {
                throw new MediaException(MediaException.Kind.FFMPEG_MISSING, "FFmpeg was set to " + override
                        + " but it (or ffprobe beside it) is not an executable file. Fix the path in "
                        + ENV_OVERRIDE + " or the settings, or clear it to use the bundled FFmpeg.");
            }
            return new Ffmpeg(override, probe, Map.of());
        }
        Path dir = bundledFolder();
        String libPath = dir.toString();
        String existing = System.getenv("LD_LIBRARY_PATH");
        if (existing != null && !existing.isBlank()) {
            libPath = libPath + ":" + existing;
        }
        return new Ffmpeg(dir.resolve("ffmpeg"), dir.resolve("ffprobe"), Map.of("LD_LIBRARY_PATH", libPath));
    }

    private Path bundledFolder() throws MediaException {
        URL exe = FfmpegLocator.class.getClassLoader().getResource(RESOURCE_DIR + "ffmpeg");
        if (exe == null) {
            throw new MediaException(MediaException.Kind.FFMPEG_MISSING, "The bundled FFmpeg for Linux x86-64 is not"
                    + " in this build. Set " + ENV_OVERRIDE + " to an ffmpeg executable.");
        }
        try {
            List<String> names = listBundled(exe);
            Path dir = cacheRoot.resolve(contentKey(exe));
            if (Files.exists(dir.resolve(COMPLETE_MARKER))) {
                return dir;
            }
            extract(names, dir);
            return dir;
        } catch (IOException | URISyntaxException e) {
            throw new MediaException(MediaException.Kind.FFMPEG_MISSING, "The bundled FFmpeg could not be unpacked into "
                    + cacheRoot + " (" + e.getMessage() + "). Check that the folder is writable and the disk"
                    + " is not full, or set " + ENV_OVERRIDE + ".", e);
        }
    }

    /** Names the cache folder after the executable's checksum, so a new FFmpeg version gets a new folder. */
    private static String contentKey(URL exe) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = exe.openStream()) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
            }
        }
        return "linux-x86_64-gpl-" + Long.toHexString(crc.getValue());
    }

    /** The executables and shared libraries next to the bundled ffmpeg, read from a jar or a folder. */
    private static List<String> listBundled(URL exe) throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        if ("jar".equals(exe.getProtocol())) {
            JarURLConnection conn = (JarURLConnection) exe.openConnection();
            conn.setUseCaches(false);
            try (JarFile jar = conn.getJarFile()) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.startsWith(RESOURCE_DIR) && name.indexOf('/', RESOURCE_DIR.length()) < 0) {
                        names.add(name.substring(RESOURCE_DIR.length()));
                    }
                }
            }
        } else {
            try (Stream<Path> files = Files.list(Path.of(exe.toURI()).getParent())) {
                files.forEach(p -> names.add(p.getFileName().toString()));
            }
        }
        // The JNI glue libraries are for JavaCPP only; the executables do not need them.
        names.removeIf(n -> n.isEmpty() || n.startsWith("libjni")
                || !(n.equals("ffmpeg") || n.equals("ffprobe") || n.contains(".so")));
        return names;
    }

    /** Extracts into a private temp folder, then renames it into place, so racing processes never see half a folder. */
    private static void extract(List<String> names, Path dir) throws IOException {
        Files.createDirectories(dir.getParent());
        Path tmp = Files.createTempDirectory(dir.getParent(), ".extract-");
        try {
            ClassLoader loader = FfmpegLocator.class.getClassLoader();
            for (String name : names) {
                try (InputStream in = loader.getResourceAsStream(RESOURCE_DIR + name)) {
                    if (in == null) {
                        throw new IOException("missing resource " + name);
                    }
                    Files.copy(in, tmp.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            tmp.resolve("ffmpeg").toFile().setExecutable(true, true);
            tmp.resolve("ffprobe").toFile().setExecutable(true, true);
            SonameLinks.create(tmp);
            StandInLibraries.fill(tmp);
            Files.createFile(tmp.resolve(COMPLETE_MARKER));
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.exists(dir.resolve(COMPLETE_MARKER))) {
                    throw raced;
                }
            }
        } finally {
            deleteTree(tmp);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temp folder is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}

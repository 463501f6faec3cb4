package dev.backbeat.engine.media;

import dev.backbeat.engine.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class StandInLibrariesTest {

    /** A bundled library no Debian 12 package provides under this soname. */
    private static final String HELD_BACK = "libpostproc.so.58";

    @TempDir
    Path dir;

    @Test
    void ffmpegDecodesWithTheStandInsInPlaceOfPulseAlsaAndXcb() throws Exception {
        Path stubs = Files.createDirectory(dir.resolve("stubs"));
        for (String lib : List.of("libpulse.so.0", "libasound.so.2", "libxcb.so.1", "libxcb-shm.so.0")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("dev/backbeat/engine/media/stubs/" + lib)) {
                Files.copy(in, stubs.resolve(lib));
            }
        }
        Ffmpeg ffmpeg = Fixtures.ffmpeg();
        ProcessBuilder pb = new ProcessBuilder(ffmpeg.ffmpeg().toString(), "-hide_banner", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=s=160x90:d=1", "-f", "null", "-").redirectErrorStream(true);
        pb.environment().put("LD_LIBRARY_PATH", stubs + ":" + ffmpeg.ffmpeg().getParent());
        pb.environment().put("LD_DEBUG", "libs");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains(stubs.resolve("libpulse.so.0").toString()), "the stand-in was the one loaded");
    }

    @Test
    void aMissingLibraryIsNamed() throws Exception {
        Path bundled = Fixtures.ffmpeg().ffmpeg().getParent();
        Path copy = Files.createDirectory(dir.resolve("copy"));
        try (var files = Files.list(bundled)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.equals(HELD_BACK)) {
                    continue;
                }
                if (Files.isSymbolicLink(f)) {
                    Files.createSymbolicLink(copy.resolve(name), Files.readSymbolicLink(f));
                } else {
                    Files.copy(f, copy.resolve(name), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        assertTrue(!Files.exists(copy.resolve(HELD_BACK), LinkOption.NOFOLLOW_LINKS));
        assertEquals(HELD_BACK, StandInLibraries.missingLibrary(copy));
        Files.copy(bundled.resolve(HELD_BACK), copy.resolve(HELD_BACK));
        assertEquals(null, StandInLibraries.missingLibrary(copy));
    }
}

package dev.backbeat.engine.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled libavdevice links against PulseAudio, ALSA and XCB for capture devices Backbeat
 * never opens; on a machine without those packages ffmpeg would not even start. When a trial run
 * names such a missing library, a do-nothing stand-in (built by src/main/native/ffmpeg-stubs) is
 * put beside the bundled libraries. A library the machine has is never shadowed.
 */
final class StandInLibraries {

    private static final String RESOURCE_DIR = "dev/backbeat/engine/media/stubs/";
    private static final Pattern MISSING = Pattern.compile("error while loading shared libraries: ([^:\\s]+)");
    private static final int MAX_ROUNDS = 6;

    private StandInLibraries() {
    }

    /** Runs {@code dir/ffmpeg -version} until it starts, adding stand-ins for what it misses. */
    static void fill(Path dir) throws IOException {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String missing = missingLibrary(dir);
            if (missing == null) {
                return;
            }
            try (InputStream stub = StandInLibraries.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + missing)) {
                if (stub == null) {
                    throw new IOException("the bundled FFmpeg needs " + missing + ", which this machine does not have");
                }
                Files.copy(stub, dir.resolve(missing));
            }
        }
    }

    /** The library the dynamic loader could not find, or null if ffmpeg started. */
    static String missingLibrary(Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(dir.resolve("ffmpeg").toString(), "-hide_banner", "-version")
                .redirectErrorStream(true);
        pb.environment().put("LD_LIBRARY_PATH", dir.toString());
        Process p = pb.start();
        try {
            // -version prints a few lines, well under a pipe's buffer, so waiting first cannot block
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("ffmpeg -version did not finish");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() == 0) {
            return null;
        }
        Matcher m = MISSING.matcher(output);
        if (m.find()) {
            return m.group(1);
        }
        throw new IOException("ffmpeg does not start: " + output.strip());
    }
}

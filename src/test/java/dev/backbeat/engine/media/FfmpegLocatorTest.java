package dev.backbeat.engine.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(120)
class FfmpegLocatorTest {

    @TempDir
    Path cache;

    @Test
    void twoRacingLocatorsUnpackOneWorkingFfmpegWithTheMissingSonameLinks() throws Exception {
        Callable<Ffmpeg> locate = () -> new FfmpegLocator(null, cache).locate();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Ffmpeg>> both = pool.invokeAll(List.of(locate, locate));
            Ffmpeg a = both.get(0).get();
            Ffmpeg b = both.get(1).get();
            assertEquals(a.ffmpeg(), b.ffmpeg());
            Path dir = a.ffmpeg().getParent();
            assertTrue(Files.isSymbolicLink(dir.resolve("libva.so.2")), "libva.so.2 link");
            assertTrue(Files.isSymbolicLink(dir.resolve("libva-drm.so.2")), "libva-drm.so.2 link");
            try (var left = Files.list(cache)) {
                assertEquals(1, left.count(), "no temp folder left behind");
            }
            FfmpegRunner.Result r = new FfmpegRunner(a).run(Ffmpeg.Tool.FFMPEG, List.of("-hide_banner", "-version"), 30);
            assertEquals(0, r.exitCode(), r.stderrText());
            assertTrue(r.stdout().startsWith("ffmpeg version"), r.stdout());
            FfmpegRunner.Result p = new FfmpegRunner(a).run(Ffmpeg.Tool.FFPROBE, List.of("-hide_banner", "-version"), 30);
            assertEquals(0, p.exitCode(), p.stderrText());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBrokenOverrideIsReportedNotUsed() {
        MediaException e = assertThrows(MediaException.class,
                () -> new FfmpegLocator(cache.resolve("no/such/ffmpeg"), cache).locate());
        assertEquals(MediaException.Kind.FFMPEG_MISSING, e.kind());
        assertTrue(e.getMessage().contains(FfmpegLocator.ENV_OVERRIDE), e.getMessage());
    }

    @Test
    void aWorkingOverrideWinsOverTheBundledFfmpeg() throws Exception {
        Path bin = java.nio.file.Files.createDirectories(cache.resolve("my ffmpeg"));
        for (String tool : List.of("ffmpeg", "ffprobe")) {
            Path script = bin.resolve(tool);
            Files.writeString(script, "#!/bin/sh\necho custom\n");
            script.toFile().setExecutable(true);
        }
        Ffmpeg located = new FfmpegLocator(bin.resolve("ffmpeg"), cache.resolve("unused")).locate();
        assertEquals(bin.resolve("ffprobe"), located.ffprobe());
        assertTrue(Files.notExists(cache.resolve("unused")), "nothing unpacked");
        FfmpegRunner.Result r = new FfmpegRunner(located).run(Ffmpeg.Tool.FFPROBE, List.of(), 10);
        assertEquals("custom", r.stdout().strip());
    }

    @Test
    void sonameIsReadFromTheLibrary() {
        byte[] fake = "\u007fELF....libva.so.2\u0000libc.so.6\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("libva.so.2", SonameLinks.findSoname(fake, "libva.so"));
        assertEquals(null, SonameLinks.findSoname(fake, "libdrm.so"));
    }
}

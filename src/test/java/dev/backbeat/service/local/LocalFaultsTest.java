package dev.backbeat.service.local;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input and places that cannot take the result: each gets a clear message, and nothing is left behind. */
class LocalFaultsTest {
    @TempDir
    static Path dir;
    static Path clip;
    static LocalBackend backend;
    static Path small;

    @BeforeAll
    static void setUp() throws Exception {
        clip = Fixtures.make(dir.resolve("clip.mp4"), "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30:d=3",
                "-f", "lavfi", "-i", "sine=f=330:d=3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest");
        backend = new LocalBackend(new FfmpegSource(null));
        backend.upload(List.of(clip), (n, f) -> { }, CancelToken.none());
        small = Files.createDirectories(dir.resolve("small"));
    }

    @AfterAll
    static void unmount() throws Exception {
        new ProcessBuilder("umount", small.toString()).start().waitFor();
    }

    private static boolean mount(String options) throws Exception {
        new ProcessBuilder("umount", small.toString()).start().waitFor();
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        return p.waitFor() == 0;
    }

    private static BackendException uploadFails(Path file) {
        LocalBackend fresh = new LocalBackend(new FfmpegSource(null));
        return assertThrows(BackendException.class, () -> fresh.upload(List.of(file), (n, f) -> { }, CancelToken.none()));
    }

    @Test
    void aTextFileNamedMp4IsRefusedInWords() throws Exception {
        Path fake = Files.writeString(dir.resolve("notes.mp4"), "this is not a video, just some notes\n".repeat(50));
        BackendException e = uploadFails(fake);
        assertEquals(BackendException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("notes.mp4"), e.getMessage());
    }

    @Test
    void anEmptyFileIsRefusedInWords() throws Exception {
        BackendException e = uploadFails(Files.createFile(dir.resolve("empty.mov")));
        assertEquals(BackendException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("empty (0 bytes)"), e.getMessage());
    }

    @Test
    void a501MegabyteFileIsRefusedBeforeAnyWork() throws Exception {
        Path big = dir.resolve("huge.mp4");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(501L * 1024 * 1024); // sparse: takes no disk
        }
        BackendException e = uploadFails(big);
        assertEquals(BackendException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("501 MB; the limit is 500 MB"), e.getMessage());
    }

    @Test
    void aFullDiskSaysSoAndLeavesNothing() throws Exception {
        Assumptions.assumeTrue(mount("size=256k"), "needs root to mount a small tmpfs");
        Path out = small.resolve("out.mp4");
        BackendException e = assertThrows(BackendException.class,
                () -> backend.exportTo(new ExportRequest(out, "16:9", -14), null, p -> { }, CancelToken.none()));
        assertEquals(BackendException.Kind.OUTPUT, e.kind());
        assertTrue(e.getMessage().contains("disk is full"), e.getMessage());
        try (Stream<Path> left = Files.list(small)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aReadOnlyFolderIsRefusedInWords() throws Exception {
        Assumptions.assumeTrue(mount("ro,size=1m"), "needs root to mount a read-only tmpfs");
        BackendException e = assertThrows(BackendException.class, () -> backend.exportTo(
                new ExportRequest(small.resolve("out.mp4"), "16:9", -14), null, p -> { }, CancelToken.none()));
        assertEquals(BackendException.Kind.OUTPUT, e.kind());
        assertTrue(e.getMessage().contains("cannot write into"), e.getMessage());
    }
}

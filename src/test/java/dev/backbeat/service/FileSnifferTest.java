package dev.backbeat.service;

import dev.backbeat.engine.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file is what its bytes say: each format made by FFmpeg and then renamed is still found out. */
class FileSnifferTest {

    @Test
    void picturesAreKnownWhateverTheirName(@TempDir Path dir) throws Exception {
        String[][] made = {{"jpg", "JPEG"}, {"png", "PNG"}, {"gif", "GIF"}, {"webp", "WebP"}};
        for (String[] m : made) {
            Path f = Fixtures.make(dir.resolve("p." + m[0]), "-f", "lavfi", "-i", "color=c=red:s=64x64", "-frames:v", "1");
            Path renamed = Files.move(f, dir.resolve(m[0] + "-renamed.mp4"));
            FileSniffer.Sniffed s = FileSniffer.sniff(renamed);
            assertEquals(FileSniffer.Kind.IMAGE, s.kind(), m[0]);
            assertEquals(m[1], s.format());
            assertTrue(MediaRules.isImage(renamed), m[0]);
        }
    }

    @Test
    void videosAndSoundAreNotPictures(@TempDir Path dir) throws Exception {
        Path mp4 = Fixtures.make(dir.resolve("v.mp4"), "-f", "lavfi", "-i", "testsrc2=s=64x64:d=0.2", "-c:v", "libx264",
                "-pix_fmt", "yuv420p");
        Path asJpg = Files.move(mp4, dir.resolve("not-a-photo.jpg"));
        assertEquals(FileSniffer.Kind.VIDEO, FileSniffer.sniff(asJpg).kind());
        assertFalse(MediaRules.isImage(asJpg));
        Path mkv = Fixtures.make(dir.resolve("v.webm"), "-f", "lavfi", "-i", "testsrc2=s=64x64:d=0.2", "-c:v", "libvpx-vp9");
        assertEquals(FileSniffer.Kind.VIDEO, FileSniffer.sniff(mkv).kind());
        Path wav = Fixtures.make(dir.resolve("a.wav"), "-f", "lavfi", "-i", "sine=d=0.2");
        assertEquals(FileSniffer.Kind.AUDIO, FileSniffer.sniff(wav).kind());
        Path text = Files.writeString(dir.resolve("notes.png"), "hello");
        assertEquals(FileSniffer.Kind.UNKNOWN, FileSniffer.sniff(text).kind());
    }

    @Test
    void theLocalEngineAcceptsPhotosAndNamesThemWhenRefusing(@TempDir Path dir) throws Exception {
        Path doc = Files.writeString(dir.resolve("letter.docx"), "x");
        String said = MediaRules.problemWith(doc, MediaRules.VIDEO_AND_IMAGE_EXTENSIONS).orElseThrow();
        assertTrue(said.contains("JPG") && said.contains("PNG") && said.contains("WEBP") && said.contains("MP4"), said);
        Path jpeg = Files.write(dir.resolve("a.jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0});
        assertTrue(MediaRules.problemWith(jpeg, MediaRules.VIDEO_AND_IMAGE_EXTENSIONS).isEmpty());
    }
}

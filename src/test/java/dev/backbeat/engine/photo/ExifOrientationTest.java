package dev.backbeat.engine.photo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExifOrientationTest {

    @Test
    void readsTheTagAndTurnsBack(@TempDir Path dir) throws Exception {
        assertEquals(6, ExifOrientation.of(StillPictures.rotatedJpeg(dir.resolve("r.jpg"))));
        for (int o = 1; o <= 8; o++) {
            byte[] seg = StillPictures.exifOrientation(o);
            assertEquals(o, ExifOrientation.fromExif(java.util.Arrays.copyOfRange(seg, 4, seg.length)));
        }
        assertEquals("transpose=1", ExifOrientation.uprightFilter(6));
        assertEquals("", ExifOrientation.uprightFilter(1));
    }

    @Test
    void noTagOrNoJpegIsUpright(@TempDir Path dir) throws Exception {
        assertEquals(1, ExifOrientation.of(Files.write(dir.resolve("x.jpg"), new byte[] {1, 2, 3})));
        assertEquals(1, ExifOrientation.of(Files.write(dir.resolve("y.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8,
                (byte) 0xFF, (byte) 0xDA, 0, 2})));
    }
}

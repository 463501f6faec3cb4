package dev.backbeat.engine.photo;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.service.FileSniffer;
import dev.backbeat.service.MediaRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Phones' HEIC and AVIF photos are photos like any other. The fixtures are one 320×240 frame of
 * FFmpeg's testsrc2 (bars.png), saved by ImageMagick 6 with libheif: {@code convert bars.png
 * -quality 60 bars.heic} and {@code … bars.avif}.
 */
class HeifPhotosTest {
    @TempDir
    Path dir;

    private Path copy(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = HeifPhotosTest.class.getResourceAsStream("/dev/backbeat/engine/photo/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void heicAndAvifAreReadAndDrawnLikeTheOriginal() throws Exception {
        BufferedImage original = javax.imageio.ImageIO.read(copy("bars.png").toFile());
        for (String name : new String[] {"bars.heic", "bars.avif"}) {
            Path photo = copy(name);
            assertEquals(FileSniffer.Kind.IMAGE, FileSniffer.sniff(photo).kind(), name);
            assertTrue(MediaRules.isImage(photo) && MediaRules.problemWith(photo, MediaRules.VIDEO_AND_IMAGE_EXTENSIONS).isEmpty());
            // named as something else, it is still told by its bytes
            Path renamed = Files.copy(photo, dir.resolve(name + ".mp4"));
            assertTrue(MediaRules.isImage(renamed), "a " + name + " named .mp4 is a photo");

            Still s = new StillProbe(Fixtures.runner()).probe(photo);
            assertEquals(320, s.width());
            assertEquals(240, s.height());
            assertEquals(1, s.orientation());
            Path drawn = dir.resolve(name + ".png");
            new StillCanvas(Fixtures.runner()).draw(s, 320, 240, StillFit.CROP, 1.0, drawn, new Cancellation());
            BufferedImage img = javax.imageio.ImageIO.read(drawn.toFile());
            double diff = 0;
            for (int y = 0; y < 240; y += 4) {
                for (int x = 0; x < 320; x += 4) {
                    int a = original.getRGB(x, y);
                    int b = img.getRGB(x, y);
                    for (int sh = 0; sh <= 16; sh += 8) {
                        diff += Math.abs(((a >> sh) & 255) - ((b >> sh) & 255));
                    }
                }
            }
            diff /= 80 * 60 * 3;
            assertTrue(diff < 20, name + " drawn like the original: mean difference " + diff);
        }
    }

    @Test
    void aRotationInTheContainerTurnsThePhotoUpright() {
        com.google.gson.JsonObject stream = com.google.gson.JsonParser.parseString(
                "{\"side_data_list\":[{\"side_data_type\":\"Display Matrix\",\"rotation\":-90}]}").getAsJsonObject();
        assertEquals(6, StillProbe.fromRotation(stream), "shown turned 90° clockwise: EXIF 6");
        assertEquals(8, StillProbe.fromRotation(com.google.gson.JsonParser.parseString(
                "{\"side_data_list\":[{\"rotation\":90}]}").getAsJsonObject()));
        assertEquals(3, StillProbe.fromRotation(com.google.gson.JsonParser.parseString(
                "{\"side_data_list\":[{\"rotation\":180}]}").getAsJsonObject()));
        assertEquals(1, StillProbe.fromRotation(new com.google.gson.JsonObject()));
    }
}

package dev.backbeat.engine.mix;

import dev.backbeat.engine.media.ClipInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the picture can be copied untouched, and the frame it gets otherwise. */
class FramePlanTest {

    private static ClipInfo clip(String codec, int w, int h, int rotation, String pixels) {
        return new ClipInfo(Path.of("c.mp4"), "mov,mp4", 10, codec, w, h, rotation, 30, 30, false, 300,
                true, "aac", 48000, 2, pixels);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            H.264 1080p landscape           | h264 | 1920 | 1080 | 0  | yuv420p     | auto | false | true  | 1920 | 1080 | video copied untouched
            H.264 720p landscape            | h264 | 1280 | 720  | 0  | yuv420p     | 16:9 | false | true  | 1280 | 720  | video copied untouched
            H.264 full-range phone          | h264 | 1080 | 1920 | 0  | yuvj420p    | auto | false | true  | 1080 | 1920 | video copied untouched
            HEVC                            | hevc | 1920 | 1080 | 0  | yuv420p     | auto | false | false | 1920 | 1080 | re-encoded: the clip is HEVC
            10-bit H.264                    | h264 | 1920 | 1080 | 0  | yuv420p10le | auto | false | false | 1920 | 1080 | re-encoded: the clip's yuv420p10le
            4:4:4 H.264                     | h264 | 1920 | 1080 | 0  | yuv444p     | auto | false | false | 1920 | 1080 | re-encoded: the clip's yuv444p
            with a title                    | h264 | 1920 | 1080 | 0  | yuv420p     | auto | true  | false | 1920 | 1080 | re-encoded: titles
            stored rotated                  | h264 | 1920 | 1080 | 90 | yuv420p     | auto | false | false | 1080 | 1920 | re-encoded: the clip is stored rotated
            landscape made vertical         | h264 | 1920 | 1080 | 0  | yuv420p     | 9:16 | false | false | 1080 | 1920 | re-encoded: 1920×1080 reframed to 9:16
            4K scaled down                  | h264 | 3840 | 2160 | 0  | yuv420p     | auto | false | false | 1920 | 1080 | re-encoded: 3840×2160 scaled down
            square                          | h264 | 1080 | 1080 | 0  | yuv420p     | auto | false | true  | 1080 | 1080 | video copied untouched
            """)
    void plans(String name, String codec, int w, int h, int rotation, String pixels, String aspect, boolean titles,
               boolean copy, int outW, int outH, String reason) {
        ClipInfo c = clip(codec, w, h, rotation, pixels);
        FramePlan p = FramePlan.of(c, FramePlan.resolveAspect(aspect, c), titles);
        assertEquals(copy, p.copy(), p.reason());
        assertEquals(outW, p.width());
        assertEquals(outH, p.height());
        assertTrue(p.reason().startsWith(reason), p.reason());
    }
}

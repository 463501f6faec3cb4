package dev.backbeat.server;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SafePathsTest {

    @Test
    void plainAddressesSplitIntoSegments() throws ApiError {
        assertEquals(List.of("api", "render", "proxy", "render_1", "download"), SafePaths.segments("/api/render/proxy/render_1/download"));
        assertEquals(List.of("run_sse"), SafePaths.segments("/run_sse/"));
    }

    @Test
    void anythingThatCouldClimbOutIsRefused() {
        for (String bad : List.of("/api/../x", "/api/%2e%2e/x", "/api/..%2fx", "/api//etc", "/api/a\\b", "/api/.", "/api/x%00",
                "relative", "/api/a..b", "/api/%252e%252e", "/api/ü")) {
            assertThrows(ApiError.class, () -> SafePaths.segments(bad), bad);
        }
    }

    @Test
    void storedNamesStayInTheirFolder() {
        assertEquals("escape.mp4", SafePaths.storedName("../../escape.mp4"));
        assertEquals("evil.mp4", SafePaths.storedName("C:\\Users\\x\\..\\evil.mp4"));
        assertEquals("hidden.mp4", SafePaths.storedName(".hidden.mp4"));
        assertEquals("a_b.mp4", SafePaths.storedName("a b.mp4"));
        assertEquals("upload", SafePaths.storedName(".."));
    }
}

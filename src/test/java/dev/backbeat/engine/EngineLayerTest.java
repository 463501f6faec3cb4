package dev.backbeat.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine sits below the service layer and knows nothing of JavaFX: a plain scan of its imports. */
class EngineLayerTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import\\s+(static\\s+)?(javafx\\.|dev\\.backbeat\\.(service|ui|app|cli)\\b)", Pattern.MULTILINE);

    @Test
    void engineImportsNoServiceUiAppCliOrJavaFx() throws IOException {
        Path engine = Path.of("src/main/java/dev/backbeat/engine");
        assertTrue(Files.isDirectory(engine), "run from the project folder");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(engine)) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return FORBIDDEN.matcher(Files.readString(f)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders);
    }
}

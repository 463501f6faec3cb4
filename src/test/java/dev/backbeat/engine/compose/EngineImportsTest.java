package dev.backbeat.engine.compose;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The engine stays plain Java: no service layer, no JavaFX, no JDK internals at compile time. */
class EngineImportsTest {

    @Test
    void composeAndSynthImportNeitherServiceNorJavaFx() throws IOException {
        List<String> bad;
        try (Stream<Path> files = Stream.concat(
                Files.walk(Path.of("src/main/java/dev/backbeat/engine/compose")),
                Files.walk(Path.of("src/main/java/dev/backbeat/engine/synth")))) {
            bad = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream()
                            .filter(l -> l.startsWith("import "))
                            .filter(l -> l.contains("dev.backbeat.service") || l.contains("javafx.")
                                    || l.contains("com.sun.media.sound"))
                            .map(l -> f.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), bad);
    }
}

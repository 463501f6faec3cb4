package dev.backbeat.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the layers' arrows pointing one way (see STYLE.md): app → ui → service → engine,
 * everything → draft. A plain scan of the import lines of the main sources.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/backbeat");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    private record Source(Path file, String pkg, List<String> imports) {
    }

    private static List<Source> sources() throws IOException {
        List<Source> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Matcher pm = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE).matcher(text);
                String pkg = pm.find() ? pm.group(1) : "";
                List<String> imports = new ArrayList<>();
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    imports.add(m.group(1));
                }
                // fully qualified uses in code count as much as imports
                Matcher q = Pattern.compile("\\b(javafx\\.[a-z]+\\.[A-Za-z.]+|dev\\.backbeat\\.[a-z.]+[A-Z]\\w*)").matcher(
                        text.replaceAll("(?m)^(package|import) .*$", ""));
                while (q.find()) {
                    imports.add(q.group(1));
                }
                out.add(new Source(f, pkg, imports));
            }
        }
        return out;
    }

    private static List<String> violations(java.util.function.Predicate<String> inPackage,
                                           java.util.function.Predicate<String> forbidden) throws IOException {
        List<String> bad = new ArrayList<>();
        for (Source s : sources()) {
            if (!inPackage.test(s.pkg())) {
                continue;
            }
            for (String imp : s.imports()) {
                if (forbidden.test(imp)) {
                    bad.add(MAIN.relativize(s.file()) + " uses " + imp);
                }
            }
        }
        return bad;
    }

    @Test
    void theScanSeesTheSources() throws IOException {
        List<Source> all = sources();
        assertTrue(all.size() > 20, "found only " + all.size() + " sources");
        assertTrue(all.stream().anyMatch(s -> s.pkg().equals("dev.backbeat.draft")));
        assertTrue(all.stream().anyMatch(s -> s.imports().stream().anyMatch(i -> i.startsWith("javafx."))),
                "the scan must see JavaFX imports somewhere (in the ui)");
    }

    @Test
    void draftImportsNothingOfOurs() throws IOException {
        assertEquals(List.of(), violations(p -> p.startsWith("dev.backbeat.draft"),
                i -> i.startsWith("dev.backbeat.") && !i.startsWith("dev.backbeat.draft")));
    }

    @Test
    void draftHasNoJavaFxNoHttpNoFiles() throws IOException {
        assertEquals(List.of(), violations(p -> p.startsWith("dev.backbeat.draft"),
                i -> i.startsWith("javafx.") || i.startsWith("java.net.") || i.startsWith("java.nio.file.")));
    }

    @Test
    void engineAndServiceHaveNoJavaFx() throws IOException {
        assertEquals(List.of(), violations(p -> p.startsWith("dev.backbeat.engine") || p.startsWith("dev.backbeat.service"),
                i -> i.startsWith("javafx.") || i.startsWith("org.controlsfx")));
    }

    @Test
    void engineDoesNotReachUp() throws IOException {
        assertEquals(List.of(), violations(p -> p.startsWith("dev.backbeat.engine"),
                i -> i.startsWith("dev.backbeat.service") || i.startsWith("dev.backbeat.ui")
                        || i.startsWith("dev.backbeat.app") || i.startsWith("dev.backbeat.cli")));
    }

    @Test
    void serviceDoesNotReachUp() throws IOException {
        assertEquals(List.of(), violations(p -> p.startsWith("dev.backbeat.service"),
                i -> i.startsWith("dev.backbeat.ui") || i.startsWith("dev.backbeat.app") || i.startsWith("dev.backbeat.cli")));
    }

    @Test
    void theServerStandsOnTheServicesOnly() throws IOException {
        // serve: the protocol's side of the wire, answered by the local engine; it knows no UI, no app, not our client
        assertEquals(List.of(), violations(p -> p.startsWith("dev.backbeat.server"),
                i -> i.startsWith("javafx.") || i.startsWith("dev.backbeat.ui") || i.startsWith("dev.backbeat.app")
                        || i.startsWith("dev.backbeat.cli") || i.startsWith("dev.backbeat.service.cloud")
                        || i.startsWith("dev.backbeat.engine")));
        assertEquals(List.of(), violations(p -> p.startsWith("dev.backbeat.service") || p.startsWith("dev.backbeat.engine"),
                i -> i.startsWith("dev.backbeat.server")));
    }

    @Test
    void cloudAndLocalDoNotKnowEachOther() throws IOException {
        assertEquals(List.of(), violations(p -> p.startsWith("dev.backbeat.service.cloud"),
                i -> i.startsWith("dev.backbeat.service.local") || i.startsWith("dev.backbeat.engine")));
        assertEquals(List.of(), violations(p -> p.startsWith("dev.backbeat.service.local"),
                i -> i.startsWith("dev.backbeat.service.cloud")));
    }

    @Test
    void uiDoesNotReachTheEngineOrTheApp() throws IOException {
        assertEquals(List.of(), violations(p -> p.startsWith("dev.backbeat.ui"),
                i -> i.startsWith("dev.backbeat.engine") || i.startsWith("dev.backbeat.app")
                        || i.startsWith("dev.backbeat.cli") || i.startsWith("dev.backbeat.service.cloud")
                        || i.startsWith("dev.backbeat.service.local")));
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Source s : sources()) {
            String name = s.file().getFileName().toString();
            if (s.pkg().startsWith("dev.backbeat.ui") && name.endsWith("ViewModel.java")) {
                s.imports().stream().filter(i -> i.startsWith("javafx.scene") || i.startsWith("javafx.stage"))
                        .forEach(i -> bad.add(name + " uses " + i));
            }
        }
        assertEquals(List.of(), bad);
    }
}

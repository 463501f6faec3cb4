package dev.backbeat.engine.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Gives each unversioned library in a folder ({@code libva.so}) a link under the versioned name it
 * declares as its soname ({@code libva.so.2}), which is the name the other libraries ask the
 * dynamic loader for. The soname is found as the NUL-terminated string {@code libva.so.N} inside
 * the file, which is where the ELF string table keeps it.
 */
final class SonameLinks {

    private SonameLinks() {
    }

    static void create(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path lib : files.filter(p -> p.getFileName().toString().endsWith(".so")).toList()) {
                String name = lib.getFileName().toString();
                String soname = findSoname(Files.readAllBytes(lib), name);
                Path link = dir.resolve(soname == null ? name : soname);
                if (soname != null && !Files.exists(link)) {
                    Files.createSymbolicLink(link, Path.of(name));
                }
            }
        }
    }

    static String findSoname(byte[] elf, String name) {
        // ISO-8859-1 keeps one char per byte, so the regex can scan binary safely
        String text = new String(elf, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile(Pattern.quote(name) + "\\.\\d+\u0000").matcher(text);
        return m.find() ? m.group().substring(0, m.group().length() - 1) : null;
    }
}

package dev.backbeat.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserFoldersTest {

    @Test
    void followsTheXdgVariablesAndAChangedHome() {
        UserFolders f = UserFolders.of(Map.of("HOME", "/home/ann", "XDG_CONFIG_HOME", "/cfg", "XDG_STATE_HOME", "/st",
                "XDG_CACHE_HOME", "/cache"));
        assertEquals(Path.of("/cfg/backbeat"), f.config());
        assertEquals(Path.of("/st/backbeat"), f.state());
        assertEquals(Path.of("/cache/backbeat"), f.cache());
        UserFolders plain = UserFolders.of(Map.of("HOME", "/home/bob"));
        assertEquals(Path.of("/home/bob/.config/backbeat"), plain.config());
        assertEquals(Path.of("/home/bob/.local/state/backbeat"), plain.state());
        assertEquals(Path.of("/home/bob/.cache/backbeat"), plain.cache());
    }

    @Test
    void aRelativeXdgPathIsIgnoredAsTheSpecificationSays() {
        UserFolders f = UserFolders.of(Map.of("HOME", "/home/ann", "XDG_CONFIG_HOME", "relative/cfg"));
        assertEquals(Path.of("/home/ann/.config/backbeat"), f.config());
    }

    @Test
    void theOverrideWinsForSettings() {
        assertEquals(Path.of("/x"), UserFolders.of(Map.of("HOME", "/h", "BACKBEAT_CONFIG_DIR", "/x")).config());
    }

    @Test
    void settingsAreOwnerOnlyInAnOwnerOnlyFolderEvenWhereAnOlderVersionLeftItOpen(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("backbeat");
        Files.createDirectories(cfg, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        new SettingsStore(cfg).save(Settings.defaults());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cfg)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cfg.resolve("settings.json"))));
    }
}

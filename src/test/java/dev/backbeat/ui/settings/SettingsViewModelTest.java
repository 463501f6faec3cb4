package dev.backbeat.ui.settings;

import dev.backbeat.service.BackendKind;
import dev.backbeat.service.FfmpegCheck;
import dev.backbeat.service.Settings;
import dev.backbeat.ui.SameThreadTaskRunner;
import dev.backbeat.ui.TaskRunner;
import dev.backbeat.service.CancelToken;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Settings sheet's rules, on the test's own thread (no JavaFX toolkit). */
class SettingsViewModelTest {
    private final List<Path> checked = new ArrayList<>();

    private SettingsViewModel sheet(Settings s) {
        return new SettingsViewModel(s, new SameThreadTaskRunner(), p -> {
            checked.add(p);
            return p.toString().endsWith("good-ffmpeg") ? new FfmpegCheck.Result.Runs("ffmpeg version 7.1")
                    : p.toString().endsWith("missing") ? new FfmpegCheck.Result.Missing(p)
                    : new FfmpegCheck.Result.DoesNotRun(p, "exit code 1");
        });
    }

    @Test
    void theDefaultsAreValidAndComeBackUnchanged() {
        SettingsViewModel vm = sheet(Settings.defaults());
        assertTrue(vm.validProperty().get());
        assertEquals(Settings.defaults(), vm.result().orElseThrow());
        assertTrue(checked.isEmpty(), "an empty FFmpeg path is the bundled one: nothing to run");
    }

    @Test
    void anApiAddressMustBeAWebAddress() {
        SettingsViewModel vm = sheet(Settings.defaults());
        for (String bad : List.of("mega-api-prod.nemovideo.ai", "ftp://example.com", "https://", "http://exa mple.com", "https:///x")) {
            vm.apiBaseProperty().set(bad);
            assertFalse(vm.validProperty().get(), bad);
            assertTrue(vm.apiBaseProblemProperty().get().contains("http"), vm.apiBaseProblemProperty().get());
            assertTrue(vm.result().isEmpty());
        }
        for (String good : List.of("https://mega-api-prod.nemovideo.ai", "http://127.0.0.1:8089", "https://api.example/v2/", "")) {
            vm.apiBaseProperty().set(good);
            assertTrue(vm.validProperty().get(), good);
            assertEquals("", vm.apiBaseProblemProperty().get());
        }
    }

    @Test
    void anFfmpegPathMustRun() {
        SettingsViewModel vm = sheet(Settings.defaults());
        vm.ffmpegPathProperty().set("/opt/missing");
        assertFalse(vm.validProperty().get());
        assertTrue(vm.ffmpegProblemProperty().get().contains("/opt/missing"), vm.ffmpegProblemProperty().get());
        vm.ffmpegPathProperty().set("/usr/bin/not-ffmpeg");
        assertTrue(vm.ffmpegProblemProperty().get().contains("exit code 1"), vm.ffmpegProblemProperty().get());
        vm.ffmpegPathProperty().set("/usr/local/bin/good-ffmpeg");
        assertTrue(vm.validProperty().get());
        assertTrue(vm.ffmpegNoteProperty().get().contains("ffmpeg version 7.1"));
        assertEquals("/usr/local/bin/good-ffmpeg", vm.result().orElseThrow().ffmpegPath());
    }

    @Test
    void okWaitsForTheCheckAndAStaleAnswerIsIgnored() {
        // a runner that holds tasks until the test lets them run, as the FX runner's thread would
        List<TaskRunner.BackgroundTask<?>> held = new ArrayList<>();
        TaskRunner later = new TaskRunner() {
            @Override
            public <T> CancelToken start(BackgroundTask<T> task) {
                held.add(task);
                return new CancelToken();
            }

            @Override
            public void onUi(Runnable update) {
                update.run();
            }
        };
        SettingsViewModel vm = new SettingsViewModel(Settings.defaults(), later,
                p -> p.toString().endsWith("good-ffmpeg") ? new FfmpegCheck.Result.Runs("ffmpeg version 7.1")
                        : new FfmpegCheck.Result.DoesNotRun(p, "not ffmpeg"));
        vm.ffmpegPathProperty().set("/bin/good-ffmpeg");
        assertTrue(vm.checkingProperty().get());
        assertFalse(vm.validProperty().get(), "OK waits until the path is known to run");
        vm.ffmpegPathProperty().set("/bin/other");
        new SameThreadTaskRunner().start(held.get(1));   // the newer path answers first: it does not run
        new SameThreadTaskRunner().start(held.get(0));   // then the older one says "runs": too late to count
        assertFalse(vm.validProperty().get());
        assertTrue(vm.ffmpegProblemProperty().get().contains("not ffmpeg"));
    }

    @Test
    void pollLanguageAndThemeAreKept() {
        SettingsViewModel vm = sheet(new Settings(BackendKind.CLOUD, "https://a.example", "", 60, "", "dark"));
        vm.pollSecondsProperty().set("2");
        assertFalse(vm.validProperty().get());
        vm.pollSecondsProperty().set("ten");
        assertFalse(vm.validProperty().get());
        vm.pollSecondsProperty().set(" 45 ");
        vm.languageProperty().set("zh-CN");
        vm.themeProperty().set("light");
        assertTrue(vm.languageChangedProperty().get());
        Settings out = vm.result().orElseThrow();
        assertEquals(new Settings(BackendKind.CLOUD, "https://a.example", "", 45, "zh-CN", "light"), out);
        assertFalse(out.sameBackendAs(out.withBackend(BackendKind.LOCAL)));
        assertTrue(out.sameBackendAs(new Settings(BackendKind.CLOUD, "https://a.example", "", 45, "", "dark")),
                "language and theme need no new back end");
    }
}

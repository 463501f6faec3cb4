package dev.backbeat.ui;

import dev.backbeat.app.BackbeatApp;
import dev.backbeat.service.Settings;
import dev.backbeat.service.SettingsStore;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window in 简体中文 and the light theme, and F1's list of shortcuts. */
@ExtendWith(ApplicationExtension.class)
class LanguageAndThemeWindowTest {
    @TempDir
    static Path dir;
    MainViewModel vm;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path config = Files.createTempDirectory(dir, "cfg");
        new SettingsStore(config).save(new Settings(dev.backbeat.service.BackendKind.LOCAL, "", "", 30, "zh-CN", "light"));
        SettingsStore store = new SettingsStore(config);
        Texts.use(Texts.pick(store.load().language(), Locale.US));
        vm = new MainViewModel(store, s -> new FakeBackend(), new FxTaskRunner(), new NoDialogs());
        stage.setScene(BackbeatApp.scene(vm));
        stage.show();
    }

    @AfterAll
    static void backToEnglish() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void theWindowSpeaksChineseInTheLightTheme(FxRobot robot) {
        assertEquals("导出 ▸", robot.lookup("#exportButton").queryAs(Button.class).getText());
        assertEquals("发送", robot.lookup("#chatSend").queryAs(Button.class).getText());
        assertTrue(vm.chat().suggestions().contains("更激昂"), vm.chat().suggestions().toString());
        assertTrue(stage.getScene().getRoot().getStyleClass().contains(ThemeChoice.LIGHT_CLASS));
        // a Chinese window draws in an installed CJK family where there is one (JavaFX's System font shows boxes)
        boolean cjkInstalled = UiFont.cjkAmong(javafx.scene.text.Font.getFamilies()).isPresent();
        assertEquals(cjkInstalled, stage.getScene().getStylesheets().stream().anyMatch(u -> u.startsWith("data:text/css")));
        assertEquals(cjkInstalled, UiFont.CJK.contains(UiFont.family()), UiFont.family());
        robot.interact(() -> vm.apply(new Settings(dev.backbeat.service.BackendKind.LOCAL, "", "", 30, "zh-CN", "dark")));
        assertFalse(stage.getScene().getRoot().getStyleClass().contains(ThemeChoice.LIGHT_CLASS), "the theme changes at once");
        robot.clickOn("#exportButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("请先添加片段：现在还没有可导出的内容。", robot.lookup("#exportStatus").queryAs(Label.class).getText());
    }

    @Test
    void f1ListsTheShortcuts(FxRobot robot) {
        robot.clickOn("#chatPane");
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        GridPane list = robot.lookup("#helpShortcuts").queryAs(GridPane.class);
        assertNotNull(list);
        String all = list.getChildren().stream().map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "|" + b);
        assertTrue(all.contains("F1") && all.contains("转到对话") && all.contains("Space"), all);
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide));
    }
}

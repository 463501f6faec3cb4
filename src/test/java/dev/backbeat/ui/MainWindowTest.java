package dev.backbeat.ui;

import dev.backbeat.app.BackbeatApp;
import dev.backbeat.service.SettingsStore;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless (Monocle): the four panes are there and answer the user. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path dir;
    FakeBackend backend = new FakeBackend();
    MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        FileChooserPort chooser = new FileChooserPort() {
            @Override
            public List<Path> chooseVideos() {
                return List.of();
            }

            @Override
            public Optional<Path> chooseExportTarget(Path suggested) {
                return Optional.of(dir.resolve("out.mp4"));
            }

            @Override
            public boolean reveal(Path file) {
                return true;
            }
        };
        vm = new MainViewModel(new SettingsStore(Files.createTempDirectory(dir, "cfg")), s -> backend,
                new FxTaskRunner(), chooser);
        stage.setScene(BackbeatApp.scene(vm));
        stage.show();
    }

    @Test
    void theFourPanesAreThere(FxRobot robot) {
        for (String id : List.of("#uploadPane", "#chatPane", "#timelinePane", "#exportPane", "#previewPane")) {
            assertNotNull(robot.lookup(id).tryQuery().orElse(null), id + " missing");
        }
        assertTrue(robot.lookup("#uploadPane").query().isVisible());
        assertTrue(robot.lookup("#dropZone").query().isVisible());
        assertFalse(robot.lookup("#exportPane").query().isVisible(), "the export sheet opens on demand");
    }

    @Test
    void exportButtonOpensTheSheet(FxRobot robot) {
        robot.clickOn("#exportButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#exportPane").query().isVisible());
        Label status = robot.lookup("#exportStatus").queryAs(Label.class);
        assertEquals("Add a clip first: there is nothing to export yet.", status.getText());
        robot.clickOn("#exportClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#exportPane").query().isVisible());
    }

    @Test
    void typingInTheChatStreamsAReply(FxRobot robot) {
        robot.clickOn("#chatInput").write("upbeat lo-fi").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        org.testfx.util.WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#chatMessages").queryAs(ListView.class);
        assertEquals(List.of("upbeat lo-fi"), backend.chats);
        assertTrue(list.getItems().size() >= 2, "user message and reply shown");
    }

    @Test
    void anAddedClipShowsOnTheTimeline(FxRobot robot) throws Exception {
        Path clip = Files.write(dir.resolve("city.mp4"), new byte[] {1, 2, 3});
        robot.interact(() -> vm.upload().addFiles(List.of(clip)));
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Label summary = robot.lookup("#timelineSummary").queryAs(Label.class);
        assertEquals("Timeline (1 track): 1. Video: city.mp4 (0-42s)", summary.getText());
        // the clip is drawn as a block on the canvas's video lane
        assertEquals(1, vm.timeline().content().clips().size());
        Node lanes = robot.lookup("#timelineCanvas").query();
        assertTrue(lanes.isVisible());
    }
}

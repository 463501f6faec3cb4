package dev.backbeat.ui;

import dev.backbeat.app.BackbeatApp;
import dev.backbeat.service.SettingsStore;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
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
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every control a user operates in the main window has a name a screen reader can say. */
@ExtendWith(ApplicationExtension.class)
class AccessibleNamesTest {
    @TempDir
    static Path dir;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        MainViewModel vm = new MainViewModel(new SettingsStore(Files.createTempDirectory(dir, "cfg")), s -> new FakeBackend(),
                new FxTaskRunner(), new NoDialogs());
        stage.setScene(BackbeatApp.scene(vm));
        stage.show();
    }

    @Test
    void everyControlHasAnAccessibleName(FxRobot robot) {
        robot.clickOn("#exportButton");
        WaitForAsyncUtils.waitForFxEvents();
        List<Control> controls = new ArrayList<>();
        collect(stage.getScene().getRoot(), controls);
        assertTrue(controls.size() >= 15, "the walk found only " + controls.size() + " controls");
        List<String> unnamed = controls.stream()
                .filter(c -> c.getAccessibleText() == null || c.getAccessibleText().isBlank())
                // a menu bar's buttons are made by its skin and read out with their menu's own words
                .filter(c -> !(c.getClass().getSimpleName().equals("MenuBarButton")
                        && c instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isBlank()))
                .map(c -> c.getClass().getSimpleName() + (c.getId() == null ? "" : "#" + c.getId()))
                .toList();
        assertEquals(List.of(), unnamed);
    }

    /** The controls a user operates; a control's own insides (a spinner's buttons, a combo's list) are its business. */
    private static void collect(Node node, List<Control> out) {
        if (node instanceof ButtonBase || node instanceof TextInputControl || node instanceof ComboBoxBase<?>
                || node instanceof ChoiceBox<?> || node instanceof Slider || node instanceof ListView<?>) {
            out.add((Control) node);
            return;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}

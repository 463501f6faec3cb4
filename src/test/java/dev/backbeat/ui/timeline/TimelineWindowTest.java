package dev.backbeat.ui.timeline;

import dev.backbeat.app.BackbeatApp;
import dev.backbeat.draft.Track;
import dev.backbeat.draft.TrackType;
import dev.backbeat.service.SettingsStore;
import dev.backbeat.ui.FileChooserPort;
import dev.backbeat.ui.FxTaskRunner;
import dev.backbeat.ui.MainViewModel;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, headless: the timeline's lanes are drawn, the inspector edits the draft, the ruler seeks. */
@ExtendWith(ApplicationExtension.class)
class TimelineWindowTest {
    @TempDir
    static Path dir;
    TimelineFixture.EditingBackend backend = new TimelineFixture.EditingBackend();
    MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        FileChooserPort chooser = new dev.backbeat.ui.NoDialogs();
        vm = new MainViewModel(new SettingsStore(Files.createTempDirectory(dir, "cfg")), s -> backend,
                new FxTaskRunner(), chooser);
        stage.setScene(BackbeatApp.scene(vm));
        stage.show();
        vm.project().apply(backend.state());
        vm.project().setPreview(TimelineFixture.preview(1, 120, "Lo-fi"));
    }

    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A point on the canvas, from its top-left corner. */
    private static org.testfx.service.query.PointQuery at(FxRobot robot, Node canvas, double x, double y) {
        return robot.point(canvas).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(x, y));
    }

    @Test
    void theLanesAreDrawnOnTheCanvas(FxRobot robot) throws Exception {
        settle();
        TimelineCanvas canvas = robot.lookup("#timelineCanvas").queryAs(TimelineCanvas.class);
        assertEquals(TimelineLayout.totalHeight(), canvas.getHeight(), 0.5);
        assertTrue(canvas.getWidth() > 600, "the lanes take the width: " + canvas.getWidth());
        assertTrue(canvas.paints() > 0);
        for (String lane : List.of("Video", "Music", "Clip sound", "Titles")) {
            assertTrue(robot.lookup(".track-name").queryAllAs(Label.class).stream().anyMatch(l -> lane.equals(l.getText())),
                    lane + " lane missing");
        }
        // the music lane's waveform is drawn in the wave colour at a beat (bright) and nearly blank just before one
        Image shot = robot.capture((Node) canvas).getImage();
        save(shot, "timeline.png");
        TimeScale s = vm.timeline().scale();
        double mid = TimelineLayout.top(TimelineLayout.Lane.MUSIC) + 14 + (TimelineLayout.height(TimelineLayout.Lane.MUSIC) - 18) / 2;
        int lit = 0;
        for (int dy = -20; dy <= 20; dy++) {
            if (bright(shot.getPixelReader(), (int) s.x(10.05), (int) mid + dy)) lit++;
        }
        assertTrue(lit > 10, "the waveform is drawn at a beat: " + lit + " bright pixels");

        // a figure, not a target: what one repaint costs the FX thread (the canvas rasterises it later)
        // (CPU time too: on a loaded machine the wall time mostly measures waiting for a core)
        double[] ms = new double[2];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        robot.interact(() -> {
            for (int i = 0; i < 50; i++) canvas.repaint();
            long t0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < 100; i++) canvas.repaint();
            ms[0] = (System.nanoTime() - t0) / 1e6 / 100;
            ms[1] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6 / 100;
        });
        System.out.printf(java.util.Locale.ROOT, "timeline repaint on the FX thread: %.2f ms wall, %.2f ms CPU (mean of 100"
                + " after 50 to warm up, %d px wide)%n", ms[0], ms[1], (int) canvas.getWidth());
    }

    private static boolean bright(PixelReader r, int x, int y) {
        javafx.scene.paint.Color c = r.getColor(x, y);
        return c.getGreen() > 0.75 && c.getBlue() > 0.6;
    }

    @Test
    void typingInTheInspectorChangesTheDraftsTitle(FxRobot robot) {
        settle();
        Node canvas = robot.lookup("#timelineCanvas").query();
        TimeScale s = vm.timeline().scale();
        double y = TimelineLayout.top(TimelineLayout.Lane.TITLES) + 12;
        robot.clickOn(at(robot, canvas, s.x(2.5), y));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Title 1", robot.lookup("#inspectorHeading").queryAs(Label.class).getText());
        TextField text = robot.lookup("#titleText").queryAs(TextField.class);
        assertEquals("Urban Dreams", text.getText());
        robot.doubleClickOn(text).push(KeyCode.CONTROL, KeyCode.A).write("Night Ride").type(KeyCode.ENTER);
        settle();
        Track.PlacedSegment t = vm.project().draft().firstTrack(TrackType.Kind.TEXT).orElseThrow().placed().get(0);
        assertEquals("Night Ride", t.segment().metaString("text").orElseThrow());
        assertEquals(1000, t.startMs());
        assertEquals("Night Ride", backend.state().draft().firstTrack(TrackType.Kind.TEXT).orElseThrow()
                .segments().get(0).metaString("text").orElseThrow(), "through the back end");
    }

    @Test
    void clickingTheRulerSeeksAndVariationsOpenAsCards(FxRobot robot) throws Exception {
        settle();
        Node canvas = robot.lookup("#timelineCanvas").query();
        TimeScale s = vm.timeline().scale();
        robot.clickOn(at(robot, canvas, s.x(12), 10));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, vm.project().transport().positionSecProperty().get(), 0.1);

        robot.clickOn("#variationsButton");
        settle();
        assertTrue(robot.lookup("#variationsSheet").query().isVisible());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".variation-card").queryAll().size() == 3);
        assertEquals(3, robot.lookup(".variation-card").queryAll().size(),
                robot.lookup("#variationsStatus").queryAs(Label.class).getText());
        save(robot.capture((Node) robot.lookup("#mainWindow").query()).getImage(), "window-variations.png");
        robot.clickOn(robot.lookup(".variation-use").nth(2).queryButton());
        settle();
        assertEquals("Folk", vm.project().draft().firstTrack(TrackType.Kind.AUDIO).orElseThrow().segments().get(0)
                .label().orElseThrow());
        assertTrue(!robot.lookup("#variationsSheet").query().isVisible());
    }

    /** Keeps what the test saw under target/ for a person to look at. */
    private static void save(Image img, String name) throws Exception {
        Path out = Path.of("target", "timeline-shots");
        Files.createDirectories(out);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) b.setRGB(x, y, r.getArgb(x, y));
        ImageIO.write(b, "png", out.resolve(name).toFile());
    }
}

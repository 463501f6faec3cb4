package dev.backbeat.ui.preview;

import dev.backbeat.app.BackbeatApp;
import dev.backbeat.engine.media.NumberedClip;
import dev.backbeat.service.SettingsStore;
import dev.backbeat.service.local.FfmpegSource;
import dev.backbeat.service.local.LocalBackend;
import dev.backbeat.service.preview.PreviewClip;
import dev.backbeat.service.preview.PreviewPictures;
import dev.backbeat.service.preview.ScoredPreview;
import dev.backbeat.service.preview.TitleMark;
import dev.backbeat.ui.FakeBackend;
import dev.backbeat.ui.FileChooserPort;
import dev.backbeat.ui.FxTaskRunner;
import dev.backbeat.ui.MainViewModel;
import dev.backbeat.ui.Transport;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window, headless, with a test sink on a fake clock: a clip whose frame number is its
 * brightness is loaded, Play (button and Space) moves the playhead with the sink, a seek shows the
 * frame asked for, the title shows over the picture while it is on, and Esc leaves the chat field.
 */
@ExtendWith(ApplicationExtension.class)
class PreviewPaneTest {
    static final double SECONDS = 4;
    @TempDir
    static Path dir;
    static Path clip;
    static PreviewPictures pictures;
    final FakeClock clock = new FakeClock();
    final RecordingSink sink = new RecordingSink(clock::nanos);
    MainViewModel vm;

    /** The fake back end with a scored result over the numbered clip, its picture decoded by the local engine. */
    static final class WithPreview extends FakeBackend {
        @Override
        public Optional<ScoredPreview> preview() {
            PreviewClip c = new PreviewClip("numbered.mp4", clip, 0, SECONDS, 320, 180, 25, true, "");
            ScoredPreview base = FakeResult.result(7, SECONDS, 0, List.of(new TitleMark(0, "Urban Dreams", 0, 1.5)));
            return Optional.of(new ScoredPreview(7, SECONDS, List.of(c), base.sound(), base.music(), base.titles()));
        }

        @Override
        public Optional<PreviewPictures> pictures() {
            return Optional.of(pictures);
        }
    }

    @BeforeAll
    static void makeClip() {
        clip = NumberedClip.make(dir);
        pictures = new LocalBackend(new FfmpegSource(null)).pictures().orElseThrow();
    }

    @Start
    void start(Stage stage) throws Exception {
        FileChooserPort chooser = new dev.backbeat.ui.NoDialogs();
        vm = new MainViewModel(new SettingsStore(Files.createTempDirectory(dir, "cfg")), s -> new WithPreview(),
                new FxTaskRunner(), chooser, () -> sink);
        stage.setScene(BackbeatApp.scene(vm));
        stage.show();
    }

    @org.junit.jupiter.api.AfterEach
    void stopThePlayer() {
        // its picture decoder (an FFmpeg process) goes with it
        vm.preview().close();
    }

    static void waitFor(String what, Callable<Boolean> done) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            try {
                return done.call();
            } catch (Exception e) {
                throw new AssertionError(what, e);
            }
        });
    }

    void load(FxRobot robot) throws Exception {
        robot.interact(() -> vm.upload().addFiles(List.of(clip)));
        waitFor("the player to load", () -> !robot.lookup("#playButton").queryAs(Button.class).isDisabled());
    }

    /** Moves the fake clock on in 10 ms steps, waiting (real time) for the player to keep up. */
    void advance(long ms) throws InterruptedException {
        for (long t = 0; t < ms; t += 10) {
            clock.advanceMillis(10);
            Thread.sleep(6);
        }
        Thread.sleep(60);
        WaitForAsyncUtils.waitForFxEvents();
    }

    int frameShown(FxRobot robot) {
        Image img = robot.lookup("#previewImage").queryAs(ImageView.class).getImage();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = img.getPixelReader().getArgb(x, y);
                int i = (y * w + x) * 3;
                rgb[i] = (byte) (argb >> 16);
                rgb[i + 1] = (byte) (argb >> 8);
                rgb[i + 2] = (byte) argb;
            }
        }
        return NumberedClip.frameNumber(rgb, w, h);
    }

    @Test
    void playMovesThePlayheadWithTheSinkAndSeekShowsTheFrameAskedFor(FxRobot robot) throws Exception {
        load(robot);
        assertFalse(robot.lookup("#soundNote").query().isVisible(), "a working sink: no note about sound");
        Transport transport = vm.project().transport();
        Label title = robot.lookup("#previewTitle").queryAs(Label.class);
        assertTrue(title.isVisible(), "the title is on at the start");
        assertEquals("Urban Dreams", title.getText());

        robot.clickOn("#playButton");
        advance(1000);
        double played = sink.played() / 48_000.0;
        assertTrue(transport.playingProperty().get());
        assertEquals(1.0, played, 0.1, "the sink played a second of the fake clock");
        assertEquals(played, transport.positionSecProperty().get(), 0.035, "the playhead is where the sink is");
        int frame = frameShown(robot);
        assertTrue(Math.abs(frame - played * 25) <= 1.01, "frame " + frame + " shown for sound at " + played + " s");
        assertEquals("0:01.0", ((Label) robot.lookup("#previewTime").query()).getText().substring(0, 6));

        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(transport.playingProperty().get(), "Space pauses");
        double pausedAt = transport.positionSecProperty().get();
        advance(300);
        assertEquals(pausedAt, transport.positionSecProperty().get(), 1e-9, "paused: the playhead holds");

        robot.interact(() -> transport.seek(2.0));
        waitFor("frame 50 on screen", () -> frameShown(robot) == 50);
        assertEquals(2.0, transport.positionSecProperty().get(), 1e-9);
        assertFalse(title.isVisible(), "the title is off after 1.5 s");
    }

    @Test
    void escLeavesTheChatSoSpacePlays(FxRobot robot) throws Exception {
        load(robot);
        robot.clickOn("#chatInput").write("lo fi");
        Node focused = robot.targetWindow().getScene().getFocusOwner();
        assertTrue(focused instanceof TextInputControl);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.project().transport().playingProperty().get(), "Space types in the chat field");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.targetWindow().getScene().getFocusOwner() instanceof TextInputControl, "Esc left the field");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.project().transport().playingProperty().get(), "Space plays");
    }
}

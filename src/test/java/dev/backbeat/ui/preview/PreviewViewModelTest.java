package dev.backbeat.ui.preview;

import dev.backbeat.service.preview.PreviewPictures;
import dev.backbeat.service.preview.ScoredPreview;
import dev.backbeat.service.preview.TitleMark;
import dev.backbeat.ui.FakeBackend;
import dev.backbeat.ui.ProjectModel;
import dev.backbeat.ui.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview's view model on the test thread (ticks by hand): it fetches the result after a
 * change of the timeline, plays it, shows the time and the title, and with no sound device it
 * plays silently and says why.
 */
class PreviewViewModelTest {
    final List<Double> opened = new CopyOnWriteArrayList<>();
    final PreviewPictures pictures = FakeResult.pictures(opened);
    final List<Runnable> ticks = new ArrayList<>();
    final Ticker byHand = (period, tick) -> {
        ticks.add(tick);
        return () -> { };
    };

    final class Scored extends FakeBackend {
        ScoredPreview next = FakeResult.result(1, 5, 0, List.of(new TitleMark(0, "Urban Dreams", 0.2, 2)));
        int asked;

        dev.backbeat.service.BackendException failWith;

        @Override
        public Optional<ScoredPreview> preview() throws dev.backbeat.service.BackendException {
            asked++;
            if (failWith != null) {
                throw failWith;
            }
            return Optional.of(next);
        }

        @Override
        public Optional<PreviewPictures> pictures() {
            return Optional.of(pictures);
        }
    }

    @Test
    void aChangeOfTheTimelineFetchesTheResultAndItPlaysSilentlyWithoutADevice() throws Exception {
        Scored backend = new Scored();
        ProjectModel project = new ProjectModel(backend);
        try (PreviewViewModel vm = new PreviewViewModel(project, new SameThreadTaskRunner(), SilentSink::noDevice, byHand)) {
            assertFalse(vm.loadedProperty().get());
            assertNull(project.previewProperty().get());
            assertEquals("", vm.soundNoteProperty().get(), "nothing to play yet: nothing to say about sound");
            project.setDraft(new dev.backbeat.draft.Draft(List.of(new dev.backbeat.draft.Track(dev.backbeat.draft.TrackType.VIDEO, List.of()))));
            assertEquals(1, backend.asked, "the draft changed: the result is fetched");
            assertSame(backend.next, project.previewProperty().get());
            assertTrue(vm.loadedProperty().get());
            assertEquals("0:00.0 / 0:05.0", vm.timeProperty().get());

            vm.togglePlay();
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < 400_000_000L) {
                Thread.sleep(16);
                ticks.get(0).run();
            }
            assertTrue(vm.playingProperty().get());
            assertTrue(vm.positionProperty().get() > 0.25, "the system clock moved it to " + vm.positionProperty().get());
            assertEquals(vm.positionProperty().get(), project.transport().positionSecProperty().get(), 0.04,
                    "the shared playhead follows");
            assertEquals("No sound device was found, so the preview plays silently; the export has its sound.",
                    vm.soundNoteProperty().get());
            assertEquals("Urban Dreams", vm.titleTextProperty().get(), "the title is on from 0.2 s");
            assertTrue(vm.pictureProperty().get().timeSec() > 0.2, "the picture moved on too");

            // a change keeps the playhead and goes on playing the new result
            double at = vm.positionProperty().get();
            backend.next = FakeResult.result(2, 5, 0.5f, List.of());
            project.setDraft(dev.backbeat.draft.Draft.empty());
            assertEquals(2, project.previewProperty().get().revision());
            assertTrue(vm.playingProperty().get());
            assertTrue(vm.positionProperty().get() >= at, "the playhead stayed (" + at + " → " + vm.positionProperty().get() + ")");
            assertEquals("", vm.titleTextProperty().get(), "no title in the new result");

            project.transport().togglePlay();
            assertFalse(vm.playingProperty().get(), "the transport pauses the player it has");

            backend.failWith = new dev.backbeat.service.BackendException(dev.backbeat.service.BackendException.Kind.INTERNAL,
                    "the clip's sound file is gone");
            project.setDraft(new dev.backbeat.draft.Draft(List.of()));
            ticks.get(0).run();
            assertEquals("The preview could not be prepared: the clip's sound file is gone", vm.soundNoteProperty().get());
        }
    }
}

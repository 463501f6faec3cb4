package dev.backbeat.ui.timeline;

import dev.backbeat.draft.Track;
import dev.backbeat.draft.TrackType;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.preview.ScoredPreview;
import dev.backbeat.service.preview.TimelineEdit;
import dev.backbeat.ui.FakeBackend;
import dev.backbeat.ui.ProjectModel;
import dev.backbeat.ui.SameThreadTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline's view model on one thread: what is drawn, selection, the inspector's edits, drags, variations. */
class TimelineViewModelTest {
    TimelineFixture.EditingBackend backend;
    ProjectModel project;
    TimelineViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        backend = new TimelineFixture.EditingBackend();
        project = new ProjectModel(backend);
        vm = new TimelineViewModel(project, new SameThreadTaskRunner());
        vm.setWidth(1000);
        project.apply(backend.state());
        project.setPreview(TimelineFixture.preview(1, 120, "Lo-fi"));
    }

    private static double titleLaneY() {
        return TimelineLayout.top(TimelineLayout.Lane.TITLES) + 10;
    }

    @Test
    void aKnownTimelineShowsItsCutsBarsAndTitles() {
        TimelineContent c = vm.content();
        assertEquals(20, c.durationSec(), 1e-9);
        assertEquals(1, c.clips().size());
        assertEquals(3, c.cuts().size());
        assertEquals(List.of(true, true, false), c.cuts().stream().map(TimelineContent.Cut::caught).toList());
        assertEquals("Cut at 0:05.3: the music catches it (off-beat)", c.cuts().get(1).describe());
        assertEquals("Cut at 0:07.9: the music does not land on it", c.cuts().get(2).describe());
        assertEquals(10, c.music().bars().length);
        assertEquals(40, c.music().beats().length);
        assertEquals(List.of("intro", "build", "peak", "outro"),
                c.music().sections().stream().map(s -> s.name()).toList());
        assertEquals("Lo-fi · 120 BPM · A minor · 35%", c.music().describe());
        assertEquals(2, c.titles().size());
        assertEquals(1, c.speech().size());
        // what is drawn where: fitted to 1000 px, 50 px a second
        assertEquals(10, TimelineLayout.visibleXs(c.music().bars(), vm.scale()).size());
        List<TimelineLayout.Span> titles = TimelineLayout.titleSpans(c, vm.scale());
        assertEquals(50, titles.get(0).x(), 1e-9);
        assertEquals(150, titles.get(0).width(), 1e-9);
        // the outlines were read for this result
        assertNotNull(vm.waveformsProperty().get());
        assertEquals(project.previewProperty().get(), vm.waveformsProperty().get().of());
    }

    @Test
    void zoomedInOnlyWhatIsInViewIsDrawn() {
        vm.zoomAt(4, 500);
        assertEquals(200, vm.scale().pxPerSec(), 1e-9);
        // 7.5-12.5 s in view: bars at 8, 10 and 12 s
        assertEquals(3, TimelineLayout.visibleXs(vm.content().music().bars(), vm.scale()).size());
        vm.fit();
        assertEquals(10, TimelineLayout.visibleXs(vm.content().music().bars(), vm.scale()).size());
    }

    @Test
    void withoutAScoredResultTheDraftAloneIsDrawn() {
        project.setPreview(null);
        TimelineContent c = vm.content();
        assertEquals(3, c.cuts().size(), "cuts from the segment's meta");
        assertFalse(c.cuts().get(0).judged());
        assertEquals("Cut at 0:02.0", c.cuts().get(0).describe());
        assertEquals(0, c.music().bars().length);
        assertEquals("Lo-fi · 120 BPM · A minor · 35%", c.music().describe());
        assertEquals(2, c.titles().size());
        assertNull(vm.waveformsProperty().get());
    }

    @Test
    void theInspectorEditsASelectedTitleThroughTheBackEnd() {
        vm.press(60, titleLaneY());
        assertEquals(new TimelineViewModel.Selection.Title(0), vm.selectionProperty().get());
        InspectorViewModel in = vm.inspector();
        assertEquals(InspectorViewModel.Showing.TITLE, in.showingProperty().get());
        assertEquals("Urban Dreams", in.titleTextProperty().get());
        assertEquals("1", in.titleStartProperty().get());
        assertEquals("3", in.titleLengthProperty().get());

        in.titleTextProperty().set("Night Ride");
        in.titleStartProperty().set("0:02.5");
        in.titleLengthProperty().set("2");
        in.applyTitle();
        assertEquals(List.of(new TimelineEdit.Title(0, "Night Ride", 2.5, 4.5)), backend.edits);
        Track.PlacedSegment t = project.draft().firstTrack(TrackType.Kind.TEXT).orElseThrow().placed().get(0);
        assertEquals("Night Ride", t.segment().metaString("text").orElseThrow());
        assertEquals(2500, t.startMs());
        assertEquals(4500, t.endMs());

        in.titleStartProperty().set("soon");
        in.applyTitle();
        assertEquals("Start and length are in seconds, like 2.5 or 0:02.5.", in.messageProperty().get());
        assertEquals(1, backend.edits.size(), "nothing sent");
    }

    @Test
    void dragMovesATitleAndItsEdgeResizesIt() {
        // grab the body of "Urban Dreams" (1-4 s, 50-200 px) and move it by 2 s
        vm.press(100, titleLaneY());
        vm.dragTo(150);
        assertEquals(2.0, vm.content().titles().get(0).startSec(), 1e-9, "shown at once");
        vm.release(200);
        assertEquals(new TimelineEdit.Title(0, "Urban Dreams", 3, 6), backend.edits.get(0));
        // its right edge (now at 300 px) out to 8 s
        vm.press(298, titleLaneY());
        vm.release(398);
        assertEquals(new TimelineEdit.Title(0, "Urban Dreams", 3, 8), backend.edits.get(1));
        // a move that stays put sends nothing
        vm.press(250, titleLaneY());
        vm.release(250);
        assertEquals(2, backend.edits.size());
    }

    @Test
    void deleteRemovesTheSelectedTitleAndAddPutsOneAtThePlayhead() {
        vm.press(850, titleLaneY());
        vm.deleteSelected();
        assertEquals(List.of(new TimelineEdit.RemoveTitle(1)), backend.edits);
        assertEquals(1, vm.content().titles().size());
        assertInstanceOf(TimelineViewModel.Selection.None.class, vm.selectionProperty().get());

        project.transport().seek(12);
        vm.addTitle();
        assertEquals(new TimelineEdit.Title(1, "Title", 12, 15), backend.edits.get(1));
        assertEquals(new TimelineViewModel.Selection.Title(1), vm.selectionProperty().get());
        assertEquals("Title", vm.inspector().titleTextProperty().get());
    }

    @Test
    void selectingTheMusicShowsItAndTheSliderSetsItsVolume() {
        vm.press(500, TimelineLayout.top(TimelineLayout.Lane.MUSIC) + 20);
        InspectorViewModel in = vm.inspector();
        assertEquals(InspectorViewModel.Showing.MUSIC, in.showingProperty().get());
        assertEquals("Lo-fi", in.styleProperty().get());
        assertEquals("120 BPM", in.tempoProperty().get());
        assertEquals("A minor", in.keyProperty().get());
        assertEquals(35, in.volumeProperty().get(), 1e-9);
        in.volumeProperty().set(60);
        in.applyVolume();
        assertEquals(List.of(new TimelineEdit.MusicVolume(60)), backend.edits);
        assertEquals(60, project.draft().firstTrack(TrackType.Kind.AUDIO).orElseThrow().segments().get(0)
                .volumePercent().orElseThrow(), 1e-9);
        in.applyVolume();
        assertEquals(1, backend.edits.size(), "the same volume is not sent again");
    }

    @Test
    void aRulerClickSeeksTheTransport() {
        vm.seekToX(250);
        assertEquals(5, project.transport().positionSecProperty().get(), 1e-9);
        vm.seekToX(5000);
        assertEquals(20, project.transport().positionSecProperty().get(), 1e-9, "not past the end");
    }

    @Test
    void aBackEndThatCannotEditSaysSoAndTheTimelineStaysAsItWas() {
        FakeBackend cloud = new FakeBackend();
        cloud.setDraft(TimelineFixture.draft());
        ProjectModel p = new ProjectModel(cloud);
        TimelineViewModel v = new TimelineViewModel(p, new SameThreadTaskRunner());
        v.setWidth(1000);
        p.apply(new dev.backbeat.service.SessionState(TimelineFixture.draft(), List.of()));
        v.press(100, titleLaneY());
        v.release(200);
        assertEquals("Edit this in the chat instead.", v.messageProperty().get());
        assertEquals(1.0, v.content().titles().get(0).startSec(), 1e-9, "the title is back where the back end has it");
    }

    @Test
    void pickingAVariationChangesTheBgmAndClosesTheCards() {
        VariationsViewModel cards = vm.variations();
        List<String> said = new java.util.ArrayList<>();
        cards.setOnPicked(said::add);
        cards.show();
        assertTrue(cards.openProperty().get());
        assertEquals(3, cards.cards().size());
        assertEquals("Cinematic", cards.cards().get(1).style());
        assertEquals("84 BPM · A minor", cards.cards().get(1).details());
        assertNotNull(cards.cards().get(1).outline());

        cards.listen(cards.cards().get(1));
        ScoredPreview heard = project.auditionProperty().get();
        assertEquals(cards.cards().get(1).variation().preview(), heard);
        cards.use(cards.cards().get(1));
        var bgm = project.draft().firstTrack(TrackType.Kind.AUDIO).orElseThrow().segments().get(0);
        assertEquals("Cinematic", bgm.label().orElseThrow());
        assertEquals(84, bgm.metaNumber("bpm").orElseThrow(), 1e-9);
        assertFalse(cards.openProperty().get());
        assertNull(project.auditionProperty().get(), "the audition ends with the pick");
        assertEquals(List.of("Now the music is Cinematic · 84 BPM · A minor. Say what to change, or ask for more variations."), said);
    }

    @Test
    void aChangeWhileTheCardsAreOpenRetiresThem() throws BackendException {
        VariationsViewModel cards = vm.variations();
        cards.show();
        cards.listen(cards.cards().get(0));
        project.apply(backend.edit(new TimelineEdit.MusicVolume(50)));
        assertTrue(cards.cards().isEmpty());
        assertNull(project.auditionProperty().get());
        assertTrue(cards.statusProperty().get().contains("ask for new variations"));
        cards.close();
        assertFalse(cards.openProperty().get());
    }
}

package dev.backbeat.service.local;

import dev.backbeat.draft.DraftCodec;
import dev.backbeat.engine.Fixtures;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.preview.TimelineEdit;
import dev.backbeat.service.preview.Variation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Undo and redo through ten mixed edits put back the same draft and the same music, step by step. */
class SessionUndoTest {
    @TempDir
    Path dir;

    private record Step(String draft, String music) {
    }

    private static Step step(LocalBackend b) throws Exception {
        return new Step(DraftCodec.encode(b.state().draft()).toString(), b.musicHash());
    }

    private static void chat(LocalBackend b, String text) {
        List<ChatEvent> events = new ArrayList<>();
        b.chat(text, events::add, CancelToken.none());
        ChatEvent last = events.get(events.size() - 1);
        assertTrue(last instanceof ChatEvent.Done, text + " → " + last);
    }

    @Test
    void tenMixedEditsUndoneAndRedoneStepByStep() throws Exception {
        Path a = clip("a.mp4", "red", 4);
        Path b = clip("b.mp4", "blue", 3);
        try (LocalBackend backend = new LocalBackend(new FfmpegSource(null))) {
            List<Step> steps = new ArrayList<>();
            backend.upload(List.of(a), (n, f) -> { }, CancelToken.none());
            steps.add(step(backend));
            List<Runnable> edits = List.of(
                    () -> chat(backend, "calmer"),
                    () -> call(() -> backend.edit(new TimelineEdit.Title(0, "Urban Dreams", 0.5, 2.5))),
                    () -> call(() -> backend.edit(new TimelineEdit.MusicVolume(55))),
                    () -> call(() -> backend.upload(List.of(b), (n, f) -> { }, CancelToken.none())),
                    () -> chat(backend, "lo-fi"),
                    () -> call(() -> backend.moveClip(1, 0, CancelToken.none())),
                    () -> call(() -> {
                        List<Variation> v = backend.variations(2, (n, f) -> { }, CancelToken.none());
                        return backend.pickVariation(v.get(1).id());
                    }),
                    () -> chat(backend, "faster"),
                    () -> call(() -> backend.removeClip(0, CancelToken.none())),
                    () -> chat(backend, "another variation"));
            for (int e = 0; e < edits.size(); e++) {
                edits.get(e).run();
                Step now = step(backend);
                assertNotEquals(steps.get(steps.size() - 1), now, "edit " + e + " changes something");
                steps.add(now);
            }
            assertEquals(11, steps.size());

            for (int i = steps.size() - 2; i >= 0; i--) {
                backend.undo(CancelToken.none());
                assertEquals(steps.get(i), step(backend), "after undo back to step " + i);
            }
            assertEquals(java.util.Optional.of("Add a.mp4"), backend.undoState().undo(), "adding the first clip is the first change");
            // the rest of the line is composed afresh: the same brief and seed must give the same bytes
            backend.forgetRenderedMusic();
            for (int i = 1; i < steps.size(); i++) {
                backend.redo(CancelToken.none());
                assertEquals(steps.get(i), step(backend), "after redo to step " + i);
                backend.forgetRenderedMusic();
            }
            assertFalse(backend.undoState().redo().isPresent());
            backend.undo(CancelToken.none());
            assertEquals(steps.get(9), step(backend));
        }
    }

    /** Photos' holds come from the music and the pace asked: undo puts back both, and the holds stay on the beats. */
    @Test
    void photosPaceUndoneAndRedone() throws Exception {
        List<Path> photos = dev.backbeat.engine.photo.StillPictures.distinct(dir, 3);
        try (LocalBackend backend = new LocalBackend(new FfmpegSource(null))) {
            backend.upload(photos, (n, f) -> { }, CancelToken.none());
            Step first = step(backend);
            long before = backend.state().draft().durationMs();
            chat(backend, "2 seconds per photo");
            Step paced = step(backend);
            assertNotEquals(first, paced);
            assertTrue(backend.state().draft().durationMs() < before, "shorter holds give a shorter show");
            backend.undo(CancelToken.none());
            assertEquals(first, step(backend), "undo puts back the holds and the music");
            backend.forgetRenderedMusic();
            backend.redo(CancelToken.none());
            assertEquals(paced, step(backend), "redo gives the same holds and the same music again");
        }
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    private static void call(Call c) {
        try {
            c.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Path clip(String name, String colour, int seconds) throws Exception {
        return Fixtures.make(dir.resolve(name), "-f", "lavfi", "-i", "color=c=" + colour + ":s=160x90:r=25:d=" + seconds
                        + ",format=yuv420p", "-f", "lavfi", "-i", "sine=f=330:d=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
    }

    @Test
    void whenTheChatReportsTheNewTimelineUndoAlreadyNamesIt() throws Exception {
        Path a = Fixtures.make(dir.resolve("u.mp4"), "-f", "lavfi", "-i", "color=c=teal:s=160x90:r=25:d=3,format=yuv420p",
                "-f", "lavfi", "-i", "sine=f=440:d=3", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        try (LocalBackend backend = new LocalBackend(new FfmpegSource(null))) {
            backend.upload(List.of(a), (n, f) -> { }, CancelToken.none());
            java.util.List<String> seen = new java.util.ArrayList<>();
            backend.chat("calmer", e -> {
                if (e instanceof dev.backbeat.service.ChatEvent.TimelineChanged || e instanceof dev.backbeat.service.ChatEvent.Done) {
                    seen.add(backend.undoState().undo().orElse("nothing"));
                }
            }, CancelToken.none());
            assertEquals(java.util.List.of("Chat: calmer", "Chat: calmer"), seen, "the menu asked then names this change");
        }
    }
}

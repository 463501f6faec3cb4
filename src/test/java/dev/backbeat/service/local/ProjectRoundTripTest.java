package dev.backbeat.service.local;

import dev.backbeat.draft.DraftCodec;
import dev.backbeat.engine.Fixtures;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ProjectContent;
import dev.backbeat.service.preview.TimelineEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project saved and opened again in a new session gives the same timeline, music and export bytes. */
class ProjectRoundTripTest {
    @TempDir
    Path dir;

    private Path clip(String name, String colour, int seconds) {
        return Fixtures.make(dir.resolve(name), "-f", "lavfi", "-i", "color=c=" + colour + ":s=160x90:r=25:d=" + seconds
                        + ",format=yuv420p", "-f", "lavfi", "-i", "sine=f=440:d=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
    }

    @Test
    void saveThenOpenReproducesTheSameExportBytes() throws Exception {
        Path a = clip("a.mp4", "red", 3);
        Path b = clip("b.mp4", "blue", 2);
        Path project = dir.resolve("trip.backbeat");
        List<ProjectContent.ChatLine> chat = List.of(new ProjectContent.ChatLine(true, "calmer, lo-fi"),
                new ProjectContent.ChatLine(false, "Made it calmer."));
        String draft;
        String music;
        byte[] first;
        try (LocalBackend one = new LocalBackend(new FfmpegSource(null))) {
            one.upload(List.of(a, b), (n, f) -> { }, CancelToken.none());
            one.chat("calmer, lo-fi", e -> { }, CancelToken.none());
            one.edit(new TimelineEdit.Title(0, "Urban Dreams", 0.5, 2));
            one.edit(new TimelineEdit.MusicVolume(60));
            one.saveProject(project, new ProjectContent(chat));
            draft = DraftCodec.encode(one.state().draft()).toString();
            music = one.musicHash();
            first = Files.readAllBytes(one.export(ExportRequest.to(dir.resolve("one.mp4")), p -> { }, CancelToken.none()).file());
        }
        assertTrue(Files.readString(project).contains("\"fingerprint\""));
        try (LocalBackend two = new LocalBackend(new FfmpegSource(null))) {
            ProjectContent.Opened opened = two.openProject(project, (n, f) -> { }, CancelToken.none());
            assertEquals(chat, opened.chat());
            assertTrue(opened.missing().isEmpty());
            assertEquals(draft, DraftCodec.encode(opened.state().draft()).toString());
            assertEquals(music, two.musicHash());
            byte[] second = Files.readAllBytes(two.export(ExportRequest.to(dir.resolve("two.mp4")), p -> { }, CancelToken.none()).file());
            assertEquals(first.length, second.length);
            assertArrayEquals(first, second, "the same export, byte for byte");
        }
    }

    @Test
    void aSlideshowComesBackWithItsPace() throws Exception {
        List<Path> photos = new java.util.ArrayList<>();
        String[] colours = {"red", "green", "blue", "yellow"};
        for (int i = 0; i < colours.length; i++) {
            photos.add(Fixtures.make(dir.resolve("p" + i + ".jpg"), "-f", "lavfi", "-i",
                    "color=c=" + colours[i] + ":s=320x240", "-frames:v", "1"));
        }
        Path project = dir.resolve("show.backbeat");
        String draft;
        String music;
        try (LocalBackend one = new LocalBackend(new FfmpegSource(null))) {
            one.upload(photos, (n, f) -> { }, CancelToken.none());
            String before = DraftCodec.encode(one.state().draft()).toString();
            one.chat("2 seconds per photo, no zoom", e -> { }, CancelToken.none());
            draft = DraftCodec.encode(one.state().draft()).toString();
            assertTrue(!draft.equals(before), "the pace changed the timeline");
            music = one.musicHash();
            one.saveProject(project, new ProjectContent(List.of()));
        }
        try (LocalBackend two = new LocalBackend(new FfmpegSource(null))) {
            two.openProject(project, (n, f) -> { }, CancelToken.none());
            assertEquals(draft, DraftCodec.encode(two.state().draft()).toString(), "the same holds, in the same order");
            assertEquals(music, two.musicHash());
        }
    }

    @Test
    void aClipMovedOrChangedSinceIsNamedAndCanBeLocated() throws Exception {
        Path a = clip("a.mp4", "red", 2);
        Path b = clip("b.mp4", "blue", 2);
        Path project = dir.resolve("p.backbeat");
        try (LocalBackend one = new LocalBackend(new FfmpegSource(null))) {
            one.upload(List.of(a, b), (n, f) -> { }, CancelToken.none());
            one.saveProject(project, new ProjectContent(List.of()));
        }
        Path moved = dir.resolve("moved-a.mp4");
        Files.move(a, moved);
        Files.write(b, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND); // same name, not the same file
        try (LocalBackend two = new LocalBackend(new FfmpegSource(null))) {
            ProjectContent.Opened opened = two.openProject(project, (n, f) -> { }, CancelToken.none());
            assertEquals(2, opened.missing().size());
            assertEquals("a.mp4", opened.missing().get(0).name());
            assertTrue(opened.missing().get(0).reason().contains("no longer at"), opened.missing().get(0).reason());
            assertTrue(opened.missing().get(1).reason().contains("changed"), opened.missing().get(1).reason());
            assertTrue(opened.state().media().isEmpty());
            two.locateClip(0, moved, (n, f) -> { }, CancelToken.none());
            assertEquals("moved-a.mp4", two.state().media().get(0).name());
        }
        Files.writeString(dir.resolve("junk.backbeat"), "{\"hello\": 1}");
        try (LocalBackend three = new LocalBackend(new FfmpegSource(null))) {
            BackendException e = assertThrows(BackendException.class,
                    () -> three.openProject(dir.resolve("junk.backbeat"), (n, f) -> { }, CancelToken.none()));
            assertEquals("junk.backbeat is not a Backbeat project (or it is damaged).", e.userMessage());
        }
    }
}

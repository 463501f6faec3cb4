package dev.backbeat.service.local;

import dev.backbeat.engine.photo.StillPictures;
import dev.backbeat.engine.song.FittedSong;
import dev.backbeat.engine.song.SongFiles;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.MediaInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In the local back end a song dropped into the session becomes the music; photos change on its beats. */
class SongSessionTest {
    @TempDir
    Path dir;

    @Test
    void aDroppedSongIsTheMusicAndPhotosChangeOnItsBeats() throws Exception {
        Path song = SongFiles.mp3(dir, "song", 97, 14);
        List<Path> photos = StillPictures.distinct(dir, 6);
        LocalBackend backend = new LocalBackend(new FfmpegSource(null));
        try {
            List<MediaInfo> first = backend.upload(List.of(song), (n, f) -> { }, CancelToken.none());
            assertEquals("audio", first.get(0).kind());
            assertTrue(first.get(0).mood().startsWith("Your song 'song.mp3' (97 BPM"), first.get(0).mood());
            backend.upload(photos, (n, f) -> { }, CancelToken.none());
            FittedSong fit = backend.fittedSong().orElseThrow();
            String said = backend.songSentence().orElseThrow();
            System.out.println(said + "\n" + fit.describe());
            assertTrue(said.startsWith("Using your song 'song.mp3' (97 BPM), fitted to"), said);
            // every change from one photo to the next is on a beat of the fitted song
            List<MediaInfo> clips = backend.state().media();
            double at = 0;
            for (int i = 0; i < clips.size() - 1; i++) {
                at += clips.get(i).durationMs() / 1000.0;
                double t = at;
                double near = java.util.Arrays.stream(fit.beats()).map(b -> Math.abs(b - t)).min().orElse(1);
                assertTrue(near <= 0.002 * (i + 1), "photo change at " + t + " s is " + near + " s off the song's beats");
            }
            assertEquals(at + clips.get(clips.size() - 1).durationMs() / 1000.0, fit.durationSec(), 0.01 * clips.size());
            // the timeline's music block is named after the song
            assertTrue(backend.state().draft().summary().contains("song.mp3"), backend.state().draft().summary());
            // the preview plays the song too
            assertTrue(backend.preview().isPresent());
            // undo takes the photos away, then the song; redo puts the song back
            backend.undo(CancelToken.none());
            assertTrue(backend.state().media().isEmpty());
            backend.undo(CancelToken.none());
            assertTrue(backend.songSentence().isEmpty(), "after undoing it the song is no longer the music");
            backend.redo(CancelToken.none());
            backend.redo(CancelToken.none());
            assertTrue(backend.fittedSong().isPresent(), "redo brings the song back with the photos");
            // "no song" in the chat: composed music again; undo brings the song back
            StringBuilder said2 = new StringBuilder();
            backend.chat("no song, compose something", ev -> {
                if (ev instanceof dev.backbeat.service.ChatEvent.Text t) {
                    said2.append(t.chunk());
                }
            }, CancelToken.none());
            assertTrue(said2.toString().startsWith("Your song 'song.mp3' is no longer the music: I composed"), said2.toString());
            assertTrue(backend.fittedSong().isEmpty());
            backend.undo(CancelToken.none());
            assertTrue(backend.fittedSong().isPresent(), "undo brings the song back");
            StringBuilder zh = new StringBuilder();
            backend.chat("不要这首歌", ev -> {
                if (ev instanceof dev.backbeat.service.ChatEvent.Text t) {
                    zh.append(t.chunk());
                }
            }, CancelToken.none());
            assertTrue(zh.toString().startsWith("你的歌曲“song.mp3”不再作为音乐"), zh.toString());
            assertTrue(backend.fittedSong().isEmpty());
            backend.undo(CancelToken.none());
            BackendException e = assertThrows(BackendException.class, () -> backend.variations(2, (n, f) -> { }, CancelToken.none()));
            assertTrue(e.userMessage().contains("song.mp3"));
        } finally {
            backend.close();
        }
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            long mine = left.filter(p -> p.getFileName().toString().startsWith("backbeat-" + ProcessHandle.current().pid() + "-song-")).count();
            assertEquals(0, mine, "the song's decoded file is removed with the session");
        }
    }

    @Test
    void aProjectKeepsTheSong() throws Exception {
        Path song = SongFiles.mp3(dir, "song", 97, 14);
        List<Path> photos = StillPictures.distinct(dir, 3);
        Path project = dir.resolve("show.backbeat");
        LocalBackend one = new LocalBackend(new FfmpegSource(null));
        FittedSong before;
        try {
            one.upload(List.of(song), (n, f) -> { }, CancelToken.none());
            one.upload(photos, (n, f) -> { }, CancelToken.none());
            before = one.fittedSong().orElseThrow();
            one.saveProject(project, new dev.backbeat.service.ProjectContent(List.of()));
        } finally {
            one.close();
        }
        LocalBackend two = new LocalBackend(new FfmpegSource(null));
        try {
            two.openProject(project, (n, f) -> { }, CancelToken.none());
            FittedSong after = two.fittedSong().orElseThrow(() -> new AssertionError("the song is not the music after opening"));
            assertEquals(before.durationSec(), after.durationSec(), 1e-9);
            assertEquals(before.how(), after.how());
            assertTrue(java.util.Arrays.equals(before.pcm()[0], after.pcm()[0]), "the same song fitted the same way");
        } finally {
            two.close();
        }
    }

    @Test
    void aProjectWhoseSongIsGoneSaysSoAndComposesInstead() throws Exception {
        Path song = SongFiles.mp3(dir, "ours", 97, 14);
        List<Path> photos = StillPictures.distinct(dir, 3);
        Path project = dir.resolve("with-song.backbeat");
        try (LocalBackend one = new LocalBackend(new FfmpegSource(null))) {
            one.upload(List.of(song), (n, f) -> { }, CancelToken.none());
            one.upload(photos, (n, f) -> { }, CancelToken.none());
            assertTrue(one.songSentence().isPresent());
            one.saveProject(project, new dev.backbeat.service.ProjectContent(List.of()));
        }
        Files.move(song, dir.resolve("moved.mp3"));
        try (LocalBackend two = new LocalBackend(new FfmpegSource(null))) {
            dev.backbeat.service.ProjectContent.Opened opened = two.openProject(project, (n, f) -> { }, CancelToken.none());
            assertEquals(1, opened.notes().size(), opened.notes().toString());
            assertTrue(opened.notes().get(0).startsWith("Your song \u201cours.mp3\u201d: it is no longer at"), opened.notes().get(0));
            assertTrue(two.songSentence().isEmpty(), "composed music for now");
            assertTrue(two.plan().isPresent());
        }
    }
}

package dev.backbeat.ui;

import dev.backbeat.draft.Draft;
import dev.backbeat.service.MediaInfo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the chat says when a song is added: the back end's own sentence about how it is used. */
class SongLineTest {
    @Test
    void aSongIsAnnouncedWithTheBackEndsSentence() {
        MediaInfo song = new MediaInfo("x.mp3", "/music/x.mp3", "audio", 180_000, 0, 0, 0, true, "",
                "Using your song 'x.mp3' (98 BPM), fitted to 0:42, ending on its own ending.");
        String line = MainViewModel.scoredLine(song, Draft.empty());
        assertTrue(line.startsWith("Using your song 'x.mp3' (98 BPM), fitted to 0:42"), line);
        assertTrue(line.contains("Tell me what to change"), line);
    }

    @Test
    void dropsOfSongsAreAccepted() {
        assertTrue(dev.backbeat.service.MediaRules.LOCAL_EXTENSIONS.containsAll(java.util.List.of("mp3", "wav", "m4a", "aac")));
        // the local engine takes every video, photo and song type, and nothing else
        java.util.Set<String> all = new java.util.HashSet<>(dev.backbeat.service.MediaRules.VIDEO_AND_IMAGE_EXTENSIONS);
        all.addAll(dev.backbeat.service.MediaRules.AUDIO_EXTENSIONS);
        assertEquals(all, new java.util.HashSet<>(dev.backbeat.service.MediaRules.LOCAL_EXTENSIONS));
    }
}

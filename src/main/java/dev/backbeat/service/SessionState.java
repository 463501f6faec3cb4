package dev.backbeat.service;

import dev.backbeat.draft.Draft;

import java.util.List;

/** The timeline and the media of the current session. */
public record SessionState(Draft draft, List<MediaInfo> media) {
    public SessionState {
        media = List.copyOf(media);
    }

    public static SessionState empty() {
        return new SessionState(Draft.empty(), List.of());
    }
}

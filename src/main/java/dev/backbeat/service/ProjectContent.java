package dev.backbeat.service;

import java.util.List;

/** What a project holds besides the back end's own session: the chat as the user saw it. */
public record ProjectContent(List<ChatLine> chat) {
    public ProjectContent {
        chat = List.copyOf(chat);
    }

    /** One line of the chat; {@code fromUser} tells the user's lines from the answers. */
    public record ChatLine(boolean fromUser, String text) {
    }

    /** A clip the project names that is not where it was, or not as it was: the user is offered to locate it. */
    public record MissingClip(int index, String name, String path, String reason) {
    }

    /** A project opened: the session as it now stands, the chat, and the clips that could not be found. */
    public record Opened(SessionState state, List<ChatLine> chat, List<MissingClip> missing, List<String> notes) {
        public Opened {
            chat = List.copyOf(chat);
            missing = List.copyOf(missing);
            notes = List.copyOf(notes);
        }

        /** Opened with nothing further to tell the user. */
        public Opened(SessionState state, List<ChatLine> chat, List<MissingClip> missing) {
            this(state, chat, missing, List.of());
        }
    }
}

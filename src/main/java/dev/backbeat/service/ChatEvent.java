package dev.backbeat.service;

import dev.backbeat.draft.Draft;

/** What a chat turn streams back, in order, ending with {@link Done} or {@link Failed}. */
public sealed interface ChatEvent {

    /** A piece of the reply as it arrives; pieces concatenate into the whole text. */
    record Text(String chunk) implements ChatEvent {
    }

    /** A one-line note on work in progress ("editing the timeline…"), with a fraction 0-1 where known, else -1. */
    record Progress(String note, double fraction) implements ChatEvent {
    }

    /** The back end is still busy with no text yet. */
    record StillWorking(String note) implements ChatEvent {
    }

    /** The timeline changed; {@code description} says how in plain words. */
    record TimelineChanged(Draft draft, String description) implements ChatEvent {
    }

    record Failed(BackendException error) implements ChatEvent {
    }

    record Done() implements ChatEvent {
    }
}

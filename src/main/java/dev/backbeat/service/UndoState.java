package dev.backbeat.service;

import java.util.Optional;

/** What Edit ▸ Undo and Redo would do now, named for the menu ("Undo Chat: calmer"); empty when nothing. */
public record UndoState(Optional<String> undo, Optional<String> redo) {
    public static UndoState none() {
        return new UndoState(Optional.empty(), Optional.empty());
    }
}

package dev.backbeat.engine.compose;

/** A part of the piece in whole bars [startBar, endBar), with its energy 0-1. */
public record Section(Role role, int startBar, int endBar, double energy) {

    public enum Role { INTRO, VERSE, BUILD, PEAK, BREAK, OUTRO, ENDING }

    public int bars() {
        return endBar - startBar;
    }
}

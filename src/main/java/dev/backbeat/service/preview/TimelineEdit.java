package dev.backbeat.service.preview;

/** A change made on the timeline itself (the inspector, a drag), rather than in the chat. */
public sealed interface TimelineEdit {

    /** A title's text and place changed; {@code index} is its position on the title track. */
    record Title(int index, String text, double startSec, double endSec) implements TimelineEdit {
    }

    record RemoveTitle(int index) implements TimelineEdit {
    }

    /** The music's volume, 0-100. */
    record MusicVolume(double percent) implements TimelineEdit {
    }
}

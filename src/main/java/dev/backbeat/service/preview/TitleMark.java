package dev.backbeat.service.preview;

/** A title over the picture, as the preview draws it: its text and its time on the timeline. */
public record TitleMark(int index, String text, double startSec, double endSec) {
}

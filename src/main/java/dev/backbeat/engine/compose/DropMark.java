package dev.backbeat.engine.compose;

/**
 * A drop asked for in the chat and where the piece puts it: the first downbeat of the peak a
 * build leads into.
 *
 * @param askedSec   the time asked for
 * @param atSec      the peak's first downbeat, or the asked time when the piece could not place it
 * @param errorBeats how far the downbeat is from the asked time, in beats (signed)
 * @param placed     whether the piece has a build and a peak there (false: too close to the end)
 */
public record DropMark(double askedSec, double atSec, double errorBeats, boolean placed) {
}

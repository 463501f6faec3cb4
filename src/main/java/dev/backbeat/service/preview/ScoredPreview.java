package dev.backbeat.service.preview;

import java.util.List;

/**
 * The current scored result as the preview plays it and the timeline draws it: the clips in
 * timeline order, the sound as it would be exported, and the music's structure. Immutable; a new
 * one (with a higher {@code revision}) is made after every change to the music or the mix.
 *
 * @param revision    increases with every change, so a view can tell a stale result from the current one
 * @param durationSec the timeline's length
 * @param clips       the clips, each placed on the timeline
 * @param sound       the mix, readable at any position
 * @param music       beats, bars, sections, cuts and how the music catches them
 * @param titles      the titles drawn over the picture
 */
public record ScoredPreview(long revision, double durationSec, List<PreviewClip> clips, PreviewSound sound,
                            MusicMap music, List<TitleMark> titles) {
    public ScoredPreview {
        clips = List.copyOf(clips);
        titles = List.copyOf(titles);
    }
}

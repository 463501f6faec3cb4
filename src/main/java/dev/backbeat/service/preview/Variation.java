package dev.backbeat.service.preview;

/**
 * An alternative piece for the same footage, ready to audition and pick.
 *
 * @param id      the back end's handle for it, for {@code pickVariation}
 * @param summary one line for its card ("Cinematic · 96 BPM · D minor")
 * @param preview the whole scored result with this piece in place of the current one
 */
public record Variation(String id, String summary, ScoredPreview preview) {
}

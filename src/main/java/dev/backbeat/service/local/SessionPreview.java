package dev.backbeat.service.local;

import dev.backbeat.engine.media.MediaException;
import dev.backbeat.service.BackendException;

import java.io.IOException;
import java.util.Optional;

import static dev.backbeat.service.local.LocalSession.map;

/** The session's current result as the player shows it: the scored preview and how its photos are drawn. */
final class SessionPreview {

    private final LocalSession s;
    private dev.backbeat.service.preview.ScoredPreview preview;

    SessionPreview(LocalSession session) {
        this.s = session;
    }

    /**
     * The current result for the player: made on demand once per change (the music is already
     * rendered; the mix is made as it is read, after one pass for the export's loudness gain).
     */
    Optional<dev.backbeat.service.preview.ScoredPreview> preview() throws BackendException {
        synchronized (s) {
            if (s.clips.isEmpty() || s.music == null) {
                return Optional.empty();
            }
            if (preview != null && preview.revision() == s.revision) {
                return Optional.of(preview);
            }
            try {
                preview = PreviewBuilder.build(s.revision, preview, s.clips, s.thumbnails, s::clipSounds, s.profile, s.music,
                        s.brief.mix(!s.profile.speech().isEmpty(), PreviewBuilder.LOUDNESS_LUFS),
                        s.brief.musicPercent(!s.profile.speech().isEmpty()), s.brief.titles());
                return Optional.of(preview);
            } catch (MediaException e) {
                throw map(e);
            } catch (IOException e) {
                throw new BackendException(BackendException.Kind.INTERNAL, "The clip's sound could not be read for the preview: "
                        + e.getMessage(), e);
            }
        }
    }

    /** How the export would draw the photos now, for the player (the export's frame, fit and zoom). */
    FfmpegPictures.Drawn photoLooks() {
        synchronized (s) {
            if (s.clips.isEmpty() || !s.photos.any(s.clips)) {
                return FfmpegPictures.Drawn.NONE;
            }
            int[] frame = dev.backbeat.engine.mix.FramePlan.size(
                    dev.backbeat.engine.mix.FramePlan.resolveAspect(s.brief.aspect(), s.clips.get(0)));
            dev.backbeat.engine.photo.StillFit fit = s.brief.fit() == dev.backbeat.engine.mix.FramePlan.Fit.CROP
                    ? dev.backbeat.engine.photo.StillFit.CROP : dev.backbeat.engine.photo.StillFit.BLUR;
            return new FfmpegPictures.Drawn(s.photos.looks(s.clips, s.brief.photos().zoom(), fit), frame[0], frame[1]);
        }
    }
}

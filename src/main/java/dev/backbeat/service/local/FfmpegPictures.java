package dev.backbeat.service.local;

import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.FrameReader;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.preview.PreviewClip;
import dev.backbeat.service.preview.PreviewPictures;

import java.util.List;

/** The player's picture from the bundled FFmpeg: each clip decoded at preview size in turn, from the time asked for. */
final class FfmpegPictures implements PreviewPictures {
    private final LocalBackend.RunnerSource ffmpeg;
    private final Looks looks;

    /** How the export draws the session's photos now: a look per clip (null: shown as it is), and the export's frame. */
    interface Looks {
        Drawn now();
    }

    record Drawn(List<dev.backbeat.engine.photo.StillPreview.Look> looks, int width, int height) {
        static final Drawn NONE = new Drawn(List.of(), 0, 0);
    }

    FfmpegPictures(LocalBackend.RunnerSource ffmpeg) {
        this(ffmpeg, () -> Drawn.NONE);
    }

    FfmpegPictures(LocalBackend.RunnerSource ffmpeg, Looks looks) {
        this.ffmpeg = ffmpeg;
        this.looks = looks;
    }

    @Override
    public Stream open(List<PreviewClip> clips, double fromSec, int maxW, int maxH) throws BackendException {
        return new ClipAfterClip(clips, fromSec, maxW, maxH, looks.now());
    }

    /** Reads the clip under the playhead, then starts the next one at its beginning. */
    private final class ClipAfterClip implements Stream {
        private final List<PreviewClip> clips;
        private final int maxW;
        private final int maxH;
        private final Cancellation cancel = new Cancellation();
        private int clip;
        private double within;
        private FrameReader reader;
        private final Drawn drawn;
        /** The photo under the playhead drawn on its canvas, and the next of its frames to show. */
        private dev.backbeat.engine.photo.StillPreview.Canvas canvas;
        private int on;

        ClipAfterClip(List<PreviewClip> clips, double fromSec, int maxW, int maxH, Drawn drawn) {
            this.drawn = drawn.looks().size() == clips.size() ? drawn : Drawn.NONE;
            this.clips = List.copyOf(clips);
            this.maxW = maxW;
            this.maxH = maxH;
            clip = 0;
            while (clip < this.clips.size() - 1 && fromSec >= this.clips.get(clip).endSec()) {
                clip++;
            }
            within = clip < this.clips.size() ? Math.max(0, fromSec - this.clips.get(clip).startSec()) : 0;
        }

        @Override
        public Picture next() throws BackendException {
            try {
                while (clip < clips.size() && !cancel.isCancelled()) {
                    PreviewClip c = clips.get(clip);
                    dev.backbeat.engine.photo.StillPreview.Look look = drawn.looks().isEmpty() ? null : drawn.looks().get(clip);
                    if (look != null && drawn.width() > 0) {
                        // a photo as the export draws it: its canvas once, then the moving window frame by frame
                        FrameReader.Size size = FrameReader.fit(drawn.width(), drawn.height(), maxW, maxH);
                        if (canvas == null) {
                            canvas = new dev.backbeat.engine.photo.StillPreview(ffmpeg.runner())
                                    .canvas(look, size.width(), size.height(), cancel);
                            on = (int) Math.floor(within * dev.backbeat.engine.photo.StillPreview.FPS + 1e-6);
                        }
                        if (on < look.frames()) {
                            double t = on / (double) dev.backbeat.engine.photo.StillPreview.FPS;
                            byte[] rgb = dev.backbeat.engine.photo.StillPreview.frame(canvas, look, on, size.width(), size.height());
                            on++;
                            return new Picture(c.startSec() + t, size.width(), size.height(), rgb);
                        }
                        canvas = null;
                        clip++;
                        within = 0;
                        continue;
                    }
                    // a photo has one picture, at its start: it is shown from where the playback is
                    boolean photo = dev.backbeat.service.MediaRules.isImage(c.path());
                    if (reader == null && within < c.durationSec()) {
                        reader = new FrameReader(ffmpeg.runner().ffmpeg(), c.path(), photo ? 0 : within, c.fps(),
                                FrameReader.fit(c.width(), c.height(), maxW, maxH), cancel);
                    }
                    FrameReader.Frame f = reader == null ? null : reader.next();
                    if (photo && f != null) {
                        Picture held = new Picture(c.startSec() + within, f.width(), f.height(), f.rgb());
                        reader.close();
                        reader = null;
                        clip++;
                        within = 0;
                        return held;
                    }
                    // frames past the clip's length (a longer picture than sound) belong to no one
                    if (f != null && f.timeSec() < c.durationSec()) {
                        return new Picture(c.startSec() + f.timeSec(), f.width(), f.height(), f.rgb());
                    }
                    if (reader != null) {
                        reader.close();
                        reader = null;
                    }
                    clip++;
                    within = 0;
                }
                return null;
            } catch (MediaException e) {
                if (cancel.isCancelled()) {
                    return null;
                }
                throw LocalSession.map(e);
            }
        }

        @Override
        public void close() {
            cancel.cancel();
            if (reader != null) {
                reader.close();
            }
        }
    }
}

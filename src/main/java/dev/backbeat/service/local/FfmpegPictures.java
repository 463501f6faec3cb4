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

    FfmpegPictures(LocalBackend.RunnerSource ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    @Override
    public Stream open(List<PreviewClip> clips, double fromSec, int maxW, int maxH) throws BackendException {
        return new ClipAfterClip(clips, fromSec, maxW, maxH);
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

        ClipAfterClip(List<PreviewClip> clips, double fromSec, int maxW, int maxH) {
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
                throw LocalBackend.map(e);
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

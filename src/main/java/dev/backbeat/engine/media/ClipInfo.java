package dev.backbeat.engine.media;

import java.nio.file.Path;

/**
 * What a probe read from a media file, before any decoding.
 *
 * @param width          coded width of the picture
 * @param height         coded height of the picture
 * @param rotation       clockwise display rotation, 0/90/180/270
 * @param fps            average frame rate (frames / duration)
 * @param nominalFps     the stream's nominal rate (r_frame_rate)
 * @param variableFrameRate true when the average and nominal rates differ
 * @param frameCount     frames in the video stream where the container says, else -1
 * @param pixelFormat    the picture's pixel format (yuv420p, yuv420p10le, …), or null where unknown
 * @param videoStreamSec the picture stream's own stated length, 0 where the file does not say (Matroska)
 * @param audioStreamSec the sound stream's own stated length, 0 where the file does not say or has no sound
 */
public record ClipInfo(Path path, String container, double durationSec, String videoCodec, int width, int height,
                       int rotation, double fps, double nominalFps, boolean variableFrameRate, long frameCount,
                       boolean hasAudio, String audioCodec, int audioSampleRate, int audioChannels, String pixelFormat,
                       double videoStreamSec, double audioStreamSec) {

    /** A clip whose streams state no length of their own. */
    public ClipInfo(Path path, String container, double durationSec, String videoCodec, int width, int height,
                    int rotation, double fps, double nominalFps, boolean variableFrameRate, long frameCount,
                    boolean hasAudio, String audioCodec, int audioSampleRate, int audioChannels, String pixelFormat) {
        this(path, container, durationSec, videoCodec, width, height, rotation, fps, nominalFps, variableFrameRate,
                frameCount, hasAudio, audioCodec, audioSampleRate, audioChannels, pixelFormat, 0, 0);
    }

    /** The same clip, used only up to {@code sec} (what a damaged file really holds). */
    public ClipInfo upTo(double sec) {
        return new ClipInfo(path, container, Math.min(durationSec, sec), videoCodec, width, height, rotation, fps,
                nominalFps, variableFrameRate, frameCount, hasAudio, audioCodec, audioSampleRate, audioChannels,
                pixelFormat, videoStreamSec, audioStreamSec);
    }

    /** Width as shown to the viewer (swapped for 90°/270° rotation). */
    public int displayWidth() {
        return rotation % 180 == 0 ? width : height;
    }

    public int displayHeight() {
        return rotation % 180 == 0 ? height : width;
    }

    public String summary() {
        return String.format(java.util.Locale.ROOT, "%s, %.2f s, %dx%d%s, %.3f fps%s, %s",
                videoCodec, durationSec, displayWidth(), displayHeight(),
                rotation != 0 ? " (rotated " + rotation + "°)" : "", fps, variableFrameRate ? " (variable)" : "",
                hasAudio ? "sound: " + audioCodec + " " + audioSampleRate + " Hz" : "no sound");
    }
}

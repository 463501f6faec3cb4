package dev.backbeat.service.preview;

import dev.backbeat.service.BackendException;

import java.util.List;

/**
 * The timeline's picture for the player, decoded at preview size from the clips themselves (no
 * export needed): a stream from any time, the clips one after another.
 */
public interface PreviewPictures {

    /** A picture and where it sits on the timeline; pixels packed RGB, 3 bytes each, row by row. */
    record Picture(double timeSec, int width, int height, byte[] rgb) {
    }

    /** Pictures in time order; closing it stops the decoding at once. */
    interface Stream extends AutoCloseable {
        /** The next picture, or null past the last clip's end. Blocks while it is decoded. */
        Picture next() throws BackendException;

        @Override
        void close();
    }

    /** Opens the picture of {@code clips} from timeline second {@code fromSec}, each fitted into {@code maxW × maxH}. */
    Stream open(List<PreviewClip> clips, double fromSec, int maxW, int maxH) throws BackendException;
}

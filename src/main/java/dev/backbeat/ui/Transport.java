package dev.backbeat.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Where playback is, shared by the panes: the player moves it, the timeline draws the playhead
 * from it and asks it to seek. Changed on the UI thread only.
 */
public final class Transport {

    /** What actually plays: the preview's player registers itself here. */
    public interface Player {
        void play();

        void pause();

        /** Moves to a time on the timeline, in seconds; the next frame shown is the one at that time. */
        void seek(double sec);
    }

    private final ReadOnlyDoubleWrapper positionSec = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private Player player;

    public void attach(Player p) {
        this.player = p;
    }

    /** The playhead, in timeline seconds. */
    public ReadOnlyDoubleProperty positionSecProperty() {
        return positionSec.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** For the player: reports where it is and whether it plays. */
    public void report(double sec, boolean isPlaying) {
        positionSec.set(sec);
        playing.set(isPlaying);
    }

    public void seek(double sec) {
        if (player != null) {
            player.seek(Math.max(0, sec));
        } else {
            positionSec.set(Math.max(0, sec));
        }
    }

    public void togglePlay() {
        if (player == null) {
            return;
        }
        if (playing.get()) {
            player.pause();
        } else {
            player.play();
        }
    }
}

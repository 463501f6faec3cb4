package dev.backbeat.engine.media;

/** Reports how far long engine work has come: a fraction 0-1 and, where known, the speed (1.0 = real time). */
@FunctionalInterface
public interface Progress {

    void update(double fraction, double speed);

    /**
     * The work is being done again, because of {@code why} ("the sound was 1.2 LU too quiet"): the
     * fractions that follow count the new pass from 0. An empty {@code why}: no more passes again.
     */
    default void redo(String why) {
    }

    static Progress none() {
        return (fraction, speed) -> { };
    }
}

package dev.backbeat.engine.media;

/** Reports how far long engine work has come: a fraction 0-1 and, where known, the speed (1.0 = real time). */
@FunctionalInterface
public interface Progress {

    void update(double fraction, double speed);

    static Progress none() {
        return (fraction, speed) -> { };
    }
}

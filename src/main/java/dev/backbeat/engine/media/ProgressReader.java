package dev.backbeat.engine.media;

/**
 * Reads the key=value lines ffmpeg writes with {@code -progress}: {@code out_time_us} gives the
 * position, {@code speed} the speed, and a block ends with {@code progress=continue|end}.
 */
final class ProgressReader {

    private final double durationSec;
    private final Progress progress;
    private double positionSec;
    private double speed;

    ProgressReader(double durationSec, Progress progress) {
        this.durationSec = durationSec;
        this.progress = progress;
    }

    /** @return true if the line was a progress line (and so is not worth keeping as a message) */
    boolean accept(String line) {
        int eq = line.indexOf('=');
        if (eq <= 0 || line.indexOf(' ') >= 0 && line.indexOf(' ') < eq) {
            return false;
        }
        String key = line.substring(0, eq);
        String value = line.substring(eq + 1).trim();
        switch (key) {
            case "out_time_us", "out_time_ms" -> {
                // both are microseconds (out_time_ms is misnamed in ffmpeg)
                Double us = number(value);
                if (us != null && us >= 0) {
                    positionSec = us / 1e6;
                }
            }
            case "speed" -> {
                Double s = number(value.endsWith("x") ? value.substring(0, value.length() - 1) : value);
                speed = s == null ? speed : s;
            }
            case "progress" -> progress.update("end".equals(value) ? 1.0 : fraction(), speed);
            case "frame", "fps", "bitrate", "total_size", "out_time", "dup_frames", "drop_frames" -> { }
            default -> {
                if (!key.startsWith("stream_")) {
                    return false;
                }
            }
        }
        return true;
    }

    double fraction() {
        return durationSec > 0 ? Math.min(1.0, positionSec / durationSec) : 0;
    }

    double positionSec() {
        return positionSec;
    }

    double speed() {
        return speed;
    }

    private static Double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package dev.backbeat.service.local;

import dev.backbeat.engine.media.FfmpegLocator;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaException;

import java.nio.file.Path;

/**
 * Finds FFmpeg once per back end: the path in settings, else env {@code BACKBEAT_FFMPEG}, else
 * the bundled build (unpacked on first use).
 */
public final class FfmpegSource implements LocalBackend.RunnerSource {
    private final String settingsPath;
    private FfmpegRunner runner;

    public FfmpegSource(String settingsPath) {
        this.settingsPath = settingsPath;
    }

    @Override
    public synchronized FfmpegRunner runner() throws MediaException {
        if (runner == null) {
            FfmpegLocator locator = settingsPath == null || settingsPath.isBlank()
                    ? new FfmpegLocator()
                    : new FfmpegLocator(Path.of(settingsPath), null);
            runner = new FfmpegRunner(locator.locate());
        }
        return runner;
    }
}

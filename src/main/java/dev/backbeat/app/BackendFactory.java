package dev.backbeat.app;

import dev.backbeat.service.Backend;
import dev.backbeat.service.Settings;
import dev.backbeat.service.SettingsStore;
import dev.backbeat.service.cloud.CloudBackend;
import dev.backbeat.service.cloud.CloudConfig;
import dev.backbeat.service.local.FfmpegSource;
import dev.backbeat.service.local.LocalBackend;
import dev.backbeat.service.local.Rehearsal;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;

/** Builds the back end the settings ask for. */
final class BackendFactory implements Function<Settings, Backend> {

    @Override
    public Backend apply(Settings settings) {
        return switch (settings.backend()) {
            case LOCAL -> {
                FfmpegSource ffmpeg = new FfmpegSource(settings.ffmpegPath());
                Rehearsal.start(ffmpeg);
                yield new LocalBackend(ffmpeg);
            }
            case CLOUD -> cloud(settings);
        };
    }

    private static Backend cloud(Settings settings) {
        try {
            CloudConfig config = CloudConfig.load(System.getenv(), SettingsStore.defaultConfigDir(),
                    settings.apiBase().isBlank() ? null : settings.apiBase());
            return new CloudBackend(config.withPollInterval(Duration.ofSeconds(settings.pollSeconds())));
        } catch (IOException | IllegalArgumentException e) {
            return new UnavailableBackend("Cloud", "The cloud settings cannot be read (" + e.getMessage()
                    + "). Check the API address in Settings, or switch back to Local.");
        }
    }
}

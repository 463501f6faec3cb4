package dev.backbeat.app;

import dev.backbeat.service.Backend;
import dev.backbeat.service.Settings;
import dev.backbeat.service.local.FfmpegSource;
import dev.backbeat.service.local.LocalBackend;

import java.util.function.Function;

/** Builds the back end the settings ask for. */
final class BackendFactory implements Function<Settings, Backend> {

    @Override
    public Backend apply(Settings settings) {
        return switch (settings.backend()) {
            case LOCAL -> local(settings);
            case CLOUD -> new UnavailableBackend("Cloud",
                    "The cloud back end is not part of this build yet. Switch back to Local in Settings.");
        };
    }

    private static Backend local(Settings settings) {
        return new LocalBackend(new FfmpegSource(settings.ffmpegPath()));
    }
}

package dev.backbeat.cli;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import dev.backbeat.engine.analysis.VideoProfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns the compose command's INPUT into a video profile. Today only a PROFILE.json (a
 * Gson-serialised {@link VideoProfile}) is read; analysing a video file plugs in here.
 */
final class ProfileInput {

    /** INPUT was missing, unreadable or not a profile; the message says what to give instead. */
    static final class BadInputException extends Exception {
        BadInputException(String message) {
            super(message);
        }
    }

    private ProfileInput() {
    }

    static VideoProfile read(String input) throws BadInputException {
        Path path = Path.of(input);
        if (!Files.isRegularFile(path)) throw new BadInputException("There is no file " + input + ".");
        if (!input.toLowerCase(Locale.ROOT).endsWith(".json")) {
            throw new BadInputException(input + " is not a video profile: this build composes from a PROFILE.json "
                    + "written by the analysis (reading videos directly comes with the analysis engine).");
        }
        try {
            VideoProfile p = new Gson().fromJson(Files.readString(path, StandardCharsets.UTF_8), VideoProfile.class);
            if (p == null || p.durationSec() <= 0 || p.cuts() == null) {
                throw new BadInputException(input + " is not a complete video profile: it needs durationSec and cuts.");
            }
            return p;
        } catch (JsonParseException e) {
            throw new BadInputException(input + " is not valid profile JSON: " + e.getMessage());
        } catch (IOException e) {
            throw new BadInputException("Cannot read " + input + ": " + e.getMessage());
        }
    }
}

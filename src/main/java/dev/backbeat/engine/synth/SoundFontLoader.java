package dev.backbeat.engine.synth;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Soundbank;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds and loads the shipped General MIDI SoundFont: the system property
 * {@code backbeat.soundfont} if set, else {@code assets/soundfonts/} under the working directory,
 * else the copy inside the jar (class path {@code /assets/soundfonts/}). Loaded once per process.
 */
public final class SoundFontLoader {

    public static final String FILE = "backbeat-gm.sf2";
    private static Soundbank cached;

    private SoundFontLoader() {
    }

    public static synchronized Soundbank load() {
        if (cached == null) cached = read();
        return cached;
    }

    /** Loads a given SF2 file (for comparing SoundFonts). */
    public static Soundbank load(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return MidiSystem.getSoundbank(in);
        } catch (IOException | InvalidMidiDataException e) {
            throw new SynthException("The SoundFont " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Soundbank read() {
        String override = System.getProperty("backbeat.soundfont");
        if (override != null) return load(Path.of(override));
        Path local = Path.of("assets", "soundfonts", FILE);
        if (Files.isRegularFile(local)) return load(local);
        InputStream res = SoundFontLoader.class.getResourceAsStream("/assets/soundfonts/" + FILE);
        if (res == null) {
            throw new SynthException("The instrument sounds (assets/soundfonts/" + FILE + ") are missing: "
                    + "reinstall Backbeat or run it from its folder.");
        }
        try (InputStream in = new BufferedInputStream(res)) {
            return MidiSystem.getSoundbank(in);
        } catch (IOException | InvalidMidiDataException e) {
            throw new SynthException("The shipped SoundFont cannot be read: " + e.getMessage(), e);
        }
    }
}

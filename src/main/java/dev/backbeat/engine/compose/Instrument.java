package dev.backbeat.engine.compose;

/** A MIDI channel's sound: General MIDI program (bank 128 for drum kits), level, pan and reverb send. */
public record Instrument(String part, Note.Stem stem, int channel, int bank, int program, int volume, int pan,
                         int reverb) {
}

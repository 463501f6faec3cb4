package dev.backbeat.engine.synth;

import dev.backbeat.engine.compose.StyleLibrary;

import javax.sound.midi.Instrument;
import javax.sound.midi.Patch;
import javax.sound.midi.SoundbankResource;
import java.io.File;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Writes a SoundFont holding only the presets Backbeat's styles play, from a full General MIDI
 * SF2 (how the shipped file was made, see assets/soundfonts/README.md). Uses Gervill's SF2 reader
 * and writer by reflection; run with --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED:
 * {@code java ... dev.backbeat.engine.synth.SoundFontSubset FluidR3_GM.sf2 out.sf2}
 */
public final class SoundFontSubset {

    private SoundFontSubset() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SoundFontSubset FULL.sf2 SUBSET.sf2");
            System.exit(2);
        }
        Class<?> bankClass = Class.forName("com.sun.media.sound.SF2Soundbank");
        Object bank = bankClass.getConstructor(File.class).newInstance(new File(args[0]));
        Set<Integer> melodic = StyleLibrary.melodicPrograms();
        Set<Integer> kits = StyleLibrary.drumKits();
        Method remove = bankClass.getMethod("removeInstrument", Class.forName("com.sun.media.sound.SF2Instrument"));
        int kept = 0;
        for (Instrument ins : (Instrument[]) bankClass.getMethod("getInstruments").invoke(bank)) {
            Patch p = ins.getPatch();
            boolean drum = p.getBank() == 128 || isPercussion(ins);
            boolean keep = drum ? kits.contains(p.getProgram()) : p.getBank() == 0 && melodic.contains(p.getProgram());
            if (keep) kept++;
            else remove.invoke(bank, ins);
        }
        trimDrumKeys(bankClass, bank);
        // Drop the layers and samples no kept preset refers to, or save() would write them all.
        Set<Object> usedLayers = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> usedSamples = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Instrument ins : (Instrument[]) bankClass.getMethod("getInstruments").invoke(bank)) {
            for (Object region : (List<?>) ins.getClass().getMethod("getRegions").invoke(ins)) {
                Object layer = region.getClass().getMethod("getLayer").invoke(region);
                if (layer == null) continue;
                usedLayers.add(layer);
                for (Object lr : (List<?>) layer.getClass().getMethod("getRegions").invoke(layer)) {
                    Object sample = lr.getClass().getMethod("getSample").invoke(lr);
                    if (sample != null) usedSamples.add(sample);
                }
            }
        }
        Method removeResource = bankClass.getMethod("removeResource", SoundbankResource.class);
        int dropped = 0;
        for (SoundbankResource r : (SoundbankResource[]) bankClass.getMethod("getResources").invoke(bank)) {
            if (!usedLayers.contains(r) && !usedSamples.contains(r)) {
                removeResource.invoke(bank, r);
                dropped++;
            }
        }
        bankClass.getMethod("save", File.class).invoke(bank, new File(args[1]));
        System.out.printf("kept %d presets (melodic %s, kits %s), dropped %d layers/samples → %s (%.1f MB)%n", kept,
                melodic, kits, dropped, args[1], new File(args[1]).length() / 1e6);
    }

    /** In drum kits, keeps only the regions that can sound a key our patterns play. */
    private static void trimDrumKeys(Class<?> bankClass, Object bank) throws ReflectiveOperationException {
        int[] keys = dev.backbeat.engine.compose.DrumPattern.keysUsed();
        int keyRange = Class.forName("com.sun.media.sound.SF2Region").getField("GENERATOR_KEYRANGE").getInt(null);
        for (Instrument ins : (Instrument[]) bankClass.getMethod("getInstruments").invoke(bank)) {
            if (!isPercussion(ins) && ins.getPatch().getBank() != 128) continue;
            List<?> presetRegions = (List<?>) ins.getClass().getMethod("getRegions").invoke(ins);
            presetRegions.removeIf(r -> !covers(r, keyRange, keys));
            for (Object region : presetRegions) {
                Object layer = region.getClass().getMethod("getLayer").invoke(region);
                if (layer == null) continue;
                List<?> layerRegions = (List<?>) layer.getClass().getMethod("getRegions").invoke(layer);
                layerRegions.removeIf(r -> !covers(r, keyRange, keys));
            }
        }
    }

    private static boolean covers(Object region, int keyRange, int[] keys) {
        try {
            Object bytes = region.getClass().getMethod("getBytes", int.class).invoke(region, keyRange);
            if (bytes == null) return true;
            byte[] b = (byte[]) bytes;
            for (int k : keys) if (k >= (b[0] & 0xff) && k <= (b[1] & 0xff)) return true;
            return false;
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private static boolean isPercussion(Instrument ins) {
        try {
            return (boolean) ins.getPatch().getClass().getMethod("isPercussion").invoke(ins.getPatch());
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}

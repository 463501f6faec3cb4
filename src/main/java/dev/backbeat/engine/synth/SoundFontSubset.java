package dev.backbeat.engine.synth;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the shipped SoundFont from several source SF2 files, one preset at a time as
 * assets/soundfonts/manifest.tsv says (which preset of which file, into which bank and program,
 * trimmed to which keys and velocities), so each instrument comes from the bank that plays it best.
 * Uses Gervill's SF2 reader and writer by reflection; run with
 * --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED:
 * {@code java ... dev.backbeat.engine.synth.SoundFontSubset manifest.tsv SOURCE_DIR OUT.sf2}
 */
public final class SoundFontSubset {

    private static final String PKG = "com.sun.media.sound.";
    private static final int SAMPLE_MONO = 1;

    private final Map<String, Object> sources = new HashMap<>();
    private final Path sourceDir;

    private SoundFontSubset(Path sourceDir) {
        this.sourceDir = sourceDir;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SoundFontSubset MANIFEST.tsv SOURCE_DIR OUT.sf2   (sources: installer/soundfont-sources.sh)");
            System.exit(2);
        }
        SoundFontManifest manifest = SoundFontManifest.read(Path.of(args[0]));
        Path out = Path.of(args[2]);
        new SoundFontSubset(Path.of(args[1])).build(manifest, out);
        System.out.printf("%d manifest lines → %s (%.1f MB)%n", manifest.entries().size(), out, Files.size(out) / 1e6);
    }

    private void build(SoundFontManifest manifest, Path out) throws Exception {
        Object target = Class.forName(PKG + "SF2Soundbank").getConstructor().newInstance();
        call(target, "setName", "Backbeat GM");
        call(target, "setVendor", "Backbeat");
        call(target, "setDescription", "Built by dev.backbeat.engine.synth.SoundFontSubset from "
                + "FluidR3_GM (MIT), MuseScore_General (MIT) and sf_GMbank (public domain): see manifest.tsv");
        // A sample shared by several kept presets is written once; its stereo partner is found by identity.
        List<Object> copiedLayers = new ArrayList<>();
        List<Object> samples = new ArrayList<>();
        Map<Object, Integer> sampleIndex = new IdentityHashMap<>();
        Map<Object, Object> sourceOf = new IdentityHashMap<>();
        // Several lines may fill one preset (a kit whose kick takes its own gain): their zones are joined.
        Map<String, Object> built = new HashMap<>();
        for (SoundFontManifest.Entry e : expand(manifest)) {
            Object source = source(e.source());
            Object preset = findPreset(source, e);
            Object global = call(preset, "getGlobalRegion");
            Object copy = built.get(e.bank() + ":" + e.program());
            if (copy == null) {
                copy = Class.forName(PKG + "SF2Instrument").getConstructor(Class.forName(PKG + "SF2Soundbank")).newInstance(target);
                call(copy, "setName", call(preset, "getName"));
                call(copy, "setPatch", Class.forName(PKG + "ModelPatch").getConstructor(int.class, int.class, boolean.class)
                        .newInstance(e.drum() ? 0 : e.bank() << 7, e.program(), e.drum()));
                if (global != null) call(copy, "setGlobalZone", copyRegion(global, "SF2GlobalRegion"));
                built.put(e.bank() + ":" + e.program(), copy);
                call(target, "addResource", copy);
            }
            List<Object> added = new ArrayList<>();
            for (Object region : (List<?>) call(preset, "getRegions")) {
                Object layer = call(region, "getLayer");
                if (layer == null || !overlaps(region, e)) continue;
                Object layerCopy = copyLayer(target, layer, e, samples, sampleIndex, sourceOf, source);
                if (((List<?>) call(layerCopy, "getRegions")).isEmpty()) continue;
                copiedLayers.add(layerCopy);
                Object regionCopy = copyRegion(region, "SF2InstrumentRegion");
                call(regionCopy, "setLayer", layerCopy);
                added.add(regionCopy);
            }
            if (added.isEmpty()) {
                throw new IOException(e.source() + " " + e.sourceBank() + ":" + e.sourceProgram()
                        + " has nothing in keys " + e.lowKey() + "-" + e.highKey());
            }
            applyGain(added, global, call(copy, "getGlobalRegion"), e.gainDb());
            listOf(copy, "getRegions").addAll(added);
        }
        for (Object layer : copiedLayers) call(target, "addResource", layer);
        for (Object sample : samples) call(target, "addResource", sample);
        relink(samples, sampleIndex, sourceOf);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".backbeat-gm", ".sf2.part");
        try {
            call(target, "save", tmp.toFile());
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Adds the gain as preset-level initial attenuation (preset generators offset the instrument's) on every
     * preset zone, folding in the global zone's value: Gervill lets a preset's global zone override its
     * zones (the reverse of the SF2 rule), so the global zone keeps no attenuation of its own. Gervill reads
     * one unit as 0.0376 dB.
     */
    @SuppressWarnings("unchecked")
    private static void applyGain(List<Object> zones, Object sourceGlobal, Object copyGlobal, double gainDb) throws Exception {
        if (gainDb == 0) return;
        int attenuation = generator("GENERATOR_INITIALATTENUATION");
        int delta = (int) Math.round(-gainDb / 0.0376287);
        Map<Integer, Short> sourceGens = sourceGlobal == null ? Map.of() : (Map<Integer, Short>) call(sourceGlobal, "getGenerators");
        short inherited = sourceGens.getOrDefault(attenuation, (short) 0);
        for (Object zone : zones) {
            Map<Integer, Short> gens = (Map<Integer, Short>) call(zone, "getGenerators");
            gens.put(attenuation, (short) (gens.getOrDefault(attenuation, inherited) + delta));
        }
        if (copyGlobal != null) ((Map<Integer, Short>) call(copyGlobal, "getGenerators")).remove(attenuation);
    }

    /** The manifest's lines with each fallback line replaced by one line per program it fills. */
    private List<SoundFontManifest.Entry> expand(SoundFontManifest manifest) throws Exception {
        List<SoundFontManifest.Entry> out = new ArrayList<>();
        for (SoundFontManifest.Entry e : manifest.entries()) if (!e.fallback()) out.add(e);
        for (SoundFontManifest.Entry e : manifest.entries()) {
            if (!e.fallback()) continue;
            for (Object ins : (Object[]) call(source(e.source()), "getInstruments")) {
                javax.sound.midi.Patch p = (javax.sound.midi.Patch) call(ins, "getPatch");
                int bank = (boolean) call(p, "isPercussion") ? 128 : p.getBank() >> 7;
                if (bank != e.sourceBank() || manifest.find(e.bank(), p.getProgram()) != e) continue;
                out.add(new SoundFontManifest.Entry(e.bank(), p.getProgram(), e.source(), bank, p.getProgram(),
                        e.lowKey(), e.highKey(), e.lowVelocity(), e.highVelocity(), e.gainDb(), e.why()));
            }
        }
        return out;
    }

    /** A copy of one layer (an SF2 "instrument") holding only the zones inside the entry's keys and velocities. */
    private Object copyLayer(Object target, Object layer, SoundFontManifest.Entry e, List<Object> samples,
                             Map<Object, Integer> sampleIndex, Map<Object, Object> sourceOf, Object source) throws Exception {
        Object copy = Class.forName(PKG + "SF2Layer").getConstructor(Class.forName(PKG + "SF2Soundbank")).newInstance(target);
        call(copy, "setName", call(layer, "getName"));
        Object global = call(layer, "getGlobalRegion");
        if (global != null) call(copy, "setGlobalZone", copyRegion(global, "SF2GlobalRegion"));
        for (Object region : (List<?>) call(layer, "getRegions")) {
            Object sample = call(region, "getSample");
            if (sample == null || !overlaps(region, e)) continue;
            Object regionCopy = copyRegion(region, "SF2LayerRegion");
            call(regionCopy, "setSample", sample);
            if (!sampleIndex.containsKey(sample)) {
                sampleIndex.put(sample, samples.size());
                samples.add(sample);
                sourceOf.put(sample, source);
            }
            listOf(copy, "getRegions").add(regionCopy);
        }
        return copy;
    }

    /** Points each stereo sample at its partner's new index, or makes it mono when the partner was not kept. */
    private static void relink(List<Object> samples, Map<Object, Integer> sampleIndex, Map<Object, Object> sourceOf)
            throws Exception {
        Map<Object, List<Object>> sourceSamples = new IdentityHashMap<>();
        for (Object s : samples) {
            Object source = sourceOf.get(s);
            List<Object> all = sourceSamples.get(source);
            if (all == null) {
                all = new ArrayList<>();
                for (Object r : (Object[]) call(source, "getResources")) {
                    if (r.getClass().getSimpleName().equals("SF2Sample")) all.add(r);
                }
                sourceSamples.put(source, all);
            }
            int type = (int) call(s, "getSampleType");
            if ((type & 0x8000) != 0 || type == SAMPLE_MONO) continue;
            int link = (int) call(s, "getSampleLink");
            Object partner = link >= 0 && link < all.size() ? all.get(link) : null;
            Integer at = partner == null ? null : sampleIndex.get(partner);
            if (at == null) {
                call(s, "setSampleType", SAMPLE_MONO);
                call(s, "setSampleLink", 0);
            } else {
                call(s, "setSampleLink", at);
            }
        }
    }

    private Object source(String file) throws Exception {
        Object bank = sources.get(file);
        if (bank == null) {
            Path p = sourceDir.resolve(file);
            if (!Files.isRegularFile(p)) {
                throw new IOException(p + " is missing: run installer/soundfont-sources.sh (Debian packages) first");
            }
            bank = Class.forName(PKG + "SF2Soundbank").getConstructor(File.class).newInstance(p.toFile());
            sources.put(file, bank);
        }
        return bank;
    }

    private static Object findPreset(Object source, SoundFontManifest.Entry e) throws Exception {
        for (Object ins : (Object[]) call(source, "getInstruments")) {
            javax.sound.midi.Patch p = (javax.sound.midi.Patch) call(ins, "getPatch");
            boolean drum = (boolean) call(p, "isPercussion");
            int bank = drum ? 128 : p.getBank() >> 7;
            if (bank == e.sourceBank() && p.getProgram() == e.sourceProgram()) return ins;
        }
        throw new IOException(e.source() + " has no preset " + e.sourceBank() + ":" + e.sourceProgram());
    }

    /** Whether a zone's key and velocity ranges (absent: all) meet the entry's. */
    private static boolean overlaps(Object region, SoundFontManifest.Entry e) throws Exception {
        return meets((byte[]) call(region, "getBytes", generator("GENERATOR_KEYRANGE")), e.lowKey(), e.highKey())
                && meets((byte[]) call(region, "getBytes", generator("GENERATOR_VELRANGE")), e.lowVelocity(), e.highVelocity());
    }

    private static boolean meets(byte[] range, int lo, int hi) {
        return range == null || ((range[0] & 0xff) <= hi && (range[1] & 0xff) >= lo);
    }

    private static int generator(String name) throws ReflectiveOperationException {
        return Class.forName(PKG + "SF2Region").getField(name).getInt(null);
    }

    @SuppressWarnings("unchecked")
    private static Object copyRegion(Object region, String type) throws Exception {
        Object copy = Class.forName(PKG + type).getConstructor().newInstance();
        ((Map<Integer, Short>) call(copy, "getGenerators")).putAll((Map<Integer, Short>) call(region, "getGenerators"));
        ((List<Object>) call(copy, "getModulators")).addAll((List<Object>) call(region, "getModulators"));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Object o, String getter) throws Exception {
        return (List<Object>) call(o, getter);
    }

    /** Calls the public method of that name and arity (Gervill's SF2 classes are JDK-internal, so not compiled against). */
    private static Object call(Object target, String name, Object... args) throws Exception {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (!m.getName().equals(name) || m.getParameterCount() != args.length) continue;
                if (!java.lang.reflect.Modifier.isPublic(m.getModifiers())) continue;
                if (!accepts(m.getParameterTypes(), args)) continue;
                return m.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name);
    }

    private static boolean accepts(Class<?>[] types, Object[] args) {
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i].isPrimitive() ? boxed(types[i]) : types[i];
            if (args[i] != null && !t.isInstance(args[i])) return false;
        }
        return true;
    }

    private static Class<?> boxed(Class<?> p) {
        return p == int.class ? Integer.class : p == boolean.class ? Boolean.class : p == long.class ? Long.class
                : p == short.class ? Short.class : p == byte.class ? Byte.class : Object.class;
    }
}

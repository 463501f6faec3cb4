package dev.backbeat.engine.produce;

import dev.backbeat.engine.compose.Style;

import java.util.EnumMap;
import java.util.Map;

/**
 * What each style's mix gets: one readable table. Every style starts from the same placed band
 * (bass and kick centred and mono, snare near the middle, hats right, toms and cymbals spread,
 * percussion left, pads wide, lead a little right with presence, comping left) and changes what
 * makes it that style.
 */
public final class StylePresets {

    private StylePresets() {
    }

    //                                                     high-  low-   pres- pres-  pan   width spread level reverb echo  pumped
    //                                                     pass   pass   ence  Hz                         dB
    private static final PartSound LEAD = new PartSound(   150,   0,     2.5,  3000,  0.20, 1.0,  0.30,  0,    0.22,  0.12, false);
    private static final PartSound PAD = new PartSound(    180,   0,     0,    1000,  0,    1.0,  1.00,  0,    0.45,  0,    false);
    private static final PartSound COMP = new PartSound(   160,   0,     0,    1000, -0.50, 1.0,  0.50,  0,    0.24,  0.04, false);
    private static final PartSound BASS = new PartSound(   28,    0,     1.0,  900,   0,    0,    0.25,   0,    0.02,  0,    false);
    private static final PartSound KICK = new PartSound(   25,    0,     2.0,  3500,  0,    0,    0,     0,    0.03,  0,    false);
    private static final PartSound SNARE = new PartSound(  110,   0,     1.0,  4000, -0.06, 0.6,  0.20,  0,    0.28,  0,    false);
    private static final PartSound HATS = new PartSound(   320,   0,     0,    1000,  0.50, 1.0,  0.15, -1,    0.10,  0,    false);
    private static final PartSound KIT = new PartSound(    90,    0,     0,    1000, -0.15, 1.0,  0.55,  0,    0.20,  0,    false);
    private static final PartSound PERC = new PartSound(   200,   0,     0,    1000, -0.55, 1.0,  0.30,  0,    0.20,  0,    false);
    private static final PartSound OTHER = new PartSound(  100,   0,     0,    1000,  0,    1.0,  0.30,  0,    0.30,  0,    false);

    //                                                   size  damp  width level pre-ms low-cut high-cut
    private static final StylePreset.Room SMALL = new StylePreset.Room(0.45, 0.70, 1.0, 4.4, 10, 250, 6000);
    private static final StylePreset.Room ROOM = new StylePreset.Room(0.62, 0.50, 1.0, 2.8, 15, 200, 9000);
    private static final StylePreset.Room HALL = new StylePreset.Room(0.86, 0.35, 1.0, 4.5, 25, 150, 9000);
    private static final StylePreset.Room DARK = new StylePreset.Room(0.88, 0.65, 1.0, 4.5, 30, 150, 5000);

    public static StylePreset forStyle(Style style) {
        StylePreset band = new StylePreset(band(), ROOM, new StylePreset.Echo(0.75, 0.28, 0.45, 4000),
                new StylePreset.Glue(-16, 2.5, 12, 150), -6, StylePreset.Pump.NONE, StylePreset.Wear.NONE, 150);
        return switch (style) {
            // dusty and close: everything rolled off above ~7 kHz, a small dark room, tape wobble, record noise, rounded peaks
            case LOFI -> lowPassAll(new StylePreset(band.parts(), SMALL, new StylePreset.Echo(0.75, 0.30, 0.40, 2500),
                    new StylePreset.Glue(-14, 1.8, 25, 220), -2, StylePreset.Pump.NONE,
                    new StylePreset.Wear(1.1, 0.05, -64, -40, 2.5), 150), 7200)
                    .with(Role.HATS, HATS.withLowPass(5500).withLevel(-2))
                    .with(Role.COMP, COMP.withPlace(-0.45, 0.8).withSends(0.35, 0.12).withLowPass(7200))
                    .with(Role.BASS, BASS.withPlace(0, 0.45).withLowPass(7200))
                    .with(Role.LEAD, LEAD.withPlace(0.2, 0.5).withLowPass(7200));
            // a big hall and long tails, gentle glue, dynamics kept (no tape)
            case CINEMATIC -> new StylePreset(band.parts(), HALL, new StylePreset.Echo(1.0, 0.35, 0.35, 3500),
                    new StylePreset.Glue(-13, 1.6, 30, 300), 0, StylePreset.Pump.NONE, StylePreset.Wear.NONE, 80)
                    .with(Role.PAD, PAD.withSends(0.7, 0.05).withPlace(0, 1.0)).with(Role.LEAD, LEAD.withSends(0.5, 0.15).withPlace(0.25, 0.7))
                    .with(Role.COMP, COMP.withSends(0.5, 0.08).withPlace(-0.45, 0.9)).with(Role.KIT, KIT.withSends(0.4, 0))
                    // an orchestra's basses are not a mono DI: some spread above 150 Hz, and less of them
                    .with(Role.BASS, BASS.withPlace(0.1, 0.8).withLevel(-3).withSends(0.2, 0));
            // bright and dense: a dotted-eighth echo on the lead, firm glue, tape before the limiter
            case POP -> band;
            // a wooden room, no echo to speak of, light glue
            case FOLK -> new StylePreset(band.parts(), new StylePreset.Room(0.55, 0.55, 0.9, 1.3, 18, 200, 8000),
                    new StylePreset.Echo(0.5, 0.2, 0.2, 3000), new StylePreset.Glue(-15, 2, 20, 200), -4,
                    StylePreset.Pump.NONE, StylePreset.Wear.NONE, 150).with(Role.LEAD, LEAD.withSends(0.2, 0.03));
            // everything but the kick, hats and lead breathes with the kick; hard glue and tape
            case HOUSE -> new StylePreset(band.parts(), new StylePreset.Room(0.7, 0.45, 1.0, 4.6, 15, 220, 9000),
                    new StylePreset.Echo(0.75, 0.35, 0.5, 5000),
                    new StylePreset.Glue(-16, 2.5, 6, 100), -4, new StylePreset.Pump(0.5, 190), StylePreset.Wear.NONE, 150)
                    .with(Role.PAD, PAD.withSends(0.65, 0.12).pumping()).with(Role.COMP, COMP.withPlace(-0.5, 1.0).withSends(0.35, 0.25).pumping())
                    .with(Role.BASS, BASS.withPlace(0, 0.8).withLevel(-1.5).pumping()).with(Role.LEAD, LEAD.withPlace(0.2, 0.6).withSends(0.25, 0.25))
                    .with(Role.KICK, KICK.withLevel(-1.5)).with(Role.HATS, HATS.withPlace(0.45, 0.6))
                    .with(Role.PERCUSSION, PERC.withPlace(-0.5, 0.6)).with(Role.SNARE, SNARE.withPlace(0, 0.5).withSends(0.35, 0.05))
                    .with(Role.OTHER, OTHER.pumping());
            // polished: a room with some air, an eighth echo, firm glue and tape
            case CORPORATE -> new StylePreset(band.parts(), ROOM, new StylePreset.Echo(0.5, 0.25, 0.35, 4500),
                    new StylePreset.Glue(-16, 2.2, 15, 160), -6, StylePreset.Pump.NONE, StylePreset.Wear.NONE, 150);
            // a concert room, the instrument as recorded (its own stereo), hardly any compression
            case PIANO -> new StylePreset(band.parts(), new StylePreset.Room(0.74, 0.45, 1.0, 4.2, 20, 120, 9000),
                    new StylePreset.Echo(1, 0.2, 0, 3000), new StylePreset.Glue(-12, 1.5, 30, 250), 0,
                    StylePreset.Pump.NONE, StylePreset.Wear.NONE, 100)
                    .with(Role.LEAD, LEAD.withPlace(0.15, 0.7).withSends(0.45, 0)).with(Role.COMP, COMP.withPlace(-0.15, 0.7).withSends(0.45, 0))
                    .with(Role.BASS, BASS.withPlace(0, 0.6).withSends(0.3, 0));
            // a dark, long space and a slow echo that keeps answering
            case TENSE -> new StylePreset(band.parts(), DARK, new StylePreset.Echo(1.5, 0.45, 0.35, 2500),
                    new StylePreset.Glue(-14, 2, 20, 250), 0, StylePreset.Pump.NONE, StylePreset.Wear.NONE, 80)
                    .with(Role.PAD, PAD.withSends(0.65, 0.1).withPlace(0, 1.0)).with(Role.LEAD, LEAD.withSends(0.45, 0.2).withPlace(0.25, 0.7))
                    .with(Role.COMP, COMP.withPlace(-0.45, 0.9).withSends(0.4, 0.1))
                    .with(Role.BASS, BASS.withPlace(-0.1, 0.8).withLevel(-3).withSends(0.2, 0));
        };
    }

    private static Map<Role, PartSound> band() {
        Map<Role, PartSound> m = new EnumMap<>(Role.class);
        m.put(Role.LEAD, LEAD);
        m.put(Role.PAD, PAD);
        m.put(Role.COMP, COMP);
        m.put(Role.BASS, BASS);
        m.put(Role.KICK, KICK);
        m.put(Role.SNARE, SNARE);
        m.put(Role.HATS, HATS);
        m.put(Role.KIT, KIT);
        m.put(Role.PERCUSSION, PERC);
        m.put(Role.OTHER, OTHER);
        return m;
    }

    private static StylePreset lowPassAll(StylePreset p, double hz) {
        Map<Role, PartSound> m = new EnumMap<>(Role.class);
        p.parts().forEach((r, s) -> m.put(r, s.withLowPass(hz)));
        return new StylePreset(m, p.room(), p.echo(), p.glue(), p.tapeDb(), p.pump(), p.wear(), p.monoBelowHz());
    }
}

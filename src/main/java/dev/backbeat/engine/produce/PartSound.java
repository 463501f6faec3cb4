package dev.backbeat.engine.produce;

/**
 * How one part is treated before it joins the mix.
 *
 * @param highPassHz  cut below this (0: none): everything but bass and kick, so the low end stays clean
 * @param lowPassHz   cut above this (0: none)
 * @param presenceDb  a bell at {@code presenceHz} (the lead's presence, a kick's click)
 * @param presenceHz  where the bell sits
 * @param pan         -1 left … +1 right
 * @param width       how much of the part's own stereo is kept (0 mono, 1 as rendered)
 * @param spread      pseudo-stereo added (0 none, ~0.5 a wide pad)
 * @param levelDb     the part's level change
 * @param reverb      send to the room (linear)
 * @param echo        send to the delay (linear)
 * @param pumped      ducks on the kick where the style pumps
 */
public record PartSound(double highPassHz, double lowPassHz, double presenceDb, double presenceHz, double pan,
                        double width, double spread, double levelDb, double reverb, double echo, boolean pumped) {

    public PartSound withPan(double p) {
        return new PartSound(highPassHz, lowPassHz, presenceDb, presenceHz, p, width, spread, levelDb, reverb, echo, pumped);
    }

    public PartSound withSends(double r, double e) {
        return new PartSound(highPassHz, lowPassHz, presenceDb, presenceHz, pan, width, spread, levelDb, r, e, pumped);
    }

    public PartSound withLowPass(double hz) {
        return new PartSound(highPassHz, hz, presenceDb, presenceHz, pan, width, spread, levelDb, reverb, echo, pumped);
    }

    public PartSound withLevel(double db) {
        return new PartSound(highPassHz, lowPassHz, presenceDb, presenceHz, pan, width, spread, db, reverb, echo, pumped);
    }

    public PartSound withPlace(double p, double spr) {
        return new PartSound(highPassHz, lowPassHz, presenceDb, presenceHz, p, width, spr, levelDb, reverb, echo, pumped);
    }

    public PartSound pumping() {
        return new PartSound(highPassHz, lowPassHz, presenceDb, presenceHz, pan, width, spread, levelDb, reverb, echo, true);
    }
}

package dev.backbeat.ui.preview;

import dev.backbeat.service.preview.PreviewPictures;
import dev.backbeat.service.preview.PreviewSound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The player without any window: the sound is the clock (the playhead is what the sink has
 * played), the picture shown is the one due at that position, a seek shows the frame asked for,
 * a change of music plays on from the same place, and with no sound device the picture still plays.
 */
class PreviewPlayerTest {
    static final int RATE = PreviewSound.RATE;
    final FakeClock clock = new FakeClock();
    final RecordingSink sink = new RecordingSink(clock::nanos);
    final List<PreviewPictures.Picture> shown = new CopyOnWriteArrayList<>();
    final List<Double> opened = new CopyOnWriteArrayList<>();
    final PreviewPictures pictures = FakeResult.pictures(opened);
    PreviewPlayer player;

    @AfterEach
    void close() {
        if (player != null) {
            player.close();
        }
    }

    static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    /** Moves the fake clock on in 10 ms steps, letting the sound thread keep the sink topped up. */
    PreviewPlayer.State playFor(long ms) throws InterruptedException {
        PreviewPlayer.State s = player.tick();
        for (long t = 0; t < ms; t += 10) {
            clock.advanceMillis(10);
            // the sound thread refills what the sink played before the clock moves again (none left at the end)
            long until = System.nanoTime() + 50_000_000L;
            while (sink.available() >= 1024 && System.nanoTime() < until) {
                Thread.sleep(1);
            }
            s = player.tick();
        }
        return s;
    }

    /** Ticks as the app does (~60 times a second) for {@code ms} of real time. */
    PreviewPlayer.State tickInRealTime(long ms) throws InterruptedException {
        long t0 = System.nanoTime();
        PreviewPlayer.State s = player.tick();
        while (System.nanoTime() - t0 < ms * 1_000_000L) {
            Thread.sleep(16);
            s = player.tick();
        }
        return s;
    }

    PreviewPlayer loaded(double seconds) throws InterruptedException {
        player = new PreviewPlayer(() -> sink, shown::add);
        player.load(FakeResult.result(1, seconds, 0, List.of()), pictures);
        await("the sound fetched ahead", () -> sink.written() > 0);
        return player;
    }

    @Test
    void thePlayheadIsWhatTheSinkHasPlayedAndThePictureFollowsIt() throws Exception {
        loaded(5);
        player.play();
        PreviewPlayer.State s = playFor(1000);
        assertTrue(s.playing());
        assertEquals(sink.played() / (double) RATE, s.positionSec(), 1e-9, "the playhead is the sink's played position");
        assertEquals(1.0, s.positionSec(), 0.03, "a second of the fake clock is a second of playback");
        PreviewPictures.Picture last = shown.get(shown.size() - 1);
        assertTrue(last.timeSec() <= s.positionSec() && s.positionSec() - last.timeSec() < 0.040,
                "picture at " + last.timeSec() + " for sound at " + s.positionSec());

        float[] heard = sink.sinceFlush();
        assertTrue(heard.length > RATE);
        for (int i = 0; i < heard.length; i += 997) {
            assertEquals(FakeResult.musicAt(i, 0) + 0.25f, heard[i], 1e-6, "sample " + i + " is the mix's");
        }
    }

    @Test
    void aSeekShowsTheFrameAskedForAndTheSoundFromThere() throws Exception {
        loaded(5);
        shown.clear();
        player.seek(2.0);
        await("a picture after the seek", () -> {
            player.tick();
            return !shown.isEmpty();
        });
        assertEquals(2.0, shown.get(0).timeSec(), 1e-9);
        assertEquals(50, shown.get(0).rgb()[0], "frame 50 of a 25 fps clip");
        assertEquals(2.0, player.tick().positionSec(), 1e-9, "paused at the seek");
        await("the sound from 2 s fetched ahead", () -> sink.sinceFlush().length > 0);
        assertEquals(FakeResult.musicAt(2 * RATE, 0) + 0.25f, sink.sinceFlush()[0], 1e-6);
    }

    @Test
    void musicOnlyIsHeardAtOnceAndANewPiecePlaysOnFromTheSamePlace() throws Exception {
        loaded(5);
        player.play();
        playFor(500);
        player.setLayer(PreviewSound.Layer.MUSIC);
        await("music only fetched", () -> sink.sinceFlush().length > 0);
        double at = player.tick().positionSec();
        long from = Math.round(at * RATE);
        assertEquals(FakeResult.musicAt(from, 0), sink.sinceFlush()[0], 1e-6, "music only, from the playhead");

        int openedBefore = opened.size();
        player.load(FakeResult.result(2, 5, 0.5f, List.of()), pictures);
        await("the new piece fetched", () -> sink.sinceFlush().length > 0);
        PreviewPlayer.State s = player.tick();
        assertEquals(at, s.positionSec(), 1e-9, "the playhead stays where it was");
        assertTrue(s.playing(), "and it keeps playing");
        assertEquals(FakeResult.musicAt(from, 0.5f), sink.sinceFlush()[0], 1e-6, "the new piece from the same place");
        assertEquals(openedBefore, opened.size(), "same clips: the picture is not decoded again");
    }

    @Test
    void itStopsAtTheEndAndPlayStartsAgainFromTheTop() throws Exception {
        loaded(0.5);
        player.play();
        PreviewPlayer.State s = playFor(700);
        assertFalse(s.playing(), "stopped at the end");
        assertEquals(0.5, s.positionSec(), 1e-3);
        player.play();
        assertEquals(0, player.tick().positionSec(), 1e-9);
    }

    @Test
    void aDecoderThatFallsBehindSkipsAheadRatherThanTrailTheSound() throws Exception {
        // 25 pictures a second wanted, 60 ms to make each: alone it would trail by a second after three
        PreviewPictures slow = (clips, fromSec, maxW, maxH) -> {
            PreviewPictures.Stream fast = pictures.open(clips, fromSec, maxW, maxH);
            return new PreviewPictures.Stream() {
                @Override
                public PreviewPictures.Picture next() throws dev.backbeat.service.BackendException {
                    try {
                        Thread.sleep(60);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                    return fast.next();
                }

                @Override
                public void close() {
                }
            };
        };
        player = new PreviewPlayer(() -> new SilentSink(System::nanoTime, null), shown::add);
        player.load(FakeResult.result(1, 10, 0, List.of()), slow);
        player.play();
        PreviewPlayer.State s = tickInRealTime(3000);
        double lag = s.positionSec() - shown.get(shown.size() - 1).timeSec();
        assertTrue(s.positionSec() > 2.5, "played " + s.positionSec());
        assertTrue(lag >= 0 && lag < 0.6, "the picture trails the sound by " + lag + " s");
    }

    @Test
    void withoutASoundDeviceThePictureStillPlaysOnTheSystemClock() throws Exception {
        player = new PreviewPlayer(SilentSink::noDevice, shown::add);
        player.load(FakeResult.result(1, 5, 0, List.of()), pictures);
        player.play();
        long t0 = System.nanoTime();
        PreviewPlayer.State s = tickInRealTime(400);
        double real = (System.nanoTime() - t0) / 1e9;
        assertTrue(s.positionSec() > 0.25 && s.positionSec() <= real + 0.01, "moved " + s.positionSec() + " in " + real);
        assertNotNull(player.problem());
        assertEquals("No sound device was found, so the preview plays silently; the export has its sound.", player.problem());
        assertTrue(shown.get(shown.size() - 1).timeSec() > 0.2, "the picture advanced");
    }
}

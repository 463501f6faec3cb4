package dev.backbeat.engine.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loudness and speech measures on generated buffers, without FFmpeg. */
class SoundMeasuresTest {

    private static final int RATE = 16000;

    private static float[] sine(double hz, double amplitude, double seconds) {
        float[] x = new float[(int) (RATE * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return x;
    }

    @Test
    void aFullScaleKilohertzSineReadsMinus3Lufs() {
        // BS.1770: a 997 Hz sine at 0 dBFS in one channel reads -3.01 LKFS
        LoudnessMeter meter = new LoudnessMeter(RATE);
        float[] x = sine(997, 1.0, 2);
        meter.accept(x, x.length);
        double[] m = meter.momentary(0.25, 8);
        assertEquals(-3.01, m[6], 0.15);
        LoudnessMeter quiet = new LoudnessMeter(RATE);
        float[] q = sine(997, 0.1, 2);
        quiet.accept(q, q.length);
        assertEquals(-23.01, quiet.momentary(0.25, 8)[6], 0.15);
    }

    @Test
    void silenceReadsAsTheFloor() {
        LoudnessMeter meter = new LoudnessMeter(RATE);
        float[] x = new float[RATE];
        meter.accept(x, x.length);
        assertEquals(LoudnessMeter.SILENCE_LUFS, meter.momentary(0.25, 4)[2]);
    }

    @Test
    void aSteadyToneIsNotSpeechButItsGapIsSilence() {
        SpeechDetector detector = new SpeechDetector(RATE);
        float[] tone = sine(440, 0.3, 2);
        float[] gap = new float[RATE];
        detector.accept(tone, tone.length);
        detector.accept(gap, gap.length);
        detector.accept(tone, tone.length);
        assertTrue(detector.speech().isEmpty(), "speech: " + detector.speech());
        List<VideoProfile.Interval> silence = detector.silence(5);
        assertEquals(1, silence.size(), "silence: " + silence);
        assertEquals(2.0, silence.get(0).startSec(), 0.05);
        assertEquals(3.0, silence.get(0).endSec(), 0.05);
    }

    @Test
    void visualBeatsArePeaksOfRisingMotion() {
        double[] motion = {0.1, 0.1, 0.6, 0.3, 0.2, 0.2, 0.2, 0.2, 0.9, 0.4, 0.1, 0.1};
        List<Double> beats = MotionMeter.visualBeats(motion, 0.25);
        assertEquals(List.of(0.5, 2.0), beats);
    }

    @Test
    void arousalCurveIsSmoothedAndBounded() {
        double[] spiky = new double[40];
        spiky[20] = 1;
        double[] smooth = ArousalCurve.smooth(spiky, 16);
        assertTrue(smooth[20] < 0.3 && smooth[20] > 0);
        assertTrue(smooth[14] > 0 && smooth[26] > 0);
        assertEquals(0, smooth[0], 1e-12);
    }
}

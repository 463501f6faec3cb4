package dev.backbeat.ui.preview;

import dev.backbeat.ui.Texts;

import dev.backbeat.service.BackendException;
import dev.backbeat.service.preview.PreviewClip;
import dev.backbeat.service.preview.PreviewPictures;
import dev.backbeat.service.preview.PreviewSound;
import dev.backbeat.service.preview.ScoredPreview;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Plays a scored result: its sound into an {@link AudioSink} from a daemon thread of its own, its
 * picture decoded ahead on another, and {@link #tick} (called ~60 times a second) hands over the
 * picture due at the sound's played position. The sound is the clock: the picture never runs on
 * its own time, so the two stay together whatever the machine's load. Sound and the first
 * pictures are fetched while paused, so Play starts at once. Plain Java, no JavaFX.
 */
public final class PreviewPlayer implements AutoCloseable {
    private static final int CHUNK = 1024;
    private static final int RATE = AudioSink.RATE;
    private static final int PICTURE_AHEAD = 6;
    /** How far the picture may trail the sound before the decoder skips ahead, and how far ahead it lands. */
    private static final double CATCH_UP_SEC = 0.25;
    private static final double CATCH_UP_LEAD_SEC = 0.2;

    /** Gets each picture the player shows, on the ticking thread. */
    @FunctionalInterface
    public interface PictureOut {
        void show(PreviewPictures.Picture picture);
    }

    /** Where the player is after a tick. */
    public record State(double positionSec, boolean playing, boolean loaded) {
    }

    private final Object lock = new Object();
    private final PictureOut out;
    private final Thread audio;
    private AudioSink sink;
    private String soundProblem;
    private ScoredPreview preview;
    private PreviewPictures pictures;
    private PreviewSound.Layer layer = PreviewSound.Layer.MIX;
    private boolean playing;
    /** The timeline frame at which the sink's played count is 0, and the next frame to write. */
    private long base;
    private long next;
    private boolean soundEnded;
    private PictureWorker pictureWorker;
    private volatile boolean closed;

    public PreviewPlayer(AudioSink.Opener opener, PictureOut out) {
        this.out = out;
        this.audio = new Thread(() -> feedSound(opener), "preview-sound");
        audio.setDaemon(true);
        audio.start();
    }

    /**
     * Plays {@code next} from now on, keeping the playhead where it is (a changed piece plays on
     * from the same place); the picture is decoded again only when the clips changed.
     */
    public void load(ScoredPreview result, PreviewPictures source) {
        synchronized (lock) {
            long at = preview == null ? 0 : position();
            boolean samePicture = preview != null && result != null && samePicture(preview.clips(), result.clips())
                    && source == pictures;
            preview = result;
            pictures = source;
            if (result == null) {
                playing = false;
                if (sink != null) {
                    sink.stop();
                }
                stopPictures();
                return;
            }
            at = Math.min(at, result.sound().frames());
            restartSound(at);
            if (!samePicture) {
                startPictures(at / (double) RATE);
            }
        }
    }

    private static boolean samePicture(List<PreviewClip> a, List<PreviewClip> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            PreviewClip x = a.get(i);
            PreviewClip y = b.get(i);
            if (!x.path().equals(y.path()) || x.startSec() != y.startSec() || x.durationSec() != y.durationSec()) {
                return false;
            }
        }
        return true;
    }

    public void play() {
        synchronized (lock) {
            if (preview == null) {
                return;
            }
            if (soundEnded && position() >= preview.sound().frames() - CHUNK) {
                seek(0);
            }
            playing = true;
            if (sink != null) {
                sink.start();
            }
        }
    }

    public void pause() {
        synchronized (lock) {
            playing = false;
            if (sink != null) {
                sink.stop();
            }
        }
    }

    /** Moves to {@code sec}; the next picture shown is the one at that time, playing or not. */
    public void seek(double sec) {
        synchronized (lock) {
            if (preview == null) {
                return;
            }
            long at = Math.max(0, Math.min(preview.sound().frames(), Math.round(sec * RATE)));
            restartSound(at);
            startPictures(at / (double) RATE);
        }
    }

    /** Music only ({@link PreviewSound.Layer#MUSIC}) or with the clip's sound ({@link PreviewSound.Layer#MIX}); heard at once. */
    public void setLayer(PreviewSound.Layer next) {
        synchronized (lock) {
            if (next == layer) {
                return;
            }
            layer = next;
            if (preview != null) {
                restartSound(position());
            }
        }
    }

    /** Hands over the picture due now and says where the playhead is; stops at the end. */
    public State tick() {
        PreviewPictures.Picture due = null;
        State state;
        synchronized (lock) {
            if (preview == null) {
                return new State(0, false, false);
            }
            long pos = position();
            if (playing && soundEnded && sink != null && pos >= next) {
                playing = false;
                sink.stop();
            }
            double sec = pos / (double) RATE;
            PictureWorker w = pictureWorker;
            if (w != null) {
                PreviewPictures.Picture p;
                // a picture is shown from its own time until the next one's (half a millisecond of rounding allowed)
                while ((p = w.queue.peek()) != null && p.timeSec() <= sec + 0.0005) {
                    due = w.queue.poll();
                }
                if (due != null) {
                    w.lastShownSec = due.timeSec();
                }
                // the decoder fell behind the sound (a heavy clip, a busy machine): pick it up further on
                // rather than show the picture ever later; at most once a second, as a restart costs time too
                if (playing && w.queue.isEmpty() && sec - w.lastShownSec > CATCH_UP_SEC
                        && sec - w.startedAtSec > 1.0) {
                    startPictures(Math.min(preview.durationSec(), sec + CATCH_UP_LEAD_SEC));
                }
            }
            state = new State(sec, playing, true);
        }
        if (due != null) {
            out.show(due);
        }
        return state;
    }

    /** Why there is no sound or no picture, in the user's words; null when both play. */
    public String problem() {
        synchronized (lock) {
            if (soundProblem != null) {
                return soundProblem;
            }
            if (sink != null && sink.silentBecause() != null) {
                return sink.silentBecause();
            }
            return pictureWorker == null ? null : pictureWorker.problem;
        }
    }

    /** The playhead in timeline frames: where the sound is heard. */
    private long position() {
        long p = base + (sink == null ? 0 : sink.played());
        return preview == null ? p : Math.min(p, preview.sound().frames());
    }

    private void restartSound(long at) {
        if (sink != null) {
            sink.flush();
        }
        base = at;
        next = at;
        soundEnded = false;
        lock.notifyAll();
    }

    private void startPictures(double fromSec) {
        stopPictures();
        if (pictures != null && preview != null && !preview.clips().isEmpty()) {
            pictureWorker = new PictureWorker(pictures, preview.clips(), fromSec);
        }
    }

    private void stopPictures() {
        if (pictureWorker != null) {
            pictureWorker.stop();
            pictureWorker = null;
        }
    }

    /** The sound thread: opens the sink, then keeps it topped up a block at a time, playing or paused. */
    private void feedSound(AudioSink.Opener opener) {
        AudioSink opened = opener.open();
        synchronized (lock) {
            sink = opened;
            sink.flush();
            if (playing) {
                sink.start();
            }
        }
        float[][] buf = {new float[CHUNK], new float[CHUNK]};
        try {
            while (!closed) {
                synchronized (lock) {
                    if (preview == null || soundEnded) {
                        lock.wait(100);
                        continue;
                    }
                    if (sink.available() < CHUNK) {
                        lock.wait(4);
                        continue;
                    }
                    try {
                        int n = preview.sound().read(layer, next, buf, CHUNK);
                        if (n <= 0) {
                            soundEnded = true;
                        } else {
                            sink.write(buf[0], buf[1], n);
                            next += n;
                        }
                    } catch (RuntimeException e) {
                        soundProblem = Texts.get("preview.soundStopped", e.getMessage());
                        soundEnded = true;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            opened.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            stopPictures();
            lock.notifyAll();
        }
        audio.interrupt();
    }

    /** Decodes pictures ahead of the playhead on its own daemon thread, a few at a time. */
    private static final class PictureWorker {
        final BlockingQueue<PreviewPictures.Picture> queue = new ArrayBlockingQueue<>(PICTURE_AHEAD);
        final double startedAtSec;
        /** The time of the latest picture shown from this worker (where it started until one is). */
        double lastShownSec;
        private final Thread thread;
        private volatile PreviewPictures.Stream stream;
        private volatile boolean stopped;
        volatile String problem;

        PictureWorker(PreviewPictures source, List<PreviewClip> clips, double fromSec) {
            startedAtSec = fromSec;
            lastShownSec = fromSec;
            thread = new Thread(() -> decode(source, clips, fromSec), "preview-picture");
            thread.setDaemon(true);
            thread.start();
        }

        private void decode(PreviewPictures source, List<PreviewClip> clips, double fromSec) {
            try (PreviewPictures.Stream s = source.open(clips, fromSec, 640, 360)) {
                stream = s;
                if (stopped) {
                    return;
                }
                PreviewPictures.Picture p;
                while (!stopped && (p = s.next()) != null) {
                    queue.put(p);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (BackendException e) {
                if (!stopped) {
                    problem = e.userMessage();
                }
            }
        }

        void stop() {
            stopped = true;
            PreviewPictures.Stream s = stream;
            if (s != null) {
                s.close();
            }
            thread.interrupt();
        }
    }
}

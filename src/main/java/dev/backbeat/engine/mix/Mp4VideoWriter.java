package dev.backbeat.engine.mix;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an MP4 holding one H.264 track from samples taken byte for byte out of other files: each
 * sample's decoding and display times are given in the track's time base, so the stream keeps the
 * timing of its source exactly. An edit list moves the first picture to time 0 as the source's does.
 * The file is only an intermediate: FFmpeg copies its track into the export.
 */
final class Mp4VideoWriter {

    /** {@code size} bytes at {@code pos} of {@code file}, decoded at {@code dts}, shown at {@code pts}. */
    record Sample(Path file, long pos, int size, long dts, long pts, long duration, boolean key) {
    }

    private Mp4VideoWriter() {
    }

    static void write(Path out, List<Sample> samples, AvcConfig config, int width, int height, long timescale)
            throws IOException {
        if (samples.isEmpty()) {
            throw new IOException("no pictures to write");
        }
        long base = samples.get(0).dts();
        long firstShown = Long.MAX_VALUE;
        long lastShownEnd = Long.MIN_VALUE;
        long data = 0;
        for (Sample s : samples) {
            firstShown = Math.min(firstShown, s.pts());
            lastShownEnd = Math.max(lastShownEnd, s.pts() + Math.max(1, s.duration()));
            data += s.size();
        }
        byte[] ftyp = box("ftyp", b -> {
            b.write(ascii("isom"));
            b.writeInt(512);
            b.write(ascii("isomiso2avc1mp41"));
        });
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            DataOutputStream o = new DataOutputStream(file);
            o.write(ftyp);
            o.writeInt(1);
            o.write(ascii("mdat"));
            o.writeLong(16 + data);
            copySamples(samples, o);
            o.write(moov(samples, config, width, height, timescale, base, firstShown, lastShownEnd - firstShown,
                    ftyp.length + 16L));
            o.flush();
        }
    }

    private static void copySamples(List<Sample> samples, OutputStream o) throws IOException {
        byte[] buf = new byte[1 << 16];
        RandomAccessFile open = null;
        Path openPath = null;
        try {
            for (Sample s : samples) {
                if (!s.file().equals(openPath)) {
                    if (open != null) {
                        open.close();
                    }
                    open = new RandomAccessFile(s.file().toFile(), "r");
                    openPath = s.file();
                }
                open.seek(s.pos());
                int left = s.size();
                while (left > 0) {
                    int n = open.read(buf, 0, Math.min(buf.length, left));
                    if (n < 0) {
                        throw new IOException(s.file().getFileName() + " ends before a picture it lists");
                    }
                    o.write(buf, 0, n);
                    left -= n;
                }
            }
        } finally {
            if (open != null) {
                open.close();
            }
        }
    }

    private static byte[] moov(List<Sample> samples, AvcConfig config, int width, int height, long timescale, long base,
                               long firstShown, long shownLength, long dataStart) throws IOException {
        long mediaLength = samples.get(samples.size() - 1).dts() - base + Math.max(1, samples.get(samples.size() - 1).duration());
        return box("moov", moov -> {
            moov.write(full("mvhd", 0, 0, b -> {
                b.writeInt(0);
                b.writeInt(0);
                b.writeInt((int) timescale);
                b.writeInt((int) shownLength);
                b.writeInt(0x00010000);
                b.writeShort(0x0100);
                b.write(new byte[10]);
                matrix(b);
                b.write(new byte[24]);
                b.writeInt(2);
            }));
            moov.write(box("trak", trak -> {
                trak.write(full("tkhd", 0, 3, b -> {
                    b.writeInt(0);
                    b.writeInt(0);
                    b.writeInt(1);
                    b.writeInt(0);
                    b.writeInt((int) shownLength);
                    b.write(new byte[8]);
                    b.writeShort(0);
                    b.writeShort(0);
                    b.writeShort(0);
                    b.writeShort(0);
                    matrix(b);
                    b.writeInt(width << 16);
                    b.writeInt(height << 16);
                }));
                trak.write(box("edts", edts -> edts.write(full("elst", 0, 0, b -> {
                    b.writeInt(1);
                    b.writeInt((int) shownLength);
                    b.writeInt((int) (firstShown - base));
                    b.writeInt(0x00010000);
                }))));
                trak.write(box("mdia", mdia -> {
                    mdia.write(full("mdhd", 0, 0, b -> {
                        b.writeInt(0);
                        b.writeInt(0);
                        b.writeInt((int) timescale);
                        b.writeInt((int) mediaLength);
                        b.writeShort(0x55c4); // "und"
                        b.writeShort(0);
                    }));
                    mdia.write(full("hdlr", 0, 0, b -> {
                        b.writeInt(0);
                        b.write(ascii("vide"));
                        b.write(new byte[12]);
                        b.write(ascii("VideoHandler\0"));
                    }));
                    mdia.write(box("minf", minf -> {
                        minf.write(full("vmhd", 0, 1, b -> b.write(new byte[8])));
                        minf.write(box("dinf", dinf -> dinf.write(full("dref", 0, 0, b -> {
                            b.writeInt(1);
                            b.write(full("url ", 0, 1, u -> { }));
                        }))));
                        minf.write(stbl(samples, config, width, height, base, dataStart));
                    }));
                }));
            }));
        });
    }

    private static byte[] stbl(List<Sample> samples, AvcConfig config, int width, int height, long base, long dataStart)
            throws IOException {
        int n = samples.size();
        return box("stbl", stbl -> {
            stbl.write(full("stsd", 0, 0, b -> {
                b.writeInt(1);
                b.write(box("avc1", e -> {
                    e.write(new byte[6]);
                    e.writeShort(1);
                    e.write(new byte[16]);
                    e.writeShort(width);
                    e.writeShort(height);
                    e.writeInt(0x00480000);
                    e.writeInt(0x00480000);
                    e.writeInt(0);
                    e.writeShort(1);
                    e.write(new byte[32]);
                    e.writeShort(0x18);
                    e.writeShort(-1);
                    e.write(box("avcC", c -> c.write(config.bytes())));
                }));
            }));
            // decoding-time deltas, run-length coded; the last picture lasts as its source says
            ByteArrayOutputStream runs = new ByteArrayOutputStream();
            DataOutputStream r = new DataOutputStream(runs);
            int entries = 0;
            long runDelta = -1;
            int runCount = 0;
            for (int i = 0; i < n; i++) {
                long delta = i + 1 < n ? samples.get(i + 1).dts() - samples.get(i).dts() : Math.max(1, samples.get(i).duration());
                if (delta == runDelta) {
                    runCount++;
                } else {
                    if (runCount > 0) {
                        r.writeInt(runCount);
                        r.writeInt((int) runDelta);
                        entries++;
                    }
                    runDelta = delta;
                    runCount = 1;
                }
            }
            r.writeInt(runCount);
            r.writeInt((int) runDelta);
            int stts = entries + 1;
            stbl.write(full("stts", 0, 0, b -> {
                b.writeInt(stts);
                b.write(runs.toByteArray());
            }));
            stbl.write(full("ctts", 0, 0, b -> {
                ByteArrayOutputStream c = new ByteArrayOutputStream();
                DataOutputStream d = new DataOutputStream(c);
                int count = 0;
                long offset = Long.MIN_VALUE;
                int run = 0;
                for (Sample s : samples) {
                    long off = s.pts() - s.dts();
                    if (off == offset) {
                        run++;
                    } else {
                        if (run > 0) {
                            d.writeInt(run);
                            d.writeInt((int) offset);
                            count++;
                        }
                        offset = off;
                        run = 1;
                    }
                }
                d.writeInt(run);
                d.writeInt((int) offset);
                b.writeInt(count + 1);
                b.write(c.toByteArray());
            }));
            stbl.write(full("stss", 0, 0, b -> {
                long keys = samples.stream().filter(Sample::key).count();
                b.writeInt((int) keys);
                for (int i = 0; i < n; i++) {
                    if (samples.get(i).key()) {
                        b.writeInt(i + 1);
                    }
                }
            }));
            stbl.write(full("stsc", 0, 0, b -> {
                b.writeInt(1);
                b.writeInt(1);
                b.writeInt(n);
                b.writeInt(1);
            }));
            stbl.write(full("stsz", 0, 0, b -> {
                b.writeInt(0);
                b.writeInt(n);
                for (Sample s : samples) {
                    b.writeInt(s.size());
                }
            }));
            stbl.write(full("co64", 0, 0, b -> {
                b.writeInt(1);
                b.writeLong(dataStart);
            }));
        });
    }

    private static void matrix(DataOutputStream b) throws IOException {
        for (int v : new int[] {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000}) {
            b.writeInt(v);
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(DataOutputStream b) throws IOException;
    }

    private static byte[] box(String type, Body body) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        body.write(new DataOutputStream(content));
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.size() + 8);
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(content.size() + 8);
        d.write(ascii(type));
        content.writeTo(d);
        return out.toByteArray();
    }

    private static byte[] full(String type, int version, int flags, Body body) throws IOException {
        return box(type, b -> {
            b.writeInt(version << 24 | flags);
            body.write(b);
        });
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}

package dev.backbeat.engine.mix;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.ClipInfo;
import dev.backbeat.engine.media.Ffmpeg;
import dev.backbeat.engine.media.FfmpegRunner;
import dev.backbeat.engine.media.MediaProbe;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A title on a copied H.264 clip: only the groups of pictures under it are encoded again; the title
 * is on exactly its frames, every other packet is the source's byte for byte, the whole file decodes
 * with no error, frame for frame. A source that cannot be matched is drawn anew and says so.
 */
class SmartTitlesTest {
    private static final int W = 640;
    private static final int H = 360;

    @TempDir
    static Path dir;
    private static Path clip;
    private static Path sound;

    @BeforeAll
    static void clips() {
        // 20 s at 30 fps, a key frame every 2 s, B-frames as libx264 makes them by default
        clip = Fixtures.make(dir.resolve("clip.mp4"), "-f", "lavfi", "-i", "testsrc2=s=" + W + "x" + H + ":r=30:d=20",
                "-f", "lavfi", "-i", "sine=f=300:d=20", "-c:v", "libx264", "-preset", "veryfast", "-g", "60",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
        sound = Fixtures.make(dir.resolve("sound.m4a"), "-f", "lavfi", "-i", "sine=f=440:d=20", "-c:a", "aac");
    }

    private static VideoExporter.Result export(Path source, Path out, TitleCard.Title title) throws Exception {
        ClipInfo info = new MediaProbe(Fixtures.runner()).probe(source);
        return new VideoExporter(Fixtures.runner()).export(info, sound, out,
                new VideoExporter.Options("auto", null, List.of(title), "veryfast", 20), Progress.none(), new Cancellation());
    }

    @Test
    void titleIsDrawnOnItsFramesOnlyAndEverythingElseIsCopied() throws Exception {
        Path out = dir.resolve("titled.mp4");
        VideoExporter.Result r = export(clip, out, new TitleCard.Title("Smart title", 5, 3));
        assertTrue(r.frame().copy(), r.frame().reason());
        assertTrue(r.frame().reason().startsWith("title by smart rendering: re-encoded 4.0 s of 20 s"), r.frame().reason());

        // the whole file decodes with no error, as many frames as the source
        FfmpegRunner.Result decoded = ffmpeg("-v", "error", "-i", MediaProbe.ffmpegInput(out), "-map", "0:v", "-f", "framemd5", "-");
        assertEquals(0, decoded.exitCode());
        assertTrue(decoded.stderrText().isBlank(), decoded.stderrText());
        assertEquals(600, frames(decoded.stdout()).size());

        // packets: the source's byte for byte and at the same times, except the stretch [4 s, 8 s) in decoding order
        List<String[]> src = frames(ffmpeg("-i", MediaProbe.ffmpegInput(clip), "-map", "0:v", "-c", "copy", "-f", "framemd5", "-").stdout());
        List<String[]> got = frames(ffmpeg("-i", MediaProbe.ffmpegInput(out), "-map", "0:v", "-c", "copy", "-f", "framemd5", "-").stdout());
        assertEquals(src.size(), got.size());
        int first = -1, last = -1;
        for (int i = 0; i < src.size(); i++) {
            if (!src.get(i)[5].trim().equals(got.get(i)[5].trim())) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        assertEquals(120, first, "the first packet drawn anew is the key frame at 4 s");
        assertTrue(last < 240 && last >= 230, "the last packet drawn anew is before the key frame at 8 s: " + last);
        for (int i = 0; i < src.size(); i++) {
            if (i < 120 || i >= 240) {
                assertEquals(src.get(i)[1].trim() + "/" + src.get(i)[2].trim(), got.get(i)[1].trim() + "/" + got.get(i)[2].trim(),
                        "decoding/presentation time of copied packet " + i);
            }
        }
        // presentation times continuous: the same set of times, none missing, none twice
        assertEquals(src.stream().map(f -> Long.parseLong(f[2].trim())).sorted().toList(),
                got.stream().map(f -> Long.parseLong(f[2].trim())).sorted().toList());

        // another decoder (OpenH264, fed Annex B by FFmpeg's conversion, as a remux to MPEG-TS is): no error, and
        // every frame outside the stretch as it decodes the source's (its output is not FFmpeg's bit for bit)
        List<String[]> other = frames(ffmpeg("-v", "error", "-c:v", "libopenh264", "-i", MediaProbe.ffmpegInput(out), "-map", "0:v",
                "-f", "framemd5", "-").stdout());
        List<String[]> otherSource = frames(ffmpeg("-v", "error", "-c:v", "libopenh264", "-i", MediaProbe.ffmpegInput(clip),
                "-map", "0:v", "-f", "framemd5", "-").stdout());
        assertEquals(600, other.size(), "OpenH264 decodes every frame");
        for (int f = 0; f < 600; f++) {
            if (f < 120 || f >= 240) {
                assertEquals(otherSource.get(f)[5].trim(), other.get(f)[5].trim(), "OpenH264, frame " + f);
            }
        }
        FfmpegRunner.Result ts = ffmpeg("-v", "error", "-i", MediaProbe.ffmpegInput(out), "-map", "0:v", "-c", "copy", "-f", "mpegts",
                MediaProbe.ffmpegInput(dir.resolve("titled.ts")));
        assertEquals(0, ts.exitCode(), ts.stderrText());
        FfmpegRunner.Result tsDecoded = ffmpeg("-v", "error", "-i", MediaProbe.ffmpegInput(dir.resolve("titled.ts")), "-f", "framemd5", "-");
        assertTrue(tsDecoded.stderrText().isBlank(), "remuxed to MPEG-TS, it decodes with no error: " + tsDecoded.stderrText());
        assertEquals(600, frames(tsDecoded.stdout()).size());

        // the title's pixels are on frames [150, 240) (5 s to 8 s) and nowhere else
        byte[][] a = band(clip);
        byte[][] b = band(out);
        assertEquals(600, b.length);
        for (int f = 0; f < 600; f++) {
            double d = meanDiff(a[f], b[f]);
            if (f >= 150 && f < 240) {
                assertTrue(d > 20, "frame " + f + " should carry the title: " + d);
            } else if (f >= 120 && f < 240) {
                assertTrue(d < 4, "frame " + f + " is re-encoded without the title: " + d);
            } else {
                assertEquals(0, d, "frame " + f + " is copied untouched");
            }
        }
    }

    /** Streams of other shapes: each is smart-rendered, decodes whole, and keeps every packet outside one stretch. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            no B-frames                 | -c:v libx264 -preset veryfast -g 30 -bf 0                               | 2.2 | 1.5
            one B-frame, no pyramid     | -c:v libx264 -preset veryfast -g 30 -bf 1                               | 2.2 | 1.5
            OpenH264 (another encoder)  | -c:v libopenh264 -g 30                                                  | 2.2 | 1.5
            full-range pictures         | -c:v libx264 -preset veryfast -g 30 -pix_fmt yuvj420p                   | 2.2 | 1.5
            colours tagged BT.709       | -c:v libx264 -preset veryfast -g 30 -color_primaries bt709 -color_trc bt709 -colorspace bt709 | 2.2 | 1.5
            open groups of pictures     | -c:v libx264 -preset veryfast -x264-params keyint=30:open-gop=1         | 2.2 | 1.5
            title from the first frame  | -c:v libx264 -preset veryfast -g 30                                     | 0   | 1
            title to the last frame     | -c:v libx264 -preset veryfast -g 30                                     | 4.5 | 1.5
            title across two groups     | -c:v libx264 -preset veryfast -g 30                                     | 1.5 | 2
            """)
    void otherStreamsAreSmartRenderedToo(String name, String encoder, double at, double length) throws Exception {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=6"));
        args.addAll(List.of(encoder.trim().split("\\s+")));
        if (!encoder.contains("pix_fmt")) {
            args.addAll(List.of("-pix_fmt", "yuv420p"));
        }
        String slug = name.trim().replaceAll("\\W+", "-");
        Path source = Fixtures.make(dir.resolve("shape-" + slug + ".mp4"), args.toArray(String[]::new));
        Path out = dir.resolve("shape-" + slug + "-titled.mp4");
        VideoExporter.Result r = export(source, out, new TitleCard.Title("Shape", at, length));
        assertTrue(r.frame().copy() && r.frame().reason().startsWith("title by smart rendering"), r.frame().reason());

        FfmpegRunner.Result decoded = ffmpeg("-v", "error", "-i", MediaProbe.ffmpegInput(out), "-map", "0:v", "-f", "framemd5", "-");
        assertTrue(decoded.exitCode() == 0 && decoded.stderrText().isBlank(), decoded.stderrText());
        assertEquals(180, frames(decoded.stdout()).size());
        List<String[]> src = frames(ffmpeg("-i", MediaProbe.ffmpegInput(source), "-map", "0:v", "-c", "copy", "-f", "framemd5", "-").stdout());
        List<String[]> got = frames(ffmpeg("-i", MediaProbe.ffmpegInput(out), "-map", "0:v", "-c", "copy", "-f", "framemd5", "-").stdout());
        assertEquals(src.size(), got.size());
        int first = -1, last = -1;
        for (int i = 0; i < src.size(); i++) {
            if (!src.get(i)[5].trim().equals(got.get(i)[5].trim())) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        assertTrue(first >= 0, "something was drawn anew");
        for (int i = 0; i < src.size(); i++) {
            if (i < first || i > last) {
                assertEquals(src.get(i)[2].trim(), got.get(i)[2].trim(), "presentation time of copied packet " + i);
            }
        }
        assertEquals(src.stream().map(f -> Long.parseLong(f[2].trim())).sorted().toList(),
                got.stream().map(f -> Long.parseLong(f[2].trim())).sorted().toList());
        // OpenH264 (fed Annex B by FFmpeg's conversion) decodes every frame, those outside the stretch as in the source
        List<String[]> other = frames(ffmpeg("-v", "error", "-c:v", "libopenh264", "-i", MediaProbe.ffmpegInput(out), "-map", "0:v",
                "-f", "framemd5", "-").stdout());
        List<String[]> otherSource = frames(ffmpeg("-v", "error", "-c:v", "libopenh264", "-i", MediaProbe.ffmpegInput(source),
                "-map", "0:v", "-f", "framemd5", "-").stdout());
        List<String[]> mine = frames(decoded.stdout());
        List<String[]> mineSource = frames(ffmpeg("-v", "error", "-i", MediaProbe.ffmpegInput(source), "-map", "0:v", "-f", "framemd5",
                "-").stdout());
        assertEquals(180, other.size(), "OpenH264 decodes every frame");
        for (int f = 0; f < 180; f++) {
            // a frame FFmpeg decodes as in the source is a copied one: OpenH264 must agree
            if (mine.get(f)[5].trim().equals(mineSource.get(f)[5].trim())) {
                assertEquals(otherSource.get(f)[5].trim(), other.get(f)[5].trim(), "OpenH264, frame " + f);
            }
        }
        // the title is on the frames from its start to its end, the others unlike it
        byte[][] a = band(source, 320, 180);
        byte[][] b = band(out, 320, 180);
        for (int f = 0; f < 180; f++) {
            double d = meanDiff(a[f], b[f]);
            boolean titled = f >= Math.round(at * 30) && f < Math.round((at + length) * 30);
            assertTrue(titled ? d > 20 : d < 4, "frame " + f + (titled ? " should" : " should not") + " carry the title: " + d);
        }
    }

    @Test
    void theCheckFindsAJoinThatDoesNotDecode() throws Exception {
        ClipInfo info = new MediaProbe(Fixtures.runner()).probe(clip);
        Path work = java.nio.file.Files.createDirectories(dir.resolve("work"));
        Path card = work.resolve("card.png");
        TitleCard.write("Check", W, H, card);
        SmartTitles smart = new SmartTitles(Fixtures.runner());
        SmartTitles.Rendered r = smart.render(info, List.of(new TitleCard.Title("Check", 5, 3)), List.of(card), "veryfast", 20,
                work, Progress.none(), new Cancellation());
        assertEquals(null, new JoinCheck(Fixtures.runner()).problem(r.video(), r, new Cancellation()), "the joined picture itself passes");

        // the same pictures with the clip's parameter sets only: the check sees that they are not what was joined
        AvcConfig clipOnly = new AvcConfig(r.config().profile(), r.config().compatibility(), r.config().level(), 4,
                r.config().sps().subList(0, 1), r.config().pps().subList(0, 1), r.config().tail());
        Path lostSets = work.resolve("lost-sets.mp4");
        Mp4VideoWriter.write(lostSets, r.samples(), clipOnly, W, H, Math.round(1 / r.tick()));
        String lost = new JoinCheck(Fixtures.runner()).problem(lostSets, r, new Cancellation());
        assertTrue(lost != null && lost.contains("parameter sets"), lost);

        // a picture in the last second of the stretch that does not decode (its bytes taken from the wrong place)
        List<Mp4VideoWriter.Sample> samples = new ArrayList<>(r.samples());
        int bad = r.spans().get(0).to() - 5;
        Mp4VideoWriter.Sample s = samples.get(bad);
        samples.set(bad, new Mp4VideoWriter.Sample(s.file(), s.pos() + 9, s.size(), s.dts(), s.pts(), s.duration(), s.key()));
        Path broken = work.resolve("broken.mp4");
        Mp4VideoWriter.write(broken, samples, r.config(), W, H, Math.round(1 / r.tick()));
        String undecodable = new JoinCheck(Fixtures.runner()).problem(broken, r, new Cancellation());
        assertTrue(undecodable != null && undecodable.startsWith("decoding the joined picture gave errors"), undecodable);
    }

    @Test
    void aSourceThatCannotBeMatchedIsDrawnAnewAndSaysSo() throws Exception {
        Path yuv422 = Fixtures.make(dir.resolve("clip422.mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=3",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv422p");
        VideoExporter.Result r = export(yuv422, dir.resolve("out422.mp4"), new TitleCard.Title("Hi", 1, 1));
        assertFalse(r.frame().copy());
        assertTrue(r.frame().reason().startsWith("full re-encode: "), r.frame().reason());
        assertTrue(r.frame().reason().contains("yuv422p"), r.frame().reason());

        Path hevc = Fixtures.make(dir.resolve("clip265.mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=3",
                "-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        VideoExporter.Result h = export(hevc, dir.resolve("out265.mp4"), new TitleCard.Title("Hi", 1, 1));
        assertFalse(h.frame().copy());
        assertTrue(h.frame().reason().startsWith("full re-encode: ") && h.frame().reason().contains("HEVC"),
                h.frame().reason());

        Path mkv = Fixtures.make(dir.resolve("clip.mkv"), "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=3",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        VideoExporter.Result m = export(mkv, dir.resolve("outmkv.mp4"), new TitleCard.Title("Hi", 1, 1));
        assertFalse(m.frame().copy());
        assertTrue(m.frame().reason().startsWith("full re-encode: ") && m.frame().reason().contains("MP4 or MOV"),
                m.frame().reason());
    }

    private static FfmpegRunner.Result ffmpeg(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-nostdin", "-hide_banner"));
        all.addAll(List.of(args));
        return Fixtures.runner().run(Ffmpeg.Tool.FFMPEG, all, 120);
    }

    /** framemd5 lines (stream, dts, pts, duration, size, hash). */
    private static List<String[]> frames(String framemd5) {
        return framemd5.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split(",")).toList();
    }

    private static byte[][] band(Path file) throws Exception {
        return band(file, W, H);
    }

    /** The title card's text band of every frame (centred, around 78 % of the height), grey, in display order. */
    private static byte[][] band(Path file, int w, int h) throws Exception {
        int bandW = w / 2, bandH = h / 9, bandX = w / 4, bandY = (int) (h * 0.78) - bandH * 3 / 4;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        FfmpegRunner.Result r = Fixtures.runner().run(Ffmpeg.Tool.FFMPEG, List.of("-nostdin", "-v", "error", "-i",
                        MediaProbe.ffmpegInput(file), "-map", "0:v", "-vf", "crop=" + bandW + ":" + bandH + ":" + bandX + ":" + bandY
                                + ",format=gray", "-f", "rawvideo", "pipe:1"),
                in -> in.transferTo(raw), 0, Progress.none(), Cancellation.none(), 60, List.of());
        assertEquals(0, r.exitCode(), r.stderrText());
        byte[] all = raw.toByteArray();
        int size = bandW * bandH;
        byte[][] out = new byte[all.length / size][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(all, i * size, (i + 1) * size);
        }
        return out;
    }

    private static double meanDiff(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum / (double) a.length;
    }
}

package dev.backbeat.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;
import dev.backbeat.service.local.FfmpegSource;
import dev.backbeat.service.local.LocalBackend;
import dev.backbeat.service.local.MusicEdit;
import dev.backbeat.service.local.RequestParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/** {@code backbeat score}: the whole job headless with the local engine, one output per input. */
@Command(name = "score", description = {"Score videos with music that fits them and export MP4s (local engine, offline).",
        "Several inputs give several outputs: -o then names a folder."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input was scored", "1:an export failed", "2:bad input or usage"})
final class ScoreCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = {"Video files, or photos (JPG, PNG, GIF, WebP).",
            "Photos, alone or with clips, make one video in the order given."})
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "The MP4 to write, or a folder when there are several inputs.")
    Path output;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "What you want, as you would say it in the chat.")
    String prompt;

    @Option(names = "--style", paramLabel = "S", description = "lofi, cinematic, pop, acoustic, electronic, corporate, piano, suspense.")
    String style;

    @Option(names = "--mood", paramLabel = "M", description = "calm, happy, energetic, epic, sad, tense, romantic, dreamy…")
    String mood;

    @Option(names = "--bpm", paramLabel = "N", description = "An exact tempo.")
    Integer bpm;

    @Option(names = "--volume", paramLabel = "P", description = "Music volume in percent (default 35 under speech, else 80).")
    Integer volume;

    @Option(names = "--aspect", paramLabel = "A", description = "16:9, 9:16 or 1:1 (default: the clip's own).")
    String aspect;

    @Option(names = "--fit", paramLabel = "blur|pad|crop", description = {"A picture of another shape: pad (black bars, the default for videos),",
            "blur (photos over a blurred copy of themselves, their default) or crop (fill the frame)."})
    String fit;

    @Option(names = "--photo-seconds", paramLabel = "S", description = "About how long each photo stays (default 2.5-3.5 s by mood); changes land on the beat.")
    Double photoSeconds;

    @Option(names = "--music", paramLabel = "SONG", description = {"Your own song (MP3, WAV, M4A, AAC, FLAC, Ogg) in place of",
            "composed music: cut and repeated at bar lines to fit the video, ending on its own ending."})
    Path music;

    @Option(names = "--title", paramLabel = "TEXT", description = "A title shown for the first 3 s.")
    String title;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Same seed, same music (default 1).")
    long seed;

    @Option(names = "--lufs", paramLabel = "L", defaultValue = "-14", description = "Loudness target: -14, -16 or -23 (default -14).")
    double lufs;

    @Option(names = "--stems", paramLabel = "DIR", description = "Also write the music bed and the original sound as mixed.")
    Path stems;

    @Option(names = "--accept-damaged", description = {"Score a damaged input (cut short, many broken parts) as far as it goes,",
            "instead of stopping to say what is wrong with it."})
    boolean acceptDamaged;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (aspect != null && !List.of("16:9", "9:16", "1:1").contains(aspect)) {
            err.println("Choose the aspect 16:9, 9:16 or 1:1.");
            return 2;
        }
        if (lufs != -14 && lufs != -16 && lufs != -23) {
            err.println("Choose a loudness target of -14, -16 or -23 LUFS.");
            return 2;
        }
        // a song among the inputs is the music, as if given with --music
        List<Path> songs = inputs.stream().filter(p -> Files.isRegularFile(p) && dev.backbeat.service.MediaRules.isAudio(p)).toList();
        if (songs.size() + (music == null ? 0 : 1) > 1) {
            err.println("Give one song as the music (--music SONG): " + (music == null ? "" : music + ", ")
                    + String.join(", ", songs.stream().map(Path::toString).toList()) + ".");
            return 2;
        }
        if (!songs.isEmpty()) {
            music = songs.get(0);
            inputs = inputs.stream().filter(p -> !songs.contains(p)).toList();
            if (inputs.isEmpty()) {
                err.println("A song alone makes no video: give a video or photos too (backbeat score clip.mp4 --music "
                        + music.getFileName() + " -o out.mp4).");
                return 2;
            }
        }
        boolean oneVideo = inputs.stream().anyMatch(dev.backbeat.service.MediaRules::isImage);
        if (!oneVideo && inputs.size() > 1 && Files.exists(output) && !Files.isDirectory(output)) {
            err.println("With several inputs, -o must name a folder.");
            return 2;
        }
        List<MusicEdit> edits;
        try {
            edits = edits();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        // photos given together make one slideshow (with any clips among them, in the order given)
        List<List<Path>> jobs = new ArrayList<>();
        if (oneVideo) {
            jobs.add(inputs);
        } else {
            inputs.forEach(i -> jobs.add(List.of(i)));
        }
        JsonArray results = new JsonArray();
        TerminalProgress bar = TerminalProgress.on(err, json);
        int code = 0;
        for (List<Path> files : jobs) {
            Path input = files.get(0);
            Path target = jobs.size() == 1 && !Files.isDirectory(output) ? output
                    : output.resolve(stem(input) + "-scored.mp4");
            JsonObject r = new JsonObject();
            r.addProperty("input", input.toString());
            LocalBackend backend = null;
            try {
                if (jobs.size() > 1 || Files.isDirectory(output)) {
                    Files.createDirectories(output);
                }
                LocalBackend job = new LocalBackend(new FfmpegSource(null));
                backend = job;
                job.setSeed(seed);
                List<String> asked = backend.apply(edits);
                if (!json) {
                    out.println("Scoring " + (files.size() == 1 ? input : files.size() + " files from " + input)
                            + (asked.isEmpty() ? "" : " (" + String.join(", ", asked) + ")"));
                }
                if (music != null) {
                    // the song first, so the music is made once, for the footage, from it
                    try {
                        job.setSong(music, bar, CancelToken.none());
                    } catch (BackendException e) {
                        bar.done();
                        r.addProperty("error", e.userMessage());
                        err.println(music + ": " + e.userMessage());
                        code = Math.max(code, e.kind() == BackendException.Kind.BAD_INPUT ? 2 : 1);
                        results.add(r);
                        continue;
                    }
                    bar.done();
                }
                if (acceptDamaged) {
                    backend.uploadAsTheyAre(files, bar, CancelToken.none());
                } else {
                    backend.upload(files, bar, CancelToken.none());
                }
                bar.done();
                job.songSentence().ifPresent(line -> {
                    if (!json) {
                        out.println(line);
                    }
                    r.addProperty("song", line);
                });
                job.fittedSong().ifPresent(fit -> {
                    JsonObject s = new JsonObject();
                    s.addProperty("bpm", fit.bpm());
                    s.addProperty("seconds", fit.durationSec());
                    s.addProperty("fadeSec", fit.fadeSec());
                    s.addProperty("how", fit.how());
                    JsonArray joins = new JsonArray();
                    fit.joins().forEach(j -> {
                        JsonObject o = new JsonObject();
                        o.addProperty("at", j.atSec());
                        o.addProperty("left", j.leftSec());
                        o.addProperty("entered", j.enteredSec());
                        joins.add(o);
                    });
                    s.add("joins", joins);
                    s.addProperty("beats", fit.beats().length);
                    r.add("fit", s);
                });
                backend.plan().ifPresent(p -> {
                    if (!json && job.fittedSong().isEmpty()) {
                        out.println(p.describe());
                    }
                    r.addProperty("bpm", p.bpm());
                    r.addProperty("key", p.key());
                    r.addProperty("style", p.style().label());
                    r.addProperty("hitRate", p.hitRate());
                    r.addProperty("beatHitRate", p.beatHitRate());
                    r.addProperty("minBpm", p.minBpm());
                    r.addProperty("maxBpm", p.maxBpm());
                    r.add("plan", PlanReport.of(p, job.cutTimes()));
                });
                r.add("applied", new com.google.gson.Gson().toJsonTree(backend.applied()));
                r.add("said", new com.google.gson.Gson().toJsonTree(asked));
                r.addProperty("musicPercent", backend.musicPercent());
                Path stemDir = stems == null ? null : jobs.size() == 1 ? stems : stems.resolve(stem(input));
                ExportResult done = backend.exportTo(new ExportRequest(target, aspect, lufs), stemDir,
                        p -> bar.progress(p.stage(), p.fraction()), CancelToken.none());
                bar.done();
                r.addProperty("output", done.file().toString());
                r.addProperty("details", done.details());
                JsonObject times = new JsonObject();
                backend.timings().forEach(times::addProperty);
                r.add("seconds", times);
                if (!json) {
                    out.println("Wrote " + done.file() + " · " + done.details());
                    StringBuilder t = new StringBuilder("Time:");
                    backend.timings().forEach((stage, sec) -> t.append(String.format(Locale.ROOT, " %s %.2f s", stage, sec)));
                    out.println(t);
                }
            } catch (BackendException e) {
                bar.done();
                r.addProperty("error", e.userMessage());
                err.println(input + ": " + e.userMessage()
                        + (e.kind() == BackendException.Kind.DAMAGED ? " To score what is there, run again with --accept-damaged." : ""));
                code = Math.max(code, e.kind() == BackendException.Kind.BAD_INPUT || e.kind() == BackendException.Kind.DAMAGED ? 2 : 1);
            } catch (java.io.IOException e) {
                r.addProperty("error", e.getMessage());
                err.println("Cannot create " + output + ": " + e.getMessage());
                code = 1;
            } finally {
                if (backend != null) {
                    backend.close(); // a batch keeps no clip's working files past its own job
                }
            }
            results.add(r);
        }
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(results));
        }
        return code;
    }

    private List<MusicEdit> edits() {
        List<MusicEdit> e = new ArrayList<>();
        if (prompt != null && !prompt.isBlank()) {
            RequestParser.Parsed parsed = new RequestParser().parse(prompt);
            if (!parsed.understood()) {
                throw new IllegalArgumentException("The prompt asks for nothing I can do. " + RequestParser.WHAT_I_CAN_DO);
            }
            e.addAll(parsed.edits());
        }
        if (style != null) {
            e.add(new MusicEdit.Style(style.toLowerCase(Locale.ROOT)));
        }
        if (mood != null) {
            e.add(new MusicEdit.Mood(mood.toLowerCase(Locale.ROOT)));
        }
        if (bpm != null) {
            if (bpm < 40 || bpm > 220) {
                throw new IllegalArgumentException("Choose a tempo of 40 to 220 BPM.");
            }
            e.add(new MusicEdit.Tempo(OptionalInt.of(bpm), 1));
        }
        if (volume != null) {
            if (volume < 0 || volume > 100) {
                throw new IllegalArgumentException("Choose a music volume of 0 to 100 percent.");
            }
            e.add(new MusicEdit.Volume(OptionalInt.of(volume), 0));
        }
        if (aspect != null) {
            e.add(new MusicEdit.Aspect(aspect));
        }
        if (fit != null) {
            if (!fit.equals("pad") && !fit.equals("crop") && !fit.equals("blur")) {
                throw new IllegalArgumentException("Choose --fit blur, --fit pad or --fit crop.");
            }
            e.add(new MusicEdit.Fit(fit));
        }
        if (photoSeconds != null) {
            if (!(photoSeconds >= 0.3 && photoSeconds <= 30)) {
                throw new IllegalArgumentException("Choose --photo-seconds from 0.3 to 30.");
            }
            e.add(new MusicEdit.Photos(photoSeconds, 1, null, null));
        }
        if (title != null && !title.isBlank()) {
            e.add(new MusicEdit.Title(title, 0, 3));
        }
        return e;
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}

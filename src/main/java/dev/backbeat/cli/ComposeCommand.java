package dev.backbeat.cli;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.compose.Brief;
import dev.backbeat.engine.compose.ComposeException;
import dev.backbeat.engine.compose.Composer;
import dev.backbeat.engine.compose.Composition;
import dev.backbeat.engine.compose.MidiWriter;
import dev.backbeat.engine.compose.Style;
import dev.backbeat.engine.synth.MusicRenderer;
import dev.backbeat.engine.synth.RenderedMusic;
import dev.backbeat.engine.synth.SoundFontLoader;
import dev.backbeat.engine.synth.SynthException;
import dev.backbeat.engine.synth.WavWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "compose", description = "Compose original music that fits a clip, and render it to a 48 kHz WAV.")
final class ComposeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "INPUT|PROFILE.json", description = "The clip's video profile (JSON).")
    String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "music.wav", description = "The mix to write.")
    Path output;

    @Option(names = "--midi", paramLabel = "music.mid", description = "Also write the MIDI file.")
    Path midi;

    @Option(names = "--stems", paramLabel = "DIR", description = "Also write drums, bass, harmony and melody stems.")
    Path stems;

    @Option(names = "--style", paramLabel = "S", description = "lofi, cinematic, pop, folk, house, corporate, piano, tense.")
    String style;

    @Option(names = "--mood", paramLabel = "M", description = "Mood words, e.g. \"calm, dark\" (default: from the clip).")
    String mood;

    @Option(names = "--bpm", paramLabel = "N", description = "An exact tempo (default: fitted to the cuts).")
    Double bpm;

    @Option(names = "--key", paramLabel = "K", description = "A key such as \"D minor\" (default: from the mood).")
    String key;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Same seed, same music (default 1).")
    long seed;

    @Option(names = "--plan", paramLabel = "plan.json", description = "Also write the plan as JSON.")
    Path planJson;

    @Option(names = "--drop", paramLabel = "SECONDS", description = "A build ending in a drop at this time (repeatable).")
    List<Double> drops;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Composition c;
        VideoProfile profile;
        Brief brief;
        try {
            TerminalProgress bar = TerminalProgress.on(err, false);
            profile = ProfileInput.read(input, bar.stage("Reading the video"));
            bar.done();
            brief = new Brief(style == null ? null : Style.parse(style), mood, bpm, null, null, null, null,
                    null, key, 0, seed).withDrops(drops);
            c = new Composer().compose(profile, brief);
        } catch (ProfileInput.BadInputException | ComposeException e) {
            err.println(e.getMessage());
            return 2;
        }
        out.println(c.plan().describe());
        try {
            Sequence seq = new MidiWriter().write(c.score(), c.key());
            if (midi != null) {
                createParent(midi);
                MidiSystem.write(seq, 1, midi.toFile());
            }
            if (planJson != null) {
                createParent(planJson);
                com.google.gson.JsonObject json = PlanReport.of(c.plan(),
                        profile.hardCuts().stream().map(VideoProfile.Cut::timeSec).toList());
                json.add("asked", new com.google.gson.Gson().toJsonTree(brief));
                Files.writeString(planJson, new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(json));
            }
            RenderedMusic music = new MusicRenderer(SoundFontLoader.load(), Runtime.getRuntime().availableProcessors())
                    .render(seq, c.plan().durationSec(), c.plan().levelDb(), dev.backbeat.engine.produce.Production.of(c.plan()));
            WavWriter wav = new WavWriter();
            wav.write(music.mix(), output);
            if (stems != null) {
                for (Map.Entry<String, float[][]> s : music.stems().entrySet()) {
                    wav.write(s.getValue(), stems.resolve(s.getKey() + ".wav"));
                }
            }
            out.printf("Wrote %s (%.2f s, peak %.1f dBFS, RMS %.1f dBFS)%s%s%n", output, music.durationSec(),
                    20 * Math.log10(music.peak() + 1e-12), music.rmsDb(),
                    midi == null ? "" : ", " + midi, stems == null ? "" : ", stems in " + stems);
            return 0;
        } catch (SynthException | ComposeException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Cannot write the output: " + e.getMessage());
            return 1;
        }
    }

    private static void createParent(Path p) throws IOException {
        Path parent = p.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
    }
}

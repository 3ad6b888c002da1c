package io.github.jrl.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.jrl.examples.sweep.SweepPlot;
import io.github.jrl.examples.sweep.SweepSpec;
import io.github.jrl.examples.sweep.SweepTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jrl sweep} end to end on a tiny PPO budget: concurrency does not change any trial, and the files. */
class SweepCommandTest {

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result jrl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        for (CommandLine c : List.of(cli, cli.getSubcommands().get("sweep"))) {
            c.setOut(new PrintWriter(out));
            c.setErr(new PrintWriter(err));
        }
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    /** CartPole's preset shrunk to 2 copies x 64 steps: 128 steps per update. */
    private Path smallConfig() throws IOException {
        Path file = dir.resolve("small.yml");
        Files.writeString(file, "numEnvs: 2\nnumSteps: 64\nbatchSize: 64\nnumEpochs: 2\n");
        return file;
    }

    private Result sweep(String out, int concurrency) throws IOException {
        return jrl("sweep", "--algo", "ppo", "--env", "CartPole-v1", "--preset", "CartPole-v1", "--config",
                smallConfig().toString(), "--grid", "learningRate=1e-3,3e-4", "--choice", "numEpochs=1,2",
                "--seeds", "0,1", "--steps", "768", "--report-every", "256", "--scheduler", "asha",
                "--concurrency", Integer.toString(concurrency), "--out", dir.resolve(out).toString());
    }

    @Test
    void concurrencyChangesNoTrialAndTheTableAndPlotAreWritten() throws IOException {
        Result one = sweep("one", 1);
        assertEquals(0, one.exitCode(), one.err());
        Result two = sweep("two", 2);
        assertEquals(0, two.exitCode(), two.err());

        JsonNode a = JsonMapper.builder().build().readTree(dir.resolve("one").resolve(SweepTable.JSON).toFile());
        JsonNode b = JsonMapper.builder().build().readTree(dir.resolve("two").resolve(SweepTable.JSON).toFile());
        assertEquals(4, a.get("trials").size());
        for (int i = 0; i < 4; i++) {
            JsonNode ta = a.get("trials").get(i);
            JsonNode tb = b.get("trials").get(i);
            for (String field : List.of("trial", "status", "seed", "params", "steps", "values", "last_value")) {
                assertEquals(ta.get(field), tb.get(field), "trial " + i + ", " + field);
            }
            assertEquals(Files.readString(trialFile("one", i, "config.yml")), Files.readString(trialFile("two", i,
                    "config.yml")));
        }
        // ASHA's rungs at 256 and 768 steps: seed 1's trials fall below the cutoff at the first
        List<String> statuses = List.of("COMPLETED", "STOPPED", "COMPLETED", "STOPPED");
        for (int i = 0; i < 4; i++) {
            assertEquals(statuses.get(i), a.get("trials").get(i).get("status").asText(), "trial " + i);
        }
        assertEquals("[256,512,768]", a.get("trials").get(0).get("steps").toString());
        assertEquals("[256]", a.get("trials").get(1).get("steps").toString());
        assertEquals(List.of("trial", "status", "seed", "learningRate", "numEpochs", "last_step", "last_value",
                "best_value", "seconds", "error"), Arrays.asList(Files.readAllLines(dir.resolve("one")
                .resolve(SweepTable.CSV)).get(0).split(",")));
        assertEquals(5, Files.readAllLines(dir.resolve("one").resolve(SweepTable.CSV)).size());
        byte[] png = Files.readAllBytes(dir.resolve("one").resolve(SweepPlot.FILE));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        String config = Files.readString(trialFile("one", 3, "config.yml"));
        assertTrue(config.contains("learningRate: 3.0E-4") && config.contains("seed: 1") && config.contains("numEnvs: 2"),
                config);
        assertTrue(one.out().contains("best: trial "), one.out());

        // the sweep.yml it wrote runs the same sweep again
        Result again = jrl("sweep", "--spec", dir.resolve("one").resolve(SweepSpec.FILE).toString(), "--concurrency", "2",
                "--out", dir.resolve("again").toString());
        assertEquals(0, again.exitCode(), again.err());
        JsonNode c = JsonMapper.builder().build().readTree(dir.resolve("again").resolve(SweepTable.JSON).toFile());
        for (int i = 0; i < 4; i++) {
            assertEquals(a.get("trials").get(i).get("values"), c.get("trials").get(i).get("values"));
        }
    }

    private Path trialFile(String sweep, int trial, String name) {
        return dir.resolve(sweep).resolve("trials").resolve(String.format("%04d", trial)).resolve(name);
    }

    @Test
    void badSweepsAreRefusedBeforeAnyTrialRuns() throws IOException {
        Result unknown = jrl("sweep", "--grid", "learningRat=1e-3,3e-4", "--out", dir.resolve("a").toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("trial 0 {learningRat=0.001}: unknown field 'learningRat'"), unknown.err());
        assertTrue(Files.notExists(dir.resolve("a").resolve(SweepSpec.FILE)));

        Result invalid = jrl("sweep", "--uniform", "gamma=0.9:1.5", "--samples", "4", "--out", dir.resolve("b").toString());
        assertEquals(2, invalid.exitCode());
        assertTrue(invalid.err().contains("gamma must be in [0, 1]"), invalid.err());

        Result form = jrl("sweep", "--log-uniform", "learningRate=1e-4", "--out", dir.resolve("c").toString());
        assertEquals(2, form.exitCode());
        assertTrue(form.err().contains("--log-uniform: expected FIELD=LOW:HIGH with numbers"), form.err());

        Result scheduler = jrl("sweep", "--scheduler", "hyperband", "--out", dir.resolve("d").toString());
        assertEquals(2, scheduler.exitCode());
        assertTrue(scheduler.err().contains("scheduler must be one of [none, median, asha], got 'hyperband'"),
                scheduler.err());

        Path spec = dir.resolve("spec.yml");
        Files.writeString(spec, "algo: sac\nenv: Pendulum-v1\nspace:\n  tau: {grid: [0.01, 0.02]}\nschedular: asha\n");
        Result typo = jrl("sweep", "--spec", spec.toString(), "--out", dir.resolve("e").toString());
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("unknown field 'schedular'"), typo.err());
        Result mixed = jrl("sweep", "--spec", spec.toString(), "--steps", "100");
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().contains("drop [--steps]"), mixed.err());
    }
}

package io.github.jrl.examples.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DatasetCommandTest {

    @TempDir
    Path dir;

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new DatasetCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        assertEquals(0, cli.execute(args), out.toString());
        return out.toString();
    }

    @Test
    void generatesATinyFamilyAndReportsItsFiles() throws Exception {
        String generated = run("generate", "--env", "CartPole-v1", "--seed", "2", "--out", dir.toString(),
                "--train-steps", "512", "--eval-every", "256", "--dataset-steps", "200");
        Path family;
        try (Stream<Path> listing = Files.list(dir)) {
            family = listing.findFirst().orElseThrow();
        }
        try (Stream<Path> listing = Files.list(family)) {
            assertEquals(List.of("expert-seed2.hdf5", "medium-expert-seed2.hdf5", "medium-replay-seed2.hdf5",
                    "medium-seed2.hdf5", "random-seed2.hdf5"),
                    listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String info = run("info", family.toString());
        for (String report : List.of(generated, info)) {
            assertTrue(report.contains("dataset "), report);
            for (String kind : List.of("random", "medium", "expert", "medium-replay", "medium-expert")) {
                assertTrue(report.contains("cartpole/" + kind + "-v0 "), report);
            }
            // the reference of SACo is medium-replay itself
            assertTrue(report.lines().anyMatch(l -> l.startsWith("cartpole/medium-replay-v0") && l.endsWith(" 1.000")),
                    report);
            assertTrue(report.contains("relative to cartpole/medium-replay-v0"), report);
        }
    }
}

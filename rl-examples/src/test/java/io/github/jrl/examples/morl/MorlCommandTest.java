package io.github.jrl.examples.morl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MorlCommandTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new MorlCommand());
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute(args);
        assertEquals(0, exit, out.toString());
        return out.toString();
    }

    @Test
    void cmorlWritesTheFrontItsMetricsAndAPlotIntoTheRunDirectory() throws Exception {
        Path runDir = dir.resolve("cmorl");
        String table = run("--algo", "cmorl", "--env", "deep-sea-treasure-concave-v0", "--budget", "6000",
                "--extension-iterations", "1", "--out", runDir.toString());
        assertTrue(table.startsWith("| cmorl | deep-sea-treasure-concave-v0 | 0 | 6000 |"), table);
        String json = Files.readString(runDir.resolve("front.json"));
        assertTrue(json.contains("\"reference_point\": [0.00000, -25.0000]"), json);
        assertTrue(json.contains("\"known_front\": [[1.00000, -1.00000]"), json);
        List<String> csv = Files.readAllLines(runDir.resolve("front.csv"));
        assertEquals("index,objective_0,objective_1,on_front", csv.get(0));
        assertTrue(csv.size() > 2, "one row per evaluated point");
        assertTrue(Files.size(runDir.resolve("front.png")) > 1000);
    }

    @Test
    void pcppoOnThreeObjectivesPlotsEveryPairwiseProjection() throws Exception {
        Path runDir = dir.resolve("pcppo");
        run("--algo", "pcppo", "--env", "resource-gathering-v0", "--budget", "1024", "--policy-weights", "2",
                "--eval-episodes", "2", "--out", runDir.toString());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(runDir.resolve("front.png").toFile());
        // three pairs in a 2 x 2 grid of 480-pixel panels
        assertEquals(960, image.getWidth());
        assertEquals(960, image.getHeight());
        assertEquals(7, Files.readAllLines(runDir.resolve("front.csv")).size());
    }
}

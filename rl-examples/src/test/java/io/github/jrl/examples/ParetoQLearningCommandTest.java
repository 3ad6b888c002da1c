package io.github.jrl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ParetoQLearningCommandTest {

    @Test
    void printsTheMetricsOfTheRecoveredConcaveFront() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ParetoQLearningCommand());
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("--env", "deep-sea-treasure-concave-v0", "--steps", "60000", "--seeds", "4",
                "--eval-every", "20000");
        assertEquals(0, exit, out.toString());
        String table = out.toString();
        assertTrue(table.contains("| 4 | 10 | 1155.0000 |"), table);
        assertTrue(table.contains("| 0.00e+00 | 20000 steps |"), table);
    }
}

package io.github.jrl.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The results table is rebuilt from the results file; finished runs are not repeated (nor datasets generated). */
class OfflineBenchmarkTest {

    @Test
    void tableFromFinishedRuns(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results.tsv");
        Files.writeString(results, String.join("\n",
                "bc\tPendulum-v1\tmedium\t0\t100\t-500.0\t50.0\t1.0",
                "bc\tPendulum-v1\tmedium\t1\t100\t-400.0\t60.0\t1.0",
                "td3bc\tPendulum-v1\tmedium\t0\t100\t-300.0\t70.0\t2.0",
                "td3bc\tPendulum-v1\tmedium\t1\t100\t-450.0\t55.0\t2.0",
                "bc\tPendulum-v1\tmedium\t0\t999\t0\t99.0\t1.0") + "\n");
        Path out = dir.resolve("offline-results.md");
        int code = new CommandLine(new OfflineBenchmark()).execute("--algos", "bc,td3bc", "--kinds", "medium",
                "--seeds", "0,1", "--steps", "100", "--eval-every", "50", "--cache-dir", dir.resolve("none").toString(),
                "--results", results.toString(), "--out", out.toString());
        assertEquals(0, code);
        String md = Files.readString(out);
        assertTrue(md.contains("| BC | Pendulum-v1 medium | 50.0 | 60.0 | 55.0 | 5.0 |"), md);
        assertTrue(md.contains("| TD3+BC | Pendulum-v1 medium | 70.0 | 55.0 | 62.5 | 7.5 |"), md);
        assertTrue(md.contains("| TD3+BC | Pendulum-v1 medium | 1 / 2 |"), md);
        assertTrue(!Files.exists(dir.resolve("none")), "no dataset was generated");
        code = new CommandLine(new OfflineBenchmark()).execute("--algos", "bc,td3bc,prdc", "--kinds", "medium,expert",
                "--seeds", "0,1", "--steps", "100", "--cache-dir", dir.resolve("none").toString(), "--results",
                results.toString(), "--out", out.toString(), "--table-only");
        assertEquals(0, code);
        assertTrue(Files.readString(out).contains("| TD3+BC | Pendulum-v1 medium | 1 / 2 |"));
        assertTrue(!Files.exists(dir.resolve("none")), "--table-only runs nothing");
        assertTrue(!Files.readString(out).contains("Not applicable"), "every algorithm serves Pendulum's box");
    }

    @Test
    void continuousOnlyAlgorithmsAreNamedNotApplicableOnDiscreteEnvs(@TempDir Path dir) throws Exception {
        String md = tableOnly(dir, List.of("bc\tCartPole-v1\tmedium\t0\t100\t200.0\t40.0\t1.0"), "--algos",
                "bc,td3bc,prdc,iql", "--envs", "CartPole-v1,Pendulum-v1", "--kinds", "medium", "--seeds", "0",
                "--steps", "100");
        assertTrue(md.contains("## Not applicable\n\n- CartPole-v1 (discrete actions): TD3+BC, PRDC not applicable "
                + "(continuous actions only), no runs.\n"), md);
        assertTrue(!md.contains("Pendulum-v1 (continuous actions)"), md);
        assertTrue(md.contains("| BC | CartPole-v1 medium | 40.0 | 40.0 | 0.0 |"), md);
    }

    @Test
    void perEnvironmentBudgetSelectsThatEnvironmentsRuns(@TempDir Path dir) throws Exception {
        String md = tableOnly(dir, List.of(
                "bc\tPendulum-v1\tmedium\t0\t100\t-500.0\t50.0\t1.0",
                "bc\tPendulum-v1\tmedium\t0\t400\t-400.0\t60.0\t1.0",
                "bc\tCartPole-v1\tmedium\t0\t100\t200.0\t40.0\t1.0",
                "bc\tCartPole-v1\tmedium\t0\t400\t300.0\t70.0\t1.0"), "--algos", "bc", "--envs",
                "Pendulum-v1,CartPole-v1", "--kinds", "medium", "--seeds", "0", "--steps", "100", "--env-steps",
                "CartPole-v1=400");
        assertTrue(md.contains("| BC | Pendulum-v1 medium | 50.0 | 50.0 | 0.0 |"), md);
        assertTrue(md.contains("| BC | CartPole-v1 medium | 70.0 | 70.0 | 0.0 |"), md);
        assertTrue(md.contains("100 gradient steps (400 on CartPole-v1)"), md);
        assertTrue(md.contains("--steps 100 --env-steps CartPole-v1=400 "), md);
    }

    @Test
    void runsAtOtherBudgetsGetTheirOwnSectionAndStayOutOfTheComparisons(@TempDir Path dir) throws Exception {
        String md = tableOnly(dir, List.of(
                "bc\tPendulum-v1\tmedium-replay\t0\t100\t-1300.0\t5.0\t1.0",
                "iql\tPendulum-v1\tmedium-replay\t0\t100\t-900.0\t40.0\t1.0",
                "iql\tPendulum-v1\tmedium-replay\t0\t400\t-300.0\t90.0\t1.0",
                "iql\tPendulum-v1\tmedium-replay\t1\t400\t-350.0\t80.0\t1.0",
                "iql\tPendulum-v1\tmedium-replay\t7\t400\t-350.0\t10.0\t1.0",
                "bc\tPendulum-v1\tmedium-replay\t1\t400\t-1000.0\t95.0\t1.0"), "--algos", "bc,iql", "--kinds",
                "medium-replay", "--seeds", "0,1", "--steps", "100");
        assertTrue(md.contains("| IQL | Pendulum-v1 medium-replay | 40.0 | | 40.0 | 0.0 |"), md);
        String other = md.substring(md.indexOf("## Other budgets"), md.indexOf("## Against behaviour cloning"));
        assertTrue(other.contains("| algorithm | dataset | gradient steps | seed 0 | seed 1 | mean | std |"), other);
        assertTrue(other.contains("| BC | Pendulum-v1 medium-replay | 400 | | 95.0 | 95.0 | 0.0 |"), other);
        assertTrue(other.contains("| IQL | Pendulum-v1 medium-replay | 400 | 90.0 | 80.0 | 85.0 | 5.0 |"), other);
        assertTrue(!other.contains("| 100 |"), "runs at the table's budget are not repeated: " + other);
        assertTrue(md.contains("| IQL | Pendulum-v1 medium-replay | 1 / 1 |"), "wins count the table's budget only: " + md);
        assertTrue(md.contains("| IQL | Pendulum-v1 medium-replay | -900.0 | 1 |"), md);
    }

    @Test
    void aGridWithoutOtherBudgetsHasNoSectionForThem(@TempDir Path dir) throws Exception {
        String md = tableOnly(dir, List.of("bc\tPendulum-v1\tmedium\t0\t100\t-500.0\t50.0\t1.0",
                "bc\tPendulum-v1\tmedium\t3\t400\t-500.0\t50.0\t1.0"), "--algos", "bc", "--kinds", "medium",
                "--seeds", "0", "--steps", "100");
        assertTrue(!md.contains("Other budgets"), "a seed outside the grid is not among its runs: " + md);
    }

    @Test
    void budgetForAnEnvironmentNotRequestedIsRefused(@TempDir Path dir) {
        Path out = dir.resolve("offline-results.md");
        int code = new CommandLine(new OfflineBenchmark()).execute("--envs", "Pendulum-v1", "--env-steps",
                "CartPole-v1=400", "--cache-dir", dir.resolve("none").toString(), "--results",
                dir.resolve("results.tsv").toString(), "--out", out.toString(), "--table-only");
        assertTrue(code != 0, "a budget for an environment outside --envs is an error");
        assertTrue(!Files.exists(out), "nothing was written");
    }

    /** Writes {@code results} as the results file, rebuilds the table with {@code --table-only} and returns it. */
    private static String tableOnly(Path dir, List<String> results, String... args) throws Exception {
        Path resultsFile = dir.resolve("results.tsv");
        Files.writeString(resultsFile, String.join("\n", results) + "\n");
        Path out = dir.resolve("offline-results.md");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--cache-dir", dir.resolve("none").toString(), "--results", resultsFile.toString(),
                "--out", out.toString(), "--table-only"));
        assertEquals(0, new CommandLine(new OfflineBenchmark()).execute(all.toArray(String[]::new)));
        return Files.readString(out);
    }
}

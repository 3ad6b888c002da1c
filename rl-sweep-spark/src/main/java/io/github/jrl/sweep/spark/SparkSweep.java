package io.github.jrl.sweep.spark;

import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.sweep.SweepResult;
import io.github.jrl.core.sweep.TrialHistory;
import io.github.jrl.core.sweep.TrialResult;
import io.github.jrl.core.sweep.TrialScheduler;
import io.github.jrl.core.sweep.TrialSpec;
import io.github.jrl.examples.AlgorithmRun;
import io.github.jrl.examples.sweep.AlgorithmTrials;
import io.github.jrl.examples.sweep.SweepBackend;
import io.github.jrl.examples.sweep.SweepSpec;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a sweep's trials as Spark tasks, with the same results as {@link SweepBackend#threadPool()}.
 *
 * <p>The sweep advances in rounds, one Spark job each. A task takes one trial from its checkpoint
 * (or from the start) to its next report, writes a checkpoint there and returns the report; the
 * driver then asks the scheduler, in the sweep's order, exactly as the thread pool does: a report
 * is decided once every earlier trial has ended or reported at or past its step, until then the
 * trial waits. A round advances the unfinished, undecided trials among the first
 * {@code concurrency} unfinished ones, as a pool of that many threads would run them. Since a
 * resumed run continues bit for bit (docs/training-infrastructure.md), each trial trains exactly as
 * it would uninterrupted. Tasks need the sweep directory at the same path: on a cluster, a shared
 * file system. A round costs a Spark job (about 150 ms in local-cluster mode, issue 10) and a
 * checkpoint written and read per trial.
 */
public final class SparkSweep implements SweepBackend {

    private static final Logger LOG = LoggerFactory.getLogger(SparkSweep.class);
    private static final String CHECKPOINT = "sweep.ckpt";

    private final JavaSparkContext spark;

    public SparkSweep(JavaSparkContext spark) {
        this.spark = spark;
    }

    /** What one task did with one trial: reported (and whether that was at its last step), finished, or failed. */
    record Advance(int index, boolean reported, long step, double value, boolean finished, String error,
            double seconds) implements Serializable {
    }

    @Override
    public SweepResult run(SweepSpec spec, Path dir, List<TrialSpec> trials, Consumer<TrialResult> onTrialEnd)
            throws IOException {
        TrialScheduler scheduler = spec.trialScheduler();
        int n = trials.size();
        TrialHistory[] histories = new TrialHistory[n];
        TrialResult.Status[] status = new TrialResult.Status[n];
        String[] errors = new String[n];
        double[] seconds = new double[n];
        Advance[] pending = new Advance[n];
        for (int i = 0; i < n; i++) {
            histories[i] = new TrialHistory(i, new long[0], new double[0], false);
        }
        String specYaml = spec.toYaml();
        String dirName = dir.toAbsolutePath().toString();
        int rounds = 0;
        while (Arrays.stream(status).anyMatch(s -> s == null)) {
            List<Integer> batch = new ArrayList<>();
            int window = 0;
            for (int i = 0; i < n && window < spec.concurrency(); i++) {
                if (status[i] == null) {
                    window++;
                    if (pending[i] == null) {
                        batch.add(i);
                    }
                }
            }
            if (!batch.isEmpty()) {
                rounds++;
                List<Advance> advances = spark.parallelize(batch, batch.size())
                        .map(index -> advance(specYaml, Path.of(dirName), index)).collect();
                for (Advance a : advances) {
                    seconds[a.index()] += a.seconds();
                    if (a.error() != null) {
                        status[a.index()] = TrialResult.Status.FAILED;
                        errors[a.index()] = a.error();
                    } else if (a.reported()) {
                        histories[a.index()] = histories[a.index()].plus(a.step(), a.value());
                        pending[a.index()] = a;
                    } else {
                        status[a.index()] = TrialResult.Status.COMPLETED;
                    }
                }
            }
            decide(scheduler, histories, status, pending);
            for (int i = 0; i < n; i++) {
                if (status[i] != null && !histories[i].ended()) {
                    histories[i] = histories[i].end();
                    Files.deleteIfExists(checkpoint(dir, i));
                    onTrialEnd.accept(new TrialResult(trials.get(i), status[i], histories[i], errors[i], seconds[i]));
                }
            }
        }
        LOG.info("sweep of {} trials took {} Spark jobs", n, rounds);
        List<TrialResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(new TrialResult(trials.get(i), status[i], histories[i], errors[i], seconds[i]));
        }
        return new SweepResult(results);
    }

    /**
     * Decides the pending reports whose earlier trials have all ended or got as far, in the sweep's
     * order; a decision may end a trial and so unblock a later one in the same pass.
     */
    private static void decide(TrialScheduler scheduler, TrialHistory[] histories, TrialResult.Status[] status,
            Advance[] pending) {
        for (int i = 0; i < histories.length; i++) {
            Advance a = pending[i];
            if (a == null || earlierBehind(histories, status, i, a.step())) {
                continue;
            }
            pending[i] = null;
            boolean stop = scheduler.shouldStop(histories[i], List.of(histories).subList(0, i));
            if (stop) {
                status[i] = TrialResult.Status.STOPPED;
            } else if (a.finished()) {
                status[i] = TrialResult.Status.COMPLETED;
            }
        }
    }

    private static boolean earlierBehind(TrialHistory[] histories, TrialResult.Status[] status, int index, long step) {
        for (int j = 0; j < index; j++) {
            if (status[j] == null && histories[j].lastStep() < step) {
                return true;
            }
        }
        return false;
    }

    /**
     * On an executor: trial {@code index} from its checkpoint (or its start) to its next report, or
     * to its end. The trial's spec is expanded there from the sweep's, which gives every trial the
     * same spec everywhere.
     */
    static Advance advance(String specYaml, Path dir, int index) {
        long start = System.nanoTime();
        SweepSpec spec = SweepSpec.parse(specYaml, "the sweep's spec");
        TrialSpec trial = spec.trials().get(index);
        AlgorithmTrials trials = new AlgorithmTrials(spec, dir);
        Path checkpoint = checkpoint(dir, index);
        long[] step = {-1};
        double[] value = {Double.NaN};
        try {
            AlgorithmRun run = Files.exists(checkpoint)
                    ? AlgorithmRun.resume(spec.algo(), spec.env(), Checkpoint.read(checkpoint))
                    : AlgorithmRun.fromConfig(spec.algo(), spec.env(), trials.config(trial));
            trials.train(run, trial, (s, v) -> {
                step[0] = s;
                value[0] = v;
                return false;
            });
            boolean finished = run.trainer().stepsDone() >= spec.steps();
            if (step[0] >= 0 && !finished) {
                run.trainer().saveCheckpoint(checkpoint);
            }
            return new Advance(trial.index(), step[0] >= 0, step[0], value[0], finished, null, seconds(start));
        } catch (IOException | RuntimeException e) {
            LOG.warn("trial {} failed: {}", index, e.toString(), e);
            return new Advance(index, false, -1, Double.NaN, true, e.getClass().getSimpleName() + ": "
                    + e.getMessage(), seconds(start));
        }
    }

    /** Where a trial's run waits between rounds; deleted when the trial ends. */
    private static Path checkpoint(Path dir, int index) {
        return AlgorithmTrials.trialDir(dir, index).resolve(CHECKPOINT);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

package io.github.jrl.sweep.spark;

import io.github.jrl.core.sweep.SweepResult;
import io.github.jrl.core.sweep.TrialResult;
import io.github.jrl.examples.sweep.SweepCommand;
import io.github.jrl.examples.sweep.SweepSpec;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code spark-submit --class io.github.jrl.sweep.spark.SparkSweepMain rl-sweep-spark.jar SPEC OUT_DIR}:
 * the sweep in the spec file (as {@code jrl sweep --spec} reads it) on the cluster spark-submit
 * names, into {@code OUT_DIR}, which every executor must see at the same path. Without a master
 * from spark-submit it runs on {@code local[concurrency]}. Exits with 1 if a trial failed.
 */
public final class SparkSweepMain {

    private SparkSweepMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SparkSweepMain SPEC_FILE OUT_DIR");
            System.exit(2);
        }
        SweepSpec spec = SweepSpec.read(Path.of(args[0]));
        SparkConf conf = new SparkConf().setAppName("jrl sweep " + spec.algo() + " " + spec.env())
                .setIfMissing("spark.master", "local[" + spec.concurrency() + "]");
        SweepResult result;
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            result = SweepCommand.run(spec, Path.of(args[1]), new SparkSweep(spark),
                    new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        }
        System.exit(result.count(TrialResult.Status.FAILED) == 0 ? 0 : 1);
    }
}

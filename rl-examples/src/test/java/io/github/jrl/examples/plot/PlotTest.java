package io.github.jrl.examples.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.metrics.CsvSink;
import io.github.jrl.core.metrics.MetricNames;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlotTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    /** A run directory whose metrics.csv has a rising return (offset by seed) and a loss. */
    private Path run(String name, int seed, long every, int rows) throws IOException {
        Path run = dir.resolve(name);
        try (CsvSink sink = new CsvSink(run.resolve("metrics.csv"))) {
            for (int i = 1; i <= rows; i++) {
                sink.write(i * every, Map.of(MetricNames.EPISODIC_RETURN, 10.0 * i + seed, "train/loss", 1.0 / i));
            }
        }
        return run;
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result plot(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new PlotCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static BufferedImage readPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), "PNG signature");
        return ImageIO.read(file.toFile());
    }

    @Test
    void plotsSeveralSeedsAsAPngOfTheRequestedSize() throws IOException {
        Path a = run("seed0", 0, 1000, 20);
        Path b = run("seed1", 5, 1000, 20);
        Path c = run("seed2", -5, 1500, 12); // logged at other steps: interpolated on the shared grid
        Path png = dir.resolve("out/curve.png");

        Result result = plot(a.toString(), b.toString(), c.toString(), "-o", png.toString(), "--width", "640",
                "--height", "360", "--band", "minmax");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("wrote " + png + System.lineSeparator(), result.out());
        BufferedImage image = readPng(png);
        assertEquals(640, image.getWidth());
        assertEquals(360, image.getHeight());
    }

    @Test
    void plotsOneRunFromItsCsvFileWithTheDefaultSize() throws IOException {
        Path run = run("only", 0, 100, 5);
        Path png = dir.resolve("one.png");
        Result result = plot(run.resolve("metrics.csv").toString(), "-o", png.toString(), "--metric", "train/loss");
        assertEquals(0, result.exitCode(), result.err());
        BufferedImage image = readPng(png);
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
    }

    @Test
    void aMissingOrInvalidCsvGivesAClearErrorAndNoImage() throws IOException {
        Path png = dir.resolve("never.png");
        Path empty = Files.createDirectories(dir.resolve("empty-run"));
        Result missing = plot(empty.toString(), "-o", png.toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("run directory " + empty + " has no metrics.csv"), missing.err());

        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("metrics.csv"), "step,charts/episodic_return\n100,12.5\n200,oops\n");
        Result invalid = plot(broken.toString(), "-o", png.toString());
        assertEquals(1, invalid.exitCode());
        assertTrue(invalid.err().contains("line 3, column 'charts/episodic_return': 'oops' is not a number"), invalid.err());

        Result noColumn = plot(run("r", 0, 10, 3).toString(), "-o", png.toString(), "--metric", "eval/mean_reward");
        assertEquals(1, noColumn.exitCode());
        assertTrue(noColumn.err().contains("no column 'eval/mean_reward'; its metrics are [charts/episodic_return, train/loss]"),
                noColumn.err());
        assertTrue(Files.notExists(png));
    }

    @Test
    void invalidOptionsAreRefused() throws IOException {
        Path run = run("r", 0, 10, 3);
        Result band = plot(run.toString(), "--band", "iqr");
        assertEquals(2, band.exitCode());
        assertTrue(band.err().contains("--band: unknown spread 'iqr'; expected std, minmax or none"), band.err());
        Result size = plot(run.toString(), "--width", "0", "-o", dir.resolve("x.png").toString());
        assertEquals(1, size.exitCode());
        assertTrue(size.err().contains("width and height must be positive, got 0x500"), size.err());
        assertEquals(2, plot().exitCode(), "at least one run is required");
    }

    @Test
    void bandIsTheMeanAndSpreadOnTheSharedRangeOfSteps() {
        LearningCurve a = new LearningCurve("a", new double[] {0, 10, 20}, new double[] {0, 10, 20});
        LearningCurve b = new LearningCurve("b", new double[] {5, 15, 25}, new double[] {5, 5, 5});
        CurveBand std = CurveBand.of(List.of(a, b), Spread.STD);
        assertArrayEquals(new double[] {5, 10, 15, 20}, std.steps(), "steps of either run within [5, 20]");
        assertArrayEquals(new double[] {5, 7.5, 10, 12.5}, std.mean());
        assertArrayEquals(new double[] {5, 5, 5, 5}, std.lower());
        assertArrayEquals(new double[] {5, 10, 15, 20}, std.upper());
        CurveBand minMax = CurveBand.of(List.of(a, b), Spread.MINMAX);
        assertArrayEquals(new double[] {5, 5, 5, 5}, minMax.lower());
        assertArrayEquals(new double[] {5, 10, 15, 20}, minMax.upper());

        LearningCurve late = new LearningCurve("late", new double[] {30, 40}, new double[] {1, 1});
        IllegalArgumentException disjoint = assertThrows(IllegalArgumentException.class,
                () -> CurveBand.of(List.of(a, late), Spread.STD));
        assertTrue(disjoint.getMessage().contains("share no range of steps"), disjoint.getMessage());
    }

    @Test
    void readingKeepsTheLastValueOfARepeatedStepAndSkipsNonFiniteOnes() throws IOException {
        Path run = dir.resolve("resumed");
        Files.createDirectories(run);
        Files.writeString(run.resolve("metrics.csv"), "step,charts/episodic_return\n100,NaN\n200,2.0\n300,3.0\n200,2.5\n400,\n");
        LearningCurve curve = LearningCurve.read(run, MetricNames.EPISODIC_RETURN);
        assertEquals("resumed", curve.label());
        assertArrayEquals(new double[] {200, 300}, curve.steps());
        assertArrayEquals(new double[] {2.5, 3.0}, curve.values());
        assertThrows(NoSuchFileException.class, () -> LearningCurve.read(dir.resolve("nope"), MetricNames.EPISODIC_RETURN));
    }
}

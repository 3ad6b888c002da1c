package io.github.jrl.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinariHdf5Test {

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(MinariHdf5Test.class.getResource(name).toURI());
    }

    /** Two discrete episodes with vector rewards: the first terminated, the second truncated. */
    static OfflineDataset discrete() {
        Episode first = new Episode(0, 2, 1, 2, new float[] {0, 1, 2, 3, 4, 5}, new float[] {1, 0},
                new float[] {1, -1, 0.5f, -1}, new boolean[] {false, true}, new boolean[] {false, false});
        Episode second = new Episode(1, 2, 1, 2, new float[] {-1, -2, 7, 8}, new float[] {2},
                new float[] {3.25f, -1}, new boolean[] {false}, new boolean[] {true});
        return new OfflineDataset(new DatasetInfo("walk/mixed-v0", "Walk-v0", 2, 1, 3, 2, "coin", "p: 0.5\n", 17,
                -10, 20.5), List.of(first, second));
    }

    /** One continuous episode with a scalar reward and unknown reference returns. */
    static OfflineDataset continuous() {
        Episode only = new Episode(0, 3, 2, 1, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f},
                new float[] {-0.5f, 0.25f, 1e-7f, -2f}, new float[] {-16.2736f, -15.5f}, new boolean[] {false, false},
                new boolean[] {false, true});
        return new OfflineDataset(new DatasetInfo("pendulum/x-v0", "Pendulum-v1", 3, 2, 0, 1, "sac", "", 0,
                Double.NaN, Double.NaN), List.of(only));
    }

    private static void assertSame(OfflineDataset expected, OfflineDataset actual) {
        assertEquals(expected.info(), actual.info());
        assertEquals(expected.episodes(), actual.episodes());
    }

    @Test
    void writesAndReadsBackExactly() throws IOException {
        for (OfflineDataset d : List.of(discrete(), continuous())) {
            Path file = dir.resolve(d.info().actionCount() + ".hdf5");
            MinariHdf5.write(d, file);
            assertSame(d, MinariHdf5.read(file));
        }
        try (var listing = Files.list(dir)) {
            assertEquals(2, listing.count(), "no temporary file is left behind");
        }
    }

    @Test
    void writesTheMinariRootAttributesAndDtypes() throws IOException {
        Path file = dir.resolve("d.hdf5");
        MinariHdf5.write(discrete(), file);
        try (HdfFile f = new HdfFile(file)) {
            assertEquals("walk/mixed-v0", f.getAttribute("dataset_id").getData());
            assertEquals("{\"id\": \"Walk-v0\"}", f.getAttribute("env_spec").getData());
            assertEquals("coin", f.getAttribute("algorithm_name").getData());
            assertEquals(2L, f.getAttribute("total_episodes").getData());
            assertEquals(3L, f.getAttribute("total_steps").getData());
            assertEquals(-10.0, f.getAttribute("ref_min_score").getData());
            assertEquals(20.5, f.getAttribute("ref_max_score").getData());
            assertEquals(long.class, f.getDatasetByPath("episode_0/actions").getJavaType());
            assertEquals(float.class, f.getDatasetByPath("episode_0/observations").getJavaType());
            assertEquals(double.class, f.getDatasetByPath("episode_0/rewards").getJavaType());
            assertArrayEquals(new int[] {2, 2}, f.getDatasetByPath("episode_0/rewards").getDimensions());
            assertArrayEquals(new int[] {3, 2}, f.getDatasetByPath("episode_0/observations").getDimensions());
            assertEquals(boolean.class, f.getDatasetByPath("episode_1/truncations").getJavaType());
            assertEquals(1L, f.getByPath("episode_1").getAttribute("total_steps").getData());
        }
    }

    @Test
    void loadsMinariFilesWrittenByH5pyWithExactValues() throws Exception {
        OfflineDataset d = MinariHdf5.read(resource("minari-discrete.hdf5"));
        assertEquals(new DatasetInfo("fixture/discrete-v0", "Fixture-v0", 2, 1, 3, 1, "hand-written", "", 0, -3.5, 12.25),
                d.info());
        assertEquals(List.of(
                new Episode(0, 2, 1, 1, new float[] {0.5f, -1, 1.5f, -2, 2.5f, -3, 3.5f, -4}, new float[] {2, 0, 1},
                        new float[] {1, 0.5f, -0.25f}, new boolean[] {false, false, true},
                        new boolean[] {false, false, false}),
                new Episode(1, 2, 1, 1, new float[] {0, 0, 0.125f, 8, 0.25f, 16}, new float[] {1, 1},
                        new float[] {2, 4}, new boolean[] {false, false}, new boolean[] {false, true})),
                d.episodes());

        OfflineDataset c = MinariHdf5.read(resource("minari-continuous.hdf5"));
        assertEquals(new DatasetInfo("fixture/continuous-v0", "Fixture-v1", 1, 2, 0, 1, "hand-written", "", 0, -3.5,
                12.25), c.info());
        assertEquals(List.of(new Episode(0, 1, 2, 1, new float[] {1, 2, 3}, new float[] {0.5f, -0.5f, -1, 1},
                new float[] {0.75f, -1.5f}, new boolean[] {false, true}, new boolean[] {false, false})), c.episodes());
    }

    @Test
    void aJrlFileOpensInH5pyWithTheExpectedGroupsShapesAndDtypes() throws Exception {
        Assumptions.assumeTrue(h5pyAvailable(), "/usr/bin/python3 with h5py (Debian: python3-h5py) is not installed");
        Path discreteFile = dir.resolve("discrete.hdf5");
        // the checker expects scalar rewards: the h5py fixture's episodes, written again by jrl
        MinariHdf5.write(MinariHdf5.read(resource("minari-discrete.hdf5")), discreteFile);
        assertEquals("OK", python(resource("check_jrl_file.py"), discreteFile, "2", "2", "0", "3,2"));
        Path continuousFile = dir.resolve("continuous.hdf5");
        MinariHdf5.write(continuous(), continuousFile);
        assertEquals("OK", python(resource("check_jrl_file.py"), continuousFile, "1", "3", "2", "2"));
    }

    private static boolean h5pyAvailable() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import h5py").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String python(Path script, Path file, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3", script.toString(), file.toString()));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python did not finish");
        return output;
    }

    /** A file in the Minari layout written with jHDF directly, {@code episode} changing episode_0. */
    private Path handWritten(String name, Consumer<WritableGroup> episode) {
        Path file = dir.resolve(name);
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putAttribute("dataset_id", "bad/file-v0");
            f.putAttribute("env_spec", "{\"id\": \"Walk-v0\"}");
            f.putAttribute("total_episodes", 1L);
            f.putAttribute("total_steps", 2L);
            f.putAttribute("jrl_action_count", 2L);
            episode.accept(f.putGroup("episode_0"));
        }
        return file;
    }

    private static void validEpisode(WritableGroup g) {
        g.putDataset("observations", new float[][] {{0}, {1}, {2}});
        g.putDataset("actions", new long[] {1, 1});
        g.putDataset("rewards", new double[] {1, 2});
        g.putDataset("terminations", new boolean[] {false, true});
        g.putDataset("truncations", new boolean[] {false, false});
    }

    private DatasetFormatException rejected(Path file) {
        return assertThrows(DatasetFormatException.class, () -> MinariHdf5.read(file));
    }

    private void assertRejected(Path file, int episode, String expected) {
        DatasetFormatException e = rejected(file);
        assertEquals(file, e.file());
        assertEquals(episode, e.episode());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theHandWrittenBaseFileIsValid() throws IOException {
        OfflineDataset d = MinariHdf5.read(handWritten("ok.hdf5", MinariHdf5Test::validEpisode));
        assertEquals(2, d.transitionCount());
        assertEquals(2, d.info().actionCount());
    }

    @Test
    void namesTheEpisodeAndWhatWasExpected() {
        assertRejected(handWritten("short-actions.hdf5", g -> {
            g.putDataset("observations", new float[][] {{0}, {1}, {2}});
            g.putDataset("actions", new long[] {1});
            g.putDataset("rewards", new double[] {1, 2});
            g.putDataset("terminations", new boolean[] {false, true});
            g.putDataset("truncations", new boolean[] {false, false});
        }), 0, "actions has shape [1], expected (2,)");
        assertRejected(handWritten("obs-rows.hdf5", g -> {
            g.putDataset("observations", new float[][] {{0}, {1}});
            g.putDataset("actions", new long[] {1, 1});
            g.putDataset("rewards", new double[] {1, 2});
            g.putDataset("terminations", new boolean[] {false, true});
            g.putDataset("truncations", new boolean[] {false, false});
        }), 0, "observations has shape [2, 1], expected (3, obs)");
        assertRejected(handWritten("no-truncations.hdf5", g -> {
            g.putDataset("observations", new float[][] {{0}, {1}, {2}});
            g.putDataset("actions", new long[] {1, 1});
            g.putDataset("rewards", new double[] {1, 2});
            g.putDataset("terminations", new boolean[] {false, true});
        }), 0, "missing dataset truncations");
        assertRejected(handWritten("double-obs.hdf5", g -> {
            g.putDataset("observations", new double[][] {{0}, {1}, {2}});
            g.putDataset("actions", new long[] {1, 1});
            g.putDataset("rewards", new double[] {1, 2});
            g.putDataset("terminations", new boolean[] {false, true});
            g.putDataset("truncations", new boolean[] {false, false});
        }), 0, "expected float32");
        assertRejected(handWritten("float-rewards.hdf5", g -> {
            g.putDataset("observations", new float[][] {{0}, {1}, {2}});
            g.putDataset("actions", new long[] {1, 1});
            g.putDataset("rewards", new float[] {1, 2});
            g.putDataset("terminations", new boolean[] {false, true});
            g.putDataset("truncations", new boolean[] {false, false});
        }), 0, "rewards has type FloatingPoint of 4 bytes (float), expected float64");
        assertRejected(handWritten("early-end.hdf5", g -> {
            g.putDataset("observations", new float[][] {{0}, {1}, {2}});
            g.putDataset("actions", new long[] {1, 1});
            g.putDataset("rewards", new double[] {1, 2});
            g.putDataset("terminations", new boolean[] {true, false});
            g.putDataset("truncations", new boolean[] {false, false});
        }), 0, "only its last step may end it");
        assertRejected(handWritten("bad-index.hdf5", g -> {
            g.putDataset("observations", new float[][] {{0}, {1}, {2}});
            g.putDataset("actions", new long[] {1, 2});
            g.putDataset("rewards", new double[] {1, 2});
            g.putDataset("terminations", new boolean[] {false, true});
            g.putDataset("truncations", new boolean[] {false, false});
        }), DatasetFormatException.ROOT, "expected an index in [0, 2)");
    }

    @Test
    void checksTheRootAgainstTheEpisodes() {
        Path noGroup = dir.resolve("no-group.hdf5");
        try (WritableHdfFile f = HdfFile.write(noGroup)) {
            f.putAttribute("dataset_id", "bad/file-v0");
            f.putAttribute("env_spec", "{\"id\": \"Walk-v0\"}");
            f.putAttribute("total_episodes", 1L);
            f.putAttribute("total_steps", 2L);
            validEpisode(f.putGroup("episode_1"));
        }
        assertRejected(noGroup, 0, "missing group episode_0");

        Path steps = dir.resolve("steps.hdf5");
        try (WritableHdfFile f = HdfFile.write(steps)) {
            f.putAttribute("dataset_id", "bad/file-v0");
            f.putAttribute("env_spec", "{\"id\": \"Walk-v0\"}");
            f.putAttribute("total_episodes", 1L);
            f.putAttribute("total_steps", 5L);
            f.putAttribute("jrl_action_count", 2L);
            validEpisode(f.putGroup("episode_0"));
        }
        assertRejected(steps, DatasetFormatException.ROOT, "total_steps is 5 but the episodes hold 2 steps");

        Path noCount = dir.resolve("no-count.hdf5");
        try (WritableHdfFile f = HdfFile.write(noCount)) {
            f.putAttribute("dataset_id", "bad/file-v0");
            f.putAttribute("env_spec", "{\"id\": \"Walk-v0\"}");
            f.putAttribute("total_episodes", 1L);
            f.putAttribute("total_steps", 2L);
            validEpisode(f.putGroup("episode_0"));
        }
        assertRejected(noCount, DatasetFormatException.ROOT, "expected root attribute jrl_action_count or Minari's action_space");
    }

    @Test
    void aTruncatedOrForeignFileIsACorruptFileNotACrash() throws IOException {
        Path whole = dir.resolve("whole.hdf5");
        MinariHdf5.write(discrete(), whole);
        byte[] bytes = Files.readAllBytes(whole);
        for (int keep : new int[] {bytes.length / 2, 100, 0}) {
            Path cut = dir.resolve("cut" + keep + ".hdf5");
            Files.write(cut, Arrays.copyOf(bytes, keep));
            DatasetFormatException e = rejected(cut);
            assertEquals(cut, e.file());
        }
        Path text = dir.resolve("text.hdf5");
        Files.writeString(text, "observations,actions\n1,2\n");
        assertTrue(rejected(text).getMessage().contains("not a readable HDF5 file"));
        assertThrows(NoSuchFileException.class, () -> MinariHdf5.read(dir.resolve("absent.hdf5")));
    }
}

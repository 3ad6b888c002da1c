package io.github.jrl.core.dataset;

import io.github.jrl.core.checkpoint.AtomicFile;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.object.datatype.EnumDataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes an {@link OfflineDataset} as a Minari HDF5 file ({@code main_data.hdf5} of
 * Minari's {@code HDF5Storage}, {@code minari/dataset/_storages/hdf5_storage.py}), through the
 * pure-Java jHDF library.
 *
 * <p>Layout, as Minari and h5py write it:
 * <ul>
 * <li>root attributes {@code dataset_id}, {@code env_spec} (Gymnasium's {@code EnvSpec} JSON, here
 *     {@code {"id": ...}}), {@code algorithm_name} (the recording policy), {@code total_episodes},
 *     {@code total_steps} (int64), {@code minari_version} ({@value #MINARI_VERSION}, the last
 *     release that kept metadata in the HDF5 root), {@code ref_min_score} and
 *     {@code ref_max_score} (Minari's names for D4RL's reference returns, float64, NaN if unknown),
 *     and jrl's own: {@code jrl_observation_size}, {@code jrl_action_size},
 *     {@code jrl_action_count}, {@code jrl_reward_dim}, {@code jrl_seed} (int64) and
 *     {@code jrl_recording_config} (string);</li>
 * <li>a group {@code episode_<id>} per episode with attributes {@code id} and
 *     {@code total_steps} (int64) and datasets {@code observations} float32 {@code (T+1, obs)},
 *     {@code actions} float32 {@code (T, act)} (int64 {@code (T,)} indices for a discrete action
 *     space, as Gymnasium's {@code Discrete} samples them), {@code rewards} float64 {@code (T,)}
 *     ({@code (T, d)} for vector rewards), {@code terminations} and {@code truncations}
 *     {@code (T,)}.</li>
 * </ul>
 *
 * <p>Two differences jHDF imposes, both read correctly by h5py and Minari: strings are fixed-length
 * (h5py returns {@code bytes} where its own variable-length strings give {@code str}), and the
 * flags are 8-bit HDF5 bitfields holding 0 or 1, which h5py reads as {@code uint8} (h5py's own
 * {@code bool} is an enum that jHDF cannot write; {@code np.asarray(x, bool)} gives the same
 * arrays). The reader accepts both forms of flag.
 *
 * <p>Reading checks everything it uses and raises {@link DatasetFormatException} naming the file,
 * the episode and what was expected. A file written elsewhere loads when it has Box observations
 * and Box or Discrete actions; without jrl's attributes the sizes come from the arrays, and the
 * action count of a discrete dataset from Minari's {@code action_space} attribute.
 */
public final class MinariHdf5 {

    /** The Minari release whose layout this matches. */
    public static final String MINARI_VERSION = "0.4.3";

    private static final Pattern JSON_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern JSON_N = Pattern.compile("\"n\"\\s*:\\s*(\\d+)");
    private static final Pattern JSON_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"");

    private MinariHdf5() {
    }

    /**
     * Writes {@code dataset} to {@code file} atomically: jHDF writes a temporary file beside it,
     * whose bytes {@link AtomicFile} then moves into place, so a reader sees the old file or the
     * complete new one.
     */
    public static void write(OfflineDataset dataset, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path scratch = Files.createTempFile(dir, "." + file.getFileName() + ".", ".jhdf.tmp");
        try {
            try (WritableHdfFile out = HdfFile.write(scratch)) {
                writeRoot(dataset, out);
                for (Episode e : dataset.episodes()) {
                    writeEpisode(e, dataset.info(), out.putGroup("episode_" + e.id()));
                }
            }
            AtomicFile.write(file, stream -> Files.copy(scratch, stream));
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    private static void writeRoot(OfflineDataset dataset, WritableHdfFile out) {
        DatasetInfo info = dataset.info();
        out.putAttribute("dataset_id", info.datasetId());
        out.putAttribute("env_spec", "{\"id\": \"" + info.envId() + "\"}");
        out.putAttribute("algorithm_name", info.recordingPolicy());
        out.putAttribute("total_episodes", (long) dataset.episodes().size());
        out.putAttribute("total_steps", (long) dataset.transitionCount());
        out.putAttribute("minari_version", MINARI_VERSION);
        out.putAttribute("ref_min_score", info.randomReturn());
        out.putAttribute("ref_max_score", info.expertReturn());
        out.putAttribute("jrl_observation_size", (long) info.observationSize());
        out.putAttribute("jrl_action_size", (long) info.actionSize());
        out.putAttribute("jrl_action_count", (long) info.actionCount());
        out.putAttribute("jrl_reward_dim", (long) info.rewardDim());
        out.putAttribute("jrl_seed", info.seed());
        // jHDF cannot write an empty string; a lone space stands for "no configuration" and reads back as ""
        out.putAttribute("jrl_recording_config", info.recordingConfig().isEmpty() ? " " : info.recordingConfig());
    }

    private static void writeEpisode(Episode e, DatasetInfo info, WritableGroup group) {
        int steps = e.length();
        group.putAttribute("id", (long) e.id());
        group.putAttribute("total_steps", (long) steps);
        group.putDataset("observations", rows(e.observations(), steps + 1, e.observationSize()));
        float[] actions = e.actions();
        if (info.discreteActions()) {
            long[] indices = new long[steps];
            for (int t = 0; t < steps; t++) {
                indices[t] = (long) actions[t];
            }
            group.putDataset("actions", indices);
        } else {
            group.putDataset("actions", rows(actions, steps, e.actionSize()));
        }
        float[] rewards = e.rewards();
        double[] wide = new double[rewards.length];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = rewards[i];
        }
        if (e.rewardDim() == 1) {
            group.putDataset("rewards", wide);
        } else {
            double[][] byStep = new double[steps][];
            for (int t = 0; t < steps; t++) {
                byStep[t] = Arrays.copyOfRange(wide, t * e.rewardDim(), (t + 1) * e.rewardDim());
            }
            group.putDataset("rewards", byStep);
        }
        group.putDataset("terminations", e.terminations());
        group.putDataset("truncations", e.truncations());
    }

    private static float[][] rows(float[] flat, int rows, int width) {
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return out;
    }

    /**
     * Reads a Minari HDF5 file.
     *
     * @throws DatasetFormatException if the file is not HDF5, is truncated or corrupt, or does not
     *     hold the layout described above
     * @throws java.nio.file.NoSuchFileException if there is no such file
     */
    public static OfflineDataset read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        Reader reader = new Reader(file);
        try (HdfFile in = new HdfFile(file)) {
            return reader.read(in);
        } catch (RuntimeException e) {
            // jHDF reports malformed bytes as runtime exceptions of several kinds
            throw new DatasetFormatException(file, reader.episode, "not a readable HDF5 file (truncated or corrupt?): "
                    + e, e);
        }
    }

    /** One read, remembering which episode it is in for the error message. */
    private static final class Reader {

        private final Path file;
        private int episode = DatasetFormatException.ROOT;

        Reader(Path file) {
            this.file = file;
        }

        OfflineDataset read(HdfFile in) throws DatasetFormatException {
            long totalEpisodes = longAttribute(in, "total_episodes", null);
            long totalSteps = longAttribute(in, "total_steps", null);
            if (totalEpisodes < 1) {
                throw fail("total_episodes is " + totalEpisodes + ", expected at least 1");
            }
            long groups = in.getChildren().keySet().stream().filter(k -> k.startsWith("episode_")).count();
            if (groups != totalEpisodes) {
                throw fail("total_episodes is " + totalEpisodes + " but the file holds " + groups + " episode_* groups");
            }
            String datasetId = stringAttribute(in, "dataset_id", null);
            String envId = envId(stringAttribute(in, "env_spec", null));
            String policy = stringAttribute(in, "algorithm_name", "");
            String storedConfig = stringAttribute(in, "jrl_recording_config", "");
            String config = storedConfig.equals(" ") ? "" : storedConfig;
            long seed = longAttribute(in, "jrl_seed", 0L);
            double random = doubleAttribute(in, "ref_min_score");
            double expert = doubleAttribute(in, "ref_max_score");

            List<Episode> episodes = new ArrayList<>();
            int[] sizes = null;
            boolean discrete = false;
            long steps = 0;
            for (episode = 0; episode < totalEpisodes; episode++) {
                Node node = in.getChild("episode_" + episode);
                if (!(node instanceof Group group)) {
                    throw fail("missing group episode_" + episode + " (total_episodes is " + totalEpisodes + ")");
                }
                Dataset actions = dataset(group, "actions");
                if (sizes == null) {
                    discrete = actions.getJavaType() == long.class;
                }
                Episode e = episode(group, discrete);
                if (sizes == null) {
                    sizes = new int[] {e.observationSize(), e.actionSize(), e.rewardDim()};
                } else if (sizes[0] != e.observationSize() || sizes[1] != e.actionSize() || sizes[2] != e.rewardDim()) {
                    throw fail("observation, action and reward widths are " + e.observationSize() + ", " + e.actionSize()
                            + ", " + e.rewardDim() + ", expected " + sizes[0] + ", " + sizes[1] + ", " + sizes[2]
                            + " as in episode_0");
                }
                episodes.add(e);
                steps += e.length();
            }
            episode = DatasetFormatException.ROOT;
            if (steps != totalSteps) {
                throw fail("total_steps is " + totalSteps + " but the episodes hold " + steps + " steps");
            }
            long actionCount = discrete ? actionCount(in) : 0;
            checkSize(in, "jrl_observation_size", sizes[0]);
            checkSize(in, "jrl_action_size", sizes[1]);
            checkSize(in, "jrl_reward_dim", sizes[2]);
            DatasetInfo info;
            try {
                info = new DatasetInfo(datasetId, envId, sizes[0], sizes[1], (int) actionCount, sizes[2], policy,
                        config, seed, random, expert);
                return new OfflineDataset(info, episodes);
            } catch (IllegalArgumentException e) {
                throw fail(e.getMessage());
            }
        }

        private Episode episode(Group group, boolean discrete) throws DatasetFormatException {
            Dataset rewards = dataset(group, "rewards");
            requireType(rewards, double.class, "float64");
            int[] rewardDims = rewards.getDimensions();
            if (rewardDims.length < 1 || rewardDims.length > 2 || rewardDims[0] < 1) {
                throw fail("rewards has shape " + Arrays.toString(rewardDims) + ", expected (T,) or (T, d) with T >= 1");
            }
            int steps = rewardDims[0];
            int rewardDim = rewardDims.length == 2 ? rewardDims[1] : 1;
            Attribute total = group.getAttribute("total_steps");
            if (total != null && ((Number) total.getData()).longValue() != steps) {
                throw fail("attribute total_steps is " + total.getData() + " but rewards holds " + steps + " steps");
            }

            Dataset observations = dataset(group, "observations");
            requireType(observations, float.class, "float32");
            int[] obsDims = observations.getDimensions();
            if (obsDims.length != 2 || obsDims[0] != steps + 1) {
                throw fail("observations has shape " + Arrays.toString(obsDims) + ", expected (" + (steps + 1)
                        + ", obs): T + 1 rows for the " + steps + " steps of rewards");
            }

            Dataset actions = dataset(group, "actions");
            int[] actionDims = actions.getDimensions();
            float[] actionValues;
            int actionSize;
            if (discrete) {
                requireType(actions, long.class, "int64 (discrete, as in episode_0)");
                if (actionDims.length != 1 || actionDims[0] != steps) {
                    throw fail("actions has shape " + Arrays.toString(actionDims) + ", expected (" + steps + ",)");
                }
                long[] indices = (long[]) actions.getDataFlat();
                actionValues = new float[steps];
                for (int t = 0; t < steps; t++) {
                    actionValues[t] = indices[t];
                }
                actionSize = 1;
            } else {
                requireType(actions, float.class, "float32 (continuous, as in episode_0)");
                if (actionDims.length != 2 || actionDims[0] != steps) {
                    throw fail("actions has shape " + Arrays.toString(actionDims) + ", expected (" + steps + ", act)");
                }
                actionValues = (float[]) actions.getDataFlat();
                actionSize = actionDims[1];
            }

            double[] wide = (double[]) rewards.getDataFlat();
            float[] rewardValues = new float[wide.length];
            for (int i = 0; i < wide.length; i++) {
                rewardValues[i] = (float) wide[i];
            }
            try {
                return new Episode(episode, obsDims[1], actionSize, rewardDim, (float[]) observations.getDataFlat(),
                        actionValues, rewardValues, flags(group, "terminations", steps),
                        flags(group, "truncations", steps));
            } catch (IllegalArgumentException e) {
                throw fail(e.getMessage());
            }
        }

        private boolean[] flags(Group group, String name, int steps) throws DatasetFormatException {
            Dataset flags = dataset(group, name);
            int[] dims = flags.getDimensions();
            if (dims.length != 1 || dims[0] != steps) {
                throw fail(name + " has shape " + Arrays.toString(dims) + ", expected (" + steps + ",)");
            }
            if (flags.getJavaType() == boolean.class) {
                return (boolean[]) flags.getDataFlat();
            }
            if (flags.getDataType() instanceof EnumDataType) {
                // h5py's bool: an enum {FALSE: 0, TRUE: 1}, which jHDF reads as the member names
                String[] names = (String[]) flags.getDataFlat();
                boolean[] values = new boolean[steps];
                for (int t = 0; t < steps; t++) {
                    if (!"TRUE".equals(names[t]) && !"FALSE".equals(names[t])) {
                        throw fail(name + "[" + t + "] is the enum member '" + names[t] + "', expected TRUE or FALSE");
                    }
                    values[t] = "TRUE".equals(names[t]);
                }
                return values;
            }
            throw fail(name + " has type " + flags.getDataType().getClass().getSimpleName() + " ("
                    + flags.getJavaType() + "), expected bool (h5py's enum) or an 8-bit bitfield");
        }

        private Dataset dataset(Group group, String name) throws DatasetFormatException {
            Node node = group.getChild(name);
            if (!(node instanceof Dataset d)) {
                throw fail("missing dataset " + name);
            }
            return d;
        }

        private void requireType(Dataset d, Class<?> type, String expected) throws DatasetFormatException {
            if (d.getJavaType() != type) {
                throw fail(d.getName() + " has type " + d.getDataType().getClass().getSimpleName() + " of "
                        + d.getDataType().getSize() + " bytes (" + d.getJavaType() + "), expected " + expected);
            }
        }

        private long actionCount(HdfFile in) throws DatasetFormatException {
            Attribute own = in.getAttribute("jrl_action_count");
            if (own != null) {
                return ((Number) own.getData()).longValue();
            }
            Attribute space = in.getAttribute("action_space");
            if (space != null) {
                String json = space.getData().toString();
                Matcher type = JSON_TYPE.matcher(json);
                Matcher n = JSON_N.matcher(json);
                if (type.find() && "Discrete".equals(type.group(1)) && n.find()) {
                    return Long.parseLong(n.group(1));
                }
                throw fail("integer actions need a Discrete action_space with \"n\", got action_space " + json);
            }
            throw fail("integer (discrete) actions need the number of actions: expected root attribute "
                    + "jrl_action_count or Minari's action_space");
        }

        private void checkSize(HdfFile in, String name, int actual) throws DatasetFormatException {
            Attribute a = in.getAttribute(name);
            if (a != null && ((Number) a.getData()).longValue() != actual) {
                throw fail("attribute " + name + " is " + a.getData() + " but the episodes' arrays have " + actual);
            }
        }

        private String envId(String envSpec) throws DatasetFormatException {
            Matcher m = JSON_ID.matcher(envSpec);
            if (!m.find()) {
                throw fail("env_spec has no \"id\": " + envSpec);
            }
            return m.group(1);
        }

        private long longAttribute(Node node, String name, Long absent) throws DatasetFormatException {
            Attribute a = node.getAttribute(name);
            if (a == null) {
                if (absent == null) {
                    throw fail("missing attribute " + name);
                }
                return absent;
            }
            if (!(a.getData() instanceof Long || a.getData() instanceof Integer)) {
                throw fail("attribute " + name + " is " + a.getData() + " (" + a.getJavaType() + "), expected an integer");
            }
            return ((Number) a.getData()).longValue();
        }

        private double doubleAttribute(Node node, String name) throws DatasetFormatException {
            Attribute a = node.getAttribute(name);
            if (a == null) {
                return Double.NaN;
            }
            if (!(a.getData() instanceof Number n)) {
                throw fail("attribute " + name + " is " + a.getData() + ", expected a number");
            }
            return n.doubleValue();
        }

        private String stringAttribute(Node node, String name, String absent) throws DatasetFormatException {
            Attribute a = node.getAttribute(name);
            if (a == null) {
                if (absent == null) {
                    throw fail("missing attribute " + name);
                }
                return absent;
            }
            if (!(a.getData() instanceof String s)) {
                throw fail("attribute " + name + " is " + a.getData() + " (" + a.getJavaType() + "), expected a string");
            }
            return s;
        }

        private DatasetFormatException fail(String problem) {
            return new DatasetFormatException(file, episode, problem);
        }
    }
}

package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.algorithms.ppo.Ppo;
import io.github.jrl.algorithms.ppo.PpoConfig;
import io.github.jrl.core.env.Environment;
import io.github.jrl.core.multiobjective.CrowdingDistance;
import io.github.jrl.core.multiobjective.ParetoArchive;
import io.github.jrl.core.multiobjective.WeightVectors;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.train.Callback;
import io.github.jrl.core.train.Trainer;
import io.github.jrl.nd4j.policy.ActorCriticPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * C-MORL (Liu et al., "Multi-Objective Reinforcement Learning through Efficient
 * Discovery of Pareto Front", ICLR 2025), on jrl's PPO.
 *
 * <ol>
 *   <li><b>Pareto initialisation.</b> One PPO policy per preference of the Das-Dennis lattice,
 *       trained on the linearly scalarised advantage of a vector-valued critic
 *       ({@link LinearAdvantages}).</li>
 *   <li><b>Pareto extension.</b> Repeatedly: pick the policies of the current front around which
 *       it is sparsest (largest crowding distance, {@link CrowdingDistance}), and for each of them
 *       and each objective {@code j} continue training from its networks with constrained PPO
 *       ({@link ConstrainedPpo}): maximise objective {@code j} while every other objective stays
 *       above a threshold taken from the selected point ({@link #thresholds}); the multipliers
 *       start at 1 and step in units of the gap ({@link #multiplierRate}).</li>
 * </ol>
 *
 * A {@link ParetoArchive} keeps the non-dominated points and the policy behind each. Every run's
 * policy is evaluated every {@code evaluationInterval} updates and at its end, and every
 * evaluation is offered to the archive, so the policies a constrained run passes through count
 * too (PGMORL keeps its evaluated offspring the same way).
 *
 * <p><b>Thresholds.</b> The paper constrains {@code G_i >= beta G_i(pi_r)}, a relaxation
 * proportional to the selected policy's own return. That depends on the objective's sign and
 * origin (a return of {@code -19} steps relaxed by 10% becomes {@code -20.9}, one of {@code 124}
 * becomes {@code 111.6}), and on a front with large gaps between points (deep-sea-treasure) it
 * never reaches the neighbouring point. jrl places the threshold in the gap the extension should
 * fill: between the selected point and the next lower value of that objective on the front,
 * {@code b_i = p_i - (1 - relaxation)(p_i - l_i)}, which is invariant to shifting and scaling an
 * objective and halves a gap per round at the default 0.5. Where the point is already the front's
 * lowest in objective {@code i} there is no gap, and the paper's relaxation relative to the point,
 * {@code p_i - (1 - relaxation)|p_i|}, lets the front grow past its end.
 */
public final class CMorl {

    private static final Logger LOG = LoggerFactory.getLogger(CMorl.class);

    /**
     * Every extension starts with its multipliers at 1, safety-starter-agents' {@code penalty_init}
     * (Ray et al. 2019): balanced between the objective and its constraints, rather than
     * unconstrained, which would first drive the policy away from the point it extends.
     */
    static final double INITIAL_MULTIPLIER = 1.0;

    private final CMorlConfig config;
    private final Supplier<? extends Environment<float[], ?>> envFactory;
    private final int objectives;
    private final ParetoArchive<ActorCriticPolicy> archive;
    private final List<double[]> evaluated = new ArrayList<>();
    private final Set<String> tried = new HashSet<>();
    private final Rng rng;
    private long stepsDone;

    /**
     * @param envFactory makes one copy of a vector-reward environment with {@code float[]}
     *     observations; it is also the evaluation environment
     */
    public CMorl(CMorlConfig config, Supplier<? extends Environment<float[], ?>> envFactory) {
        this.config = config;
        this.envFactory = envFactory;
        try (Environment<float[], ?> probe = envFactory.get()) {
            objectives = probe.rewardDim();
            if (objectives < 2) {
                throw new IllegalArgumentException(probe.id() + " has a scalar reward; C-MORL needs rewardDim >= 2");
            }
        }
        this.archive = new ParetoArchive<>(objectives);
        this.rng = new Rng(config.seed());
    }

    /** Runs both stages. */
    public void run() {
        initialise();
        for (int round = 0; round < config.extensionIterations(); round++) {
            extend(round);
        }
    }

    /** Stage 1: one policy per Das-Dennis preference. */
    public void initialise() {
        for (double[] w : WeightVectors.uniform(objectives, config.weightDivisions())) {
            Ppo ppo = new Ppo(runConfig(), envFactory, new LinearAdvantages(w, config.normalization()));
            train(ppo, config.stage1Steps());
            LOG.info("stage 1 {}: front of {} points", Arrays.toString(w), archive.size());
        }
    }

    /**
     * Stage 2, one round: {@code policiesPerIteration x objectives} constrained runs, each an
     * extension (a point of the front and an objective to maximise), taken in order of the
     * point's crowding distance ({@link #extensions}).
     */
    public void extend(int round) {
        List<ParetoArchive.Entry<ActorCriticPolicy>> entries = archive.entries();
        List<double[]> points = archive.points();
        for (int[] extension : extensions(points, tried, config.policiesPerIteration() * objectives)) {
            int selected = extension[0];
            int j = extension[1];
            tried.add(key(points.get(selected), j));
            double[] thresholds = thresholds(points, selected, j, config.relaxation());
            ConstraintConfig constraints = new ConstraintConfig(j, thresholds,
                    multiplierRate(points.get(selected), thresholds, config.multiplierLearningRate()),
                    INITIAL_MULTIPLIER, config.normalization());
            ConstrainedPpo constrained = new ConstrainedPpo(runConfig(), constraints, envFactory)
                    .startingFrom(entries.get(selected).payload());
            train(constrained.ppo(), config.extensionSteps());
            LOG.info("stage 2 round {}: from {} maximising {} with thresholds {}: front of {} points", round,
                    Arrays.toString(points.get(selected)), j, Arrays.toString(thresholds), archive.size());
        }
    }

    /**
     * The {@code count} extensions {@code [point index, objective]} of a round: the points in
     * order of decreasing crowding distance ({@link #sparsest}), each with every objective, those
     * not yet {@code tried} (keys of {@link #key}) first. C-MORL extends the sparsest policies;
     * skipping the extensions already run from the same point keeps a round from spending its
     * budget again on the front's ends (always infinitely crowded) once their neighbours are found.
     * Tried extensions fill the round, in the same order, when too few untried ones are left.
     */
    public static List<int[]> extensions(List<double[]> front, Set<String> tried, int count) {
        List<int[]> untried = new ArrayList<>();
        List<int[]> again = new ArrayList<>();
        for (int point : sparsest(front, front.size())) {
            for (int j = 0; j < front.get(point).length; j++) {
                (tried.contains(key(front.get(point), j)) ? again : untried).add(new int[] {point, j});
            }
        }
        untried.addAll(again);
        return untried.subList(0, Math.min(count, untried.size()));
    }

    /** The key of the extension from {@code point} maximising {@code objective}. */
    public static String key(double[] point, int objective) {
        return Arrays.toString(point) + "/" + objective;
    }

    private PpoConfig runConfig() {
        return config.ppo().toBuilder().seed(rng.nextSeed()).build();
    }

    private void train(Ppo ppo, long steps) {
        long evaluationSeed = rng.nextSeed();
        int[] lastEvaluated = {-1};
        ppo.learn(steps, new Callback() {
            @Override
            public boolean onUpdate(Trainer<?, ?> trainer) {
                if (ppo.updates() % config.evaluationInterval() == 0) {
                    offer(ppo, evaluationSeed);
                    lastEvaluated[0] = ppo.updates();
                }
                return true;
            }

            @Override
            public void onTrainingEnd(Trainer<?, ?> trainer) {
                if (lastEvaluated[0] != ppo.updates()) {
                    offer(ppo, evaluationSeed);
                }
            }
        });
        stepsDone += ppo.stepsDone();
    }

    private void offer(Ppo ppo, long seed) {
        ActorCriticPolicy policy = ppo.policy();
        try (Environment<float[], ?> env = envFactory.get()) {
            double[] point = meanReturn(policy, env, seed);
            evaluated.add(point);
            archive.add(point, policy);
        }
    }

    @SuppressWarnings("unchecked")
    private double[] meanReturn(ActorCriticPolicy policy, Environment<float[], ?> env, long seed) {
        return FrontEvaluation.meanReturn(policy, (Environment<float[], Object>) env, config.evaluationEpisodes(),
                seed);
    }

    /**
     * The indices of the {@code count} points of largest crowding distance (all of them if fewer),
     * ties broken by position.
     */
    public static int[] sparsest(List<double[]> front, int count) {
        double[] crowding = CrowdingDistance.of(front);
        return java.util.stream.IntStream.range(0, front.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -crowding[i]).thenComparingInt(i -> i))
                .limit(count).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The thresholds of the constrained run from {@code front.get(selected)} that maximises
     * {@code objective}: NaN at {@code objective}; for every other objective {@code i},
     * {@code p_i - (1 - relaxation)(p_i - l_i)} with {@code l_i} the largest value of objective
     * {@code i} on the front below {@code p_i}; where there is none (the point is the front's
     * lowest in objective {@code i}) the paper's relaxation relative to the point itself,
     * {@code p_i - (1 - relaxation)|p_i|}.
     */
    public static double[] thresholds(List<double[]> front, int selected, int objective, double relaxation) {
        double[] p = front.get(selected);
        double[] thresholds = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            if (i == objective) {
                thresholds[i] = Double.NaN;
                continue;
            }
            double lower = Double.NEGATIVE_INFINITY;
            for (double[] q : front) {
                if (q[i] < p[i]) {
                    lower = Math.max(lower, q[i]);
                }
            }
            thresholds[i] = lower == Double.NEGATIVE_INFINITY
                    ? p[i] - (1 - relaxation) * Math.abs(p[i])
                    : p[i] - (1 - relaxation) * (p[i] - lower);
        }
        return thresholds;
    }

    /**
     * The multipliers' step size of an extension: {@code rate} divided by the largest distance
     * between the selected point and a threshold, so that a violation of the whole gap moves a
     * multiplier by {@code rate} whatever the objective's scale (deep-sea-treasure's treasures span
     * 1 to 124, its times 1 to 19). A gap of 0 leaves {@code rate}.
     */
    static double multiplierRate(double[] point, double[] thresholds, double rate) {
        double gap = 0;
        for (int i = 0; i < point.length; i++) {
            if (!Double.isNaN(thresholds[i])) {
                gap = Math.max(gap, Math.abs(point[i] - thresholds[i]));
            }
        }
        return gap > 0 ? rate / gap : rate;
    }

    /** The current archive: the non-dominated points found and the policy behind each. */
    public ParetoArchive<ActorCriticPolicy> archive() {
        return archive;
    }

    /** Every evaluated point, dominated ones included, in evaluation order. */
    public List<double[]> evaluatedPoints() {
        return List.copyOf(evaluated);
    }

    /** Environment steps of all runs so far. */
    public long stepsDone() {
        return stepsDone;
    }

    public CMorlConfig config() {
        return config;
    }
}

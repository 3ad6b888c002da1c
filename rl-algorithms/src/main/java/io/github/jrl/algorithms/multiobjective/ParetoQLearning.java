package io.github.jrl.algorithms.multiobjective;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.multiobjective.Dominance;
import io.github.jrl.core.multiobjective.Hypervolume;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Discrete;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pareto Q-learning (Van Moffaert and Nowé, "Multi-Objective Reinforcement Learning using Sets of
 * Pareto Dominating Policies", JMLR 15, 2014): tabular learning of the set of Pareto-optimal
 * return vectors of every state-action pair, so that one run finds the whole Pareto front,
 * including its concave parts, which no linear scalarisation can reach.
 *
 * <p>The paper's key step, its set-based bootstrapping, separates the immediate from the future
 * reward. For every state {@code s} and action {@code a} it keeps the mean reward vector
 * {@code R(s, a)} and the set {@code ND(s, a)} of non-dominated future return vectors of the
 * successor {@code s'}, and builds the Q-set on demand as
 * <pre>
 *   Q(s, a)  = { R(s, a) + gamma * q : q in ND(s, a) }
 *   ND(s, a) = nd( union over a' of Q(s', a') )   after each visit ({0} if s' is terminal)
 * </pre>
 * where {@code nd} keeps the Pareto-non-dominated vectors. A pair never tried has
 * {@code R = 0, ND = {0}}, as in morl-baselines. Actions are chosen epsilon-greedily, greedy
 * meaning the best {@link SetEvaluation} score (hypervolume by default). A learned vector is
 * followed back to a policy by {@link TrackedPolicy} (the paper's tracking of policies).
 *
 * <p>{@code ND(s, a)} comes from the latest successor only, as in morl-baselines' {@code PQL}:
 * exact under deterministic transitions. The paper also treats stochastic transitions, with
 * per-successor sets and transition counts; that is not implemented, so a state-action pair that
 * leads to two different successors raises an {@link IllegalStateException} rather than learning
 * sets that mean nothing. Mean rewards make stochastic rewards on deterministic transitions fine.
 *
 * <p>The epsilon schedule is evaluated at every step (morl-baselines updates it at the end of
 * each episode). Episodes start with {@code reset(seed)} and continue the environment's
 * generator; exploration draws from a stream of its own, so a seed fixes the whole run.
 *
 * @param <O> observation type: {@code Integer} or {@code int[]} (a {@link Discrete} or integer
 *     vector observation space)
 */
public final class ParetoQLearning<O> {

    private final ParetoQLearningConfig config;
    private final Environment<O, Integer> env;
    private final int numActions;
    private final int objectives;
    private final double[] referencePoint;
    private final StateIndex<O> states;
    private final List<StateTable> tables = new ArrayList<>();
    private final Rng explorationRng;
    private long stepsDone;
    private boolean seeded;
    /** The current observation, or null between episodes. */
    private O observation;

    /**
     * @throws IllegalArgumentException if the action space is not {@code Discrete} starting at 0,
     *     the observation space is not discrete, or the reference point's dimension differs from
     *     the environment's reward dimension
     */
    public ParetoQLearning(ParetoQLearningConfig config, Environment<O, Integer> env) {
        this.config = config;
        this.env = env;
        if (!(env.actionSpace() instanceof Discrete d) || d.start() != 0) {
            throw new IllegalArgumentException(env.id() + " acts in " + env.actionSpace()
                    + "; Pareto Q-learning needs a Discrete action space starting at 0");
        }
        this.numActions = d.n();
        this.objectives = env.rewardDim();
        this.referencePoint = config.referencePoint();
        if (referencePoint.length != objectives) {
            throw new IllegalArgumentException(env.id() + " has " + objectives + " reward components but the"
                    + " reference point " + Arrays.toString(referencePoint) + " has " + referencePoint.length);
        }
        this.states = new StateIndex<>(env.observationSpace(), env.id());
        this.explorationRng = Rng.forStream(config.seed(), 1);
    }

    /**
     * Runs {@code steps} more environment steps of learning. An episode cut off by the end of a
     * call continues in the next call.
     */
    public void learn(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        for (long i = 0; i < steps; i++) {
            if (observation == null) {
                observation = seeded ? env.reset().observation() : env.reset(config.seed()).observation();
                seeded = true;
            }
            int state = stateId(observation);
            int action = selectAction(state, config.epsilon(stepsDone));
            Step<O> step = env.step(action);
            update(state, action, step, stateId(step.observation()));
            stepsDone++;
            observation = step.done() ? null : step.observation();
        }
    }

    /** Environment steps learned from so far. */
    public long stepsDone() {
        return stepsDone;
    }

    /** Distinct observations seen so far (the rows of the tables). */
    public int statesSeen() {
        return states.size();
    }

    public ParetoQLearningConfig config() {
        return config;
    }

    /**
     * The learned Pareto front of {@code observation}: the non-dominated vectors among the
     * Q-sets of all its actions (morl-baselines' {@code get_local_pcs}). At the start state these
     * are the returns of the policies found.
     *
     * @throws IllegalArgumentException if {@code observation} was never seen
     */
    public List<double[]> front(O observation) {
        return nonDominatedFuture(existingStateId(observation));
    }

    /** A policy that follows {@code target}, a vector of the front of the state it starts in. */
    public TrackedPolicy<O> track(double[] target) {
        if (target.length != objectives) {
            throw new IllegalArgumentException("a target needs " + objectives + " objectives, got "
                    + Arrays.toString(target));
        }
        return new TrackedPolicy<>(this, target);
    }

    /**
     * Tracks every vector of the front of {@code evalEnv}'s start state (reset with {@code seed}),
     * each in an episode of its own started with {@code reset(seed)}, and returns the undiscounted
     * return vector of each episode, in the order of {@link #front}.
     */
    public List<double[]> evaluateFront(Environment<O, Integer> evalEnv, long seed) {
        List<double[]> returns = new ArrayList<>();
        for (double[] target : front(evalEnv.reset(seed).observation())) {
            returns.add(track(target).episodeReturn(evalEnv, seed));
        }
        return returns;
    }

    // ---- what TrackedPolicy reads ----

    int numActions() {
        return numActions;
    }

    double gamma() {
        return config.gamma();
    }

    double[] meanReward(int state, int action) {
        return tables.get(state).meanReward[action];
    }

    List<double[]> futureSet(int state, int action) {
        return tables.get(state).futureSets.get(action);
    }

    int existingStateId(O observation) {
        int id = states.existingId(observation);
        if (id < 0) {
            throw new IllegalArgumentException(env.id() + ": observation " + env.observationSpace().format(observation)
                    + " was never visited while learning, so nothing is known about it");
        }
        return id;
    }

    // ---- learning ----

    private int stateId(O obs) {
        int id = states.idOf(obs);
        if (id == tables.size()) {
            tables.add(new StateTable(env.observationSpace().format(obs), numActions, objectives));
        }
        return id;
    }

    private void update(int state, int action, Step<O> step, int next) {
        StateTable t = tables.get(state);
        boolean terminal = step.terminated();
        if (t.visits[action] > 0 && (t.successor[action] != next || t.terminalSuccessor[action] != terminal)) {
            throw new IllegalStateException(env.id() + ": action " + action + " in state " + t.label + " led to "
                    + describe(t.successor[action], t.terminalSuccessor[action]) + " before and now to "
                    + describe(next, terminal) + "; Pareto Q-learning's sets assume deterministic transitions");
        }
        t.successor[action] = next;
        t.terminalSuccessor[action] = terminal;
        t.visits[action]++;
        double[] mean = t.meanReward[action];
        for (int k = 0; k < objectives; k++) {
            mean[k] += (step.reward(k) - mean[k]) / t.visits[action];
        }
        // A terminal state has no future: its returns are the single zero vector.
        t.futureSets.set(action, terminal ? List.of(new double[objectives]) : nonDominatedFuture(next));
    }

    private String describe(int state, boolean terminal) {
        return tables.get(state).label + (terminal ? " (terminal)" : "");
    }

    /** {@code nd(union over a of Q(s, a))}. */
    private List<double[]> nonDominatedFuture(int state) {
        List<double[]> union = new ArrayList<>();
        for (int a = 0; a < numActions; a++) {
            union.addAll(qSet(state, a));
        }
        return Dominance.nonDominated(union);
    }

    private List<double[]> qSet(int state, int action) {
        double[] reward = meanReward(state, action);
        List<double[]> future = futureSet(state, action);
        List<double[]> q = new ArrayList<>(future.size());
        for (double[] f : future) {
            double[] v = new double[objectives];
            for (int k = 0; k < objectives; k++) {
                v[k] = reward[k] + config.gamma() * f[k];
            }
            q.add(v);
        }
        return q;
    }

    private int selectAction(int state, double epsilon) {
        if (explorationRng.nextDouble() < epsilon) {
            return explorationRng.nextInt(numActions);
        }
        double[] scores = scores(state);
        double best = Double.NEGATIVE_INFINITY;
        int[] ties = new int[numActions];
        int count = 0;
        for (int a = 0; a < numActions; a++) {
            if (scores[a] > best) {
                best = scores[a];
                count = 0;
            }
            if (scores[a] == best) {
                ties[count++] = a;
            }
        }
        return ties[count == 1 ? 0 : explorationRng.nextInt(count)];
    }

    private double[] scores(int state) {
        double[] scores = new double[numActions];
        if (config.setEvaluation() == SetEvaluation.HYPERVOLUME) {
            for (int a = 0; a < numActions; a++) {
                scores[a] = Hypervolume.of(dominatingReference(qSet(state, a)), referencePoint);
            }
            return scores;
        }
        List<double[]> front = nonDominatedFuture(state);
        for (int a = 0; a < numActions; a++) {
            for (double[] q : qSet(state, a)) {
                if (front.stream().anyMatch(f -> Arrays.equals(f, q))) {
                    scores[a]++;
                }
            }
            if (config.setEvaluation() == SetEvaluation.PARETO) {
                scores[a] = Math.min(scores[a], 1);
            }
        }
        return scores;
    }

    /**
     * The vectors at least as good as the reference point in every objective: the others add no
     * hypervolume (pymoo, behind morl-baselines, drops them the same way), and early in learning
     * the Q-sets hold many of them.
     */
    private List<double[]> dominatingReference(List<double[]> qSet) {
        qSet.removeIf(q -> !Dominance.weaklyDominates(q, referencePoint));
        return qSet;
    }

    /** Everything learned about one state, indexed by action. */
    private static final class StateTable {
        final String label;
        final int[] visits;
        final double[][] meanReward;
        final List<List<double[]>> futureSets;
        final int[] successor;
        final boolean[] terminalSuccessor;

        StateTable(String label, int numActions, int objectives) {
            this.label = label;
            this.visits = new int[numActions];
            this.meanReward = new double[numActions][objectives];
            this.futureSets = new ArrayList<>(numActions);
            for (int a = 0; a < numActions; a++) {
                futureSets.add(List.of(new double[objectives]));
            }
            this.successor = new int[numActions];
            this.terminalSuccessor = new boolean[numActions];
        }
    }
}

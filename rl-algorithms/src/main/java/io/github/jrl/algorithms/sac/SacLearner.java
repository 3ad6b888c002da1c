package io.github.jrl.algorithms.sac;

import io.github.jrl.core.buffer.ReplayBuffer;
import io.github.jrl.core.parallel.WorkerTeam;
import io.github.jrl.core.random.Rng;
import io.github.jrl.core.space.Box;
import io.github.jrl.core.space.Discrete;
import io.github.jrl.core.space.Space;
import io.github.jrl.nd4j.nn.Mlp;
import io.github.jrl.nd4j.nn.MlpSpec;
import io.github.jrl.nd4j.nn.ParameterSet;
import io.github.jrl.nd4j.optim.Adam;
import io.github.jrl.nd4j.policy.ActorPolicy;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The networks of SAC and their gradient step: an actor, twin critics {@code Q1, Q2} in one
 * {@link ParameterSet} with one Adam (as Stable-Baselines3's {@code critic.optimizer}), their
 * Polyak-averaged targets, and the actor's Adam. {@link ContinuousSacLearner} serves bounded
 * boxes, {@link DiscreteSacLearner} discrete action spaces; the shape of the networks and the
 * losses differ, the rest is here. Networks start from PyTorch's default {@code nn.Linear}
 * initialisation, which the SAC references keep.
 */
public abstract sealed class SacLearner permits ContinuousSacLearner, DiscreteSacLearner {

    final ParameterSet actorParams = new ParameterSet();
    final ParameterSet criticParams = new ParameterSet();
    final ParameterSet targetParams = new ParameterSet();
    protected final Mlp actor;
    protected final Mlp q1;
    protected final Mlp q2;
    final Mlp q1Target;
    final Mlp q2Target;
    protected final Adam actorOptimizer;
    protected final Adam criticOptimizer;
    /** The discount of the soft TD targets. */
    protected final double gamma;
    private final Space<?> actionSpace;
    private final WorkerTeam team;
    private final SacLoss.Regression[] regressions = new SacLoss.Regression[2];
    private final ActorPolicy acting;

    /**
     * @param criticThreads 2 to run the twin critics' passes at once, 1 to run them one after the
     *     other; results are bit-identical either way
     */
    SacLearner(MlpSpec actorSpec, MlpSpec criticSpec, Space<?> actionSpace, SacConfig config, int criticThreads,
            Rng rng) {
        this.actionSpace = actionSpace;
        this.team = new WorkerTeam(criticThreads, "jrl-sac-critic");
        this.gamma = config.gamma();
        actor = new Mlp(actorSpec, actorParams);
        actorParams.allocate();
        actor.initializeUniform(rng.split());
        q1 = new Mlp(criticSpec, criticParams);
        q2 = new Mlp(criticSpec, criticParams);
        criticParams.allocate();
        q1.initializeUniform(rng.split());
        q2.initializeUniform(rng.split());
        q1Target = new Mlp(criticSpec, targetParams);
        q2Target = new Mlp(criticSpec, targetParams);
        targetParams.allocate();
        targetParams.copyFrom(criticParams);
        // the learning rate is set before every training round from the schedule
        actorOptimizer = Adam.of(actorParams, 0, config.adamEpsilon());
        criticOptimizer = Adam.of(criticParams, 0, config.adamEpsilon());
        acting = ActorPolicy.of(actor, actionSpace);
    }

    /**
     * The learner for {@code actionSpace}: continuous for a bounded {@link Box}, discrete for
     * {@link Discrete}; {@code criticThreads} as the constructor's.
     */
    static SacLearner create(int observationSize, Space<?> actionSpace, SacConfig config, int criticThreads, Rng rng) {
        if (actionSpace instanceof Box box) {
            if (!box.isBounded()) {
                throw new IllegalArgumentException("SAC rescales its squashed actions to the action box, which must be "
                        + "bounded; got " + box);
            }
            return new ContinuousSacLearner(observationSize, box.size(), config, actionSpace, criticThreads, rng);
        }
        if (actionSpace instanceof Discrete discrete) {
            return new DiscreteSacLearner(observationSize, discrete.n(), config, actionSpace, criticThreads, rng);
        }
        throw new IllegalArgumentException("SAC needs a bounded Box (continuous SAC) or a Discrete (discrete SAC) action"
                + " space, got " + actionSpace);
    }

    /**
     * Runs {@code first} (Q1's work) and {@code second} (Q2's) at once when the learner has a
     * second thread: the twin critics share no mutable state, so the results do not depend on it.
     * The critics are three quarters of a gradient step's arithmetic; a second core runs them
     * about 1.8 times as fast (docs/benchmarks.md).
     */
    protected final void bothCritics(Runnable first, Runnable second) {
        team.runPair(first, second);
    }

    /**
     * The twin regression toward {@code targets}: each critic's forward pass on {@code input},
     * its {@link SacLoss#regression} and its backward pass, the two critics at once.
     */
    final SacLoss.CriticTerm fitCritics(float[] input, int n, int width, int[] columns, float[] targets, float[] dQ1,
            float[] dQ2) {
        bothCritics(() -> regressions[0] = fit(q1, input, n, width, columns, targets, dQ1),
                () -> regressions[1] = fit(q2, input, n, width, columns, targets, dQ2));
        return SacLoss.CriticTerm.of(regressions[0], regressions[1]);
    }

    private static SacLoss.Regression fit(Mlp critic, float[] input, int n, int width, int[] columns, float[] targets,
            float[] dQ) {
        SacLoss.Regression regression = SacLoss.regression(critic.forward(input, n), width, columns, targets, n, dQ);
        critic.backward(dQ, false);
        return regression;
    }

    /** The target entropy the reference implementation picks for this action space. */
    protected abstract double defaultTargetEntropy();

    /** Floats per action in the replay buffer. */
    abstract int actionSize();

    /**
     * One gradient step on {@code batch} with temperature {@code alpha}, in Stable-Baselines3's
     * order: the soft targets, one Adam step of both critics on their regression, then one Adam
     * step of the actor against the critics as just updated. Reparameterisation noise comes from
     * {@code noise}.
     */
    protected final StepStats gradientStep(ReplayBuffer.Batch batch, double alpha, Rng noise, Sac.Timings timings) {
        int n = batch.size();
        long t0 = System.nanoTime();
        float[] targets = softTargets(batch, alpha, noise);
        long t1 = System.nanoTime();
        SacLoss.CriticTerm critic = criticStep(batch, targets);
        criticOptimizer.step();
        long t2 = System.nanoTime();
        SacLoss.ActorTerm actorTerm = actorGradient(batch.observations(), n, alpha, noise);
        actorOptimizer.step();
        long t3 = System.nanoTime();
        timings.add(Sac.Phase.TARGETS, t1 - t0);
        timings.add(Sac.Phase.CRITIC, t2 - t1);
        timings.add(Sac.Phase.ACTOR, t3 - t2);
        return new StepStats(critic, actorTerm);
    }

    /**
     * The critics' gradients of their loss on {@code batch} toward {@code targets}: SAC's twin
     * regression. The seam of algorithms that add a term to the critics' loss (CQL's conservative
     * penalty in {@code io.github.jrl.algorithms.offline.CqlLearner}).
     */
    protected SacLoss.CriticTerm criticStep(ReplayBuffer.Batch batch, float[] targets) {
        return criticGradient(batch.observations(), batch.actions(), targets, batch.size());
    }

    /** The soft TD targets of {@code batch} from the target critics (an array owned by the learner). */
    protected abstract float[] softTargets(ReplayBuffer.Batch batch, double alpha, Rng noise);

    /** Writes the critics' parameter gradients of their regression on {@code (s, a)} toward {@code targets}. */
    protected abstract SacLoss.CriticTerm criticGradient(float[] observations, float[] actions, float[] targets, int n);

    /** Writes the actor's parameter gradients of its loss on {@code observations}. */
    protected abstract SacLoss.ActorTerm actorGradient(float[] observations, int n, double alpha, Rng noise);

    /**
     * Floating-point operations of the matrix products of one gradient step on {@code batch}
     * rows ({@code 2 m k n} per product), for throughput reports: the actor runs forward at s'
     * and at s and backward once; the critics run {@link #criticForwardPasses()} forward-sized
     * passes and one backward each.
     */
    final double flopsPerGradientStep(int batch) {
        MlpSpec actorSpec = actor.spec();
        MlpSpec criticSpec = q1.spec();
        return 2 * forwardFlops(actorSpec, batch) + backwardFlops(actorSpec, batch)
                + criticForwardPasses() * forwardFlops(criticSpec, batch) + 2 * backwardFlops(criticSpec, batch);
    }

    /** Forward passes of a critic per gradient step (an input-only backward pass counts as one), both critics. */
    abstract int criticForwardPasses();

    /** Matrix-product FLOPs of a forward pass of {@code spec} on {@code batch} rows. */
    static double forwardFlops(MlpSpec spec, int batch) {
        int[] widths = spec.widths();
        double flops = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            flops += 2.0 * batch * widths[l] * widths[l + 1];
        }
        return flops;
    }

    /**
     * Matrix-product FLOPs of a backward pass with parameter gradients but without the input
     * gradient: one product per layer for the weights, one per layer but the first for the
     * gradient flowing down.
     */
    static double backwardFlops(MlpSpec spec, int batch) {
        int[] widths = spec.widths();
        return 2 * forwardFlops(spec, batch) - 2.0 * batch * widths[0] * widths[1];
    }

    /** What a gradient step reports: the critic and actor terms. */
    public record StepStats(SacLoss.CriticTerm critic, SacLoss.ActorTerm actor) {
    }

    protected void setLearningRate(double learningRate) {
        actorOptimizer.setLearningRate(learningRate);
        criticOptimizer.setLearningRate(learningRate);
    }

    /** Polyak update of the target critics (Lillicrap et al. 2016; SAC's soft target update). */
    protected void updateTargets(double tau) {
        targetParams.polyakUpdate(criticParams, tau);
    }

    /** The policy the trainer acts with; {@link #refreshActing()} syncs it with the actor. */
    ActorPolicy acting() {
        return acting;
    }

    void refreshActing() {
        acting.refreshFrom(actor);
    }

    /** A deployable copy of the current actor. */
    ActorPolicy policy() {
        return ActorPolicy.of(actor, actionSpace);
    }

    /** Writes parameters (actor, critics, targets) then optimiser states (actor, critics). */
    protected void writeTo(DataOutputStream out) throws IOException {
        actorParams.writeTo(out);
        criticParams.writeTo(out);
        targetParams.writeTo(out);
        actorOptimizer.writeTo(out);
        criticOptimizer.writeTo(out);
    }

    /** Decodes what {@link #writeTo} wrote, without changing the networks. */
    protected State readNetworks(DataInputStream in) throws IOException {
        return new State(actorParams.readValues(in, "the actor"), criticParams.readValues(in, "the critics"),
                targetParams.readValues(in, "the target critics"), actorOptimizer.readState(in, "the actor's optimiser"),
                criticOptimizer.readState(in, "the critics' optimiser"));
    }

    protected void restore(State state) {
        actorParams.load(state.actor());
        criticParams.load(state.critics());
        targetParams.load(state.targets());
        actorOptimizer.restore(state.actorOptimizer());
        criticOptimizer.restore(state.criticOptimizer());
        refreshActing();
    }

    public record State(float[] actor, float[] critics, float[] targets, Adam.State actorOptimizer,
            Adam.State criticOptimizer) {
    }
}

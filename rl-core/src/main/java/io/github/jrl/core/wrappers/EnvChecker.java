package io.github.jrl.core.wrappers;

import io.github.jrl.core.env.Environment;
import io.github.jrl.core.env.InvalidActionException;
import io.github.jrl.core.env.Step;
import io.github.jrl.core.env.Wrapper;

/**
 * Rejects every action outside the action space, continuous ones included, with an
 * {@link InvalidActionException} naming the environment, the action and the space. The
 * registry puts it around every environment it makes (Gymnasium's {@code PassiveEnvChecker}
 * only warns; jrl raises, because a silently clipped action hides a bug in the agent).
 * Agents that want out-of-range actions clipped say so with {@link ClipAction}.
 */
public final class EnvChecker<O, A> extends Wrapper<O, A> {

    public EnvChecker(Environment<O, A> env) {
        super(env);
    }

    @Override
    public Step<O> step(A action) {
        if (!env.actionSpace().contains(action)) {
            throw InvalidActionException.outside(id(), action, env.actionSpace());
        }
        return env.step(action);
    }
}

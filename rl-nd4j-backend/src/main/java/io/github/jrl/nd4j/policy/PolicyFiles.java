package io.github.jrl.nd4j.policy;

import io.github.jrl.core.checkpoint.Checkpoint;
import io.github.jrl.core.checkpoint.CorruptCheckpointException;
import io.github.jrl.core.policy.Policy;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads any deployable policy file jrl writes, whichever algorithm trained it: the actor-critic
 * policies of PPO ({@link ActorCriticPolicy}) and the actor policies of SAC ({@link ActorPolicy}).
 * The file's {@code policy/meta} section names its format first.
 */
public final class PolicyFiles {

    private PolicyFiles() {
    }

    /**
     * The policy in {@code file}.
     *
     * @throws CorruptCheckpointException if the file is damaged or holds no policy of a known format
     */
    public static Policy<float[], Object> load(Path file) throws IOException {
        Checkpoint checkpoint = Checkpoint.read(file);
        if (!checkpoint.has(ActorPolicy.META)) {
            throw new CorruptCheckpointException(file, "no section '" + ActorPolicy.META + "': not a policy file");
        }
        String format;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(checkpoint.bytes(ActorPolicy.META)))) {
            format = in.readUTF();
        }
        if (format.equals(ActorCriticPolicy.FORMAT)) {
            return ActorCriticPolicy.load(checkpoint);
        }
        if (format.equals(ActorPolicy.FORMAT)) {
            return ActorPolicy.load(checkpoint);
        }
        throw new CorruptCheckpointException(file, "policy format '" + format + "' is none of '"
                + ActorCriticPolicy.FORMAT + "', '" + ActorPolicy.FORMAT + "'");
    }
}

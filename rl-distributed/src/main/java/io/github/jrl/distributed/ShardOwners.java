package io.github.jrl.distributed;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which worker hosts each shard of a run: live owners keep their shards, shards of lost workers
 * go to the live workers with the fewest, and a worker with none (one that joined) takes a shard
 * from the most loaded worker while that one holds two or more. A shard moves with its copies'
 * state ({@code ShardCollector.saveState}), which the learner sends the new owner.
 */
final class ShardOwners {

    private static final Logger LOG = LoggerFactory.getLogger(ShardOwners.class);

    private final int shards;
    private final Map<Integer, ActorRef<RolloutMessage>> owners = new HashMap<>();

    ShardOwners(int shards) {
        this.shards = shards;
    }

    /** Reassigns the shards over {@code live} (non-empty) as described above. */
    void assign(List<ActorRef<RolloutMessage>> live) {
        owners.values().removeIf(owner -> !live.contains(owner));
        for (int s = 0; s < shards; s++) {
            if (!owners.containsKey(s)) {
                owners.put(s, leastLoaded(live));
            }
        }
        for (ActorRef<RolloutMessage> idle = idle(live); idle != null; idle = idle(live)) {
            ActorRef<RolloutMessage> busiest = mostLoaded(live);
            if (load(busiest) < 2) {
                break;
            }
            int moved = owners.entrySet().stream().filter(e -> e.getValue().equals(busiest))
                    .mapToInt(Map.Entry::getKey).max().orElseThrow();
            owners.put(moved, idle);
            LOG.info("worker {} joined; shard {} moves to it from {}", idle.path(), moved, busiest.path());
        }
    }

    /** The worker hosting {@code shard}; null before the first {@link #assign} or after {@link #remove}. */
    ActorRef<RolloutMessage> owner(int shard) {
        return owners.get(shard);
    }

    /** Takes every shard away from {@code worker}. */
    void remove(ActorRef<RolloutMessage> worker) {
        owners.values().removeIf(worker::equals);
    }

    private ActorRef<RolloutMessage> idle(List<ActorRef<RolloutMessage>> live) {
        return live.stream().filter(w -> load(w) == 0).findFirst().orElse(null);
    }

    private long load(ActorRef<RolloutMessage> worker) {
        return owners.values().stream().filter(worker::equals).count();
    }

    private ActorRef<RolloutMessage> leastLoaded(List<ActorRef<RolloutMessage>> live) {
        return live.stream().min(Comparator.comparingLong(this::load)).orElseThrow();
    }

    private ActorRef<RolloutMessage> mostLoaded(List<ActorRef<RolloutMessage>> live) {
        return live.stream().max(Comparator.comparingLong(this::load)).orElseThrow();
    }
}

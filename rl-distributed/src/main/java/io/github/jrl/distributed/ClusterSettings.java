package io.github.jrl.distributed;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a node of a jrl cluster listens and which nodes it joins through (Pekko's seed nodes,
 * conventionally the learner's address), and the largest message the transport accepts, which
 * must hold the largest policy or rollout shard sent ({@code maximum-frame-size}; Pekko's
 * default of 256 KiB holds a policy of about 60k floats).
 *
 * @param host the address to bind and advertise (127.0.0.1 for tests)
 * @param port the port, 0 for any free one (workers)
 * @param seedNodes {@code host:port} of the nodes to join through
 */
public record ClusterSettings(String host, int port, List<String> seedNodes, int maximumFrameBytes) {

    /** The actor system name every node of a jrl cluster uses; Pekko joins only systems of one name. */
    public static final String SYSTEM_NAME = "jrl";
    /** A frame of 8 MiB: a policy of two million floats. */
    public static final int DEFAULT_FRAME_BYTES = 8 << 20;

    public ClusterSettings {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("a cluster node needs a host to bind");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port is 0 (any) to 65535, got " + port);
        }
        seedNodes = List.copyOf(seedNodes);
        if (seedNodes.isEmpty()) {
            throw new IllegalArgumentException("a cluster node needs at least one seed node (host:port) to join");
        }
        for (String seed : seedNodes) {
            if (!seed.matches("[^:/@]+:\\d+")) {
                throw new IllegalArgumentException("a seed node is host:port, got '" + seed + "'");
            }
        }
        if (maximumFrameBytes < 32 * 1024) {
            throw new IllegalArgumentException("the frame size must be at least 32 KiB (Pekko's minimum), got "
                    + maximumFrameBytes);
        }
    }

    /** A learner on {@code host:port} that is its cluster's seed node. */
    public static ClusterSettings learner(String host, int port) {
        return new ClusterSettings(host, port, List.of(host + ":" + port), DEFAULT_FRAME_BYTES);
    }

    /** A worker on {@code host}, any free port, joining through the learner at {@code learnerHostPort}. */
    public static ClusterSettings worker(String host, String learnerHostPort) {
        return new ClusterSettings(host, 0, List.of(learnerHostPort), DEFAULT_FRAME_BYTES);
    }

    public ClusterSettings withMaximumFrameBytes(int bytes) {
        return new ClusterSettings(host, port, seedNodes, bytes);
    }

    /**
     * The Pekko configuration of the node, over the application's own ({@code application.conf})
     * and the defaults. Nobody downs unreachable nodes automatically: the learner downs a worker
     * it gave up on, so that a worker cut off by the network never takes the learner down.
     */
    public Config toConfig() {
        String seeds = seedNodes.stream().map(s -> "\"pekko://" + SYSTEM_NAME + "@" + s + "\"")
                .collect(Collectors.joining(", "));
        return ConfigFactory.parseString(String.join("\n",
                "pekko.actor.provider = cluster",
                "pekko.remote.artery.canonical.hostname = \"" + host + "\"",
                "pekko.remote.artery.canonical.port = " + port,
                "pekko.remote.artery.advanced.maximum-frame-size = " + maximumFrameBytes,
                "pekko.remote.artery.advanced.buffer-pool-size = 16",
                "pekko.cluster.seed-nodes = [" + seeds + "]",
                // a worker started before its learner retries soon, not after Pekko's 10 s
                "pekko.cluster.retry-unsuccessful-join-after = 1s",
                "pekko.cluster.seed-node-timeout = 1s",
                "pekko.cluster.jmx.multi-mbeans-in-same-jvm = on",
                "pekko.loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]",
                "pekko.logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\""))
                .withFallback(ConfigFactory.load());
    }

    /** The configuration of a single-JVM (embedded) system: local actors, no remoting, no serialisation. */
    public static Config embeddedConfig() {
        return ConfigFactory.parseString(String.join("\n",
                "pekko.actor.provider = local",
                "pekko.loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]",
                "pekko.logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\""))
                .withFallback(ConfigFactory.load());
    }
}

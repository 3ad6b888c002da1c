package io.github.jrl.distributed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Rollout-worker JVMs ({@link RolloutWorkerMain}) on this machine's loopback address, started
 * with this JVM's Java and class path: a cluster on one machine, for tests and measurements.
 * {@link #close} kills any still running, so none outlives its owner.
 */
public final class LocalWorkerProcesses implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final String learner;
    private final List<Process> processes = new ArrayList<>();

    /** Workers that will join the learner on {@code HOST:learnerPort}. */
    public LocalWorkerProcesses(int learnerPort) {
        this.learner = HOST + ":" + learnerPort;
    }

    /** A free port on the loopback address, for the learner. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts a worker JVM (256 MB heap); the returned future completes with its address once it
     * has joined the cluster, or fails if it exits first.
     */
    public CompletableFuture<String> start() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), RolloutWorkerMain.class.getName(), learner)
                .redirectErrorStream(true).start();
        processes.add(process);
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("READY ")) {
                        ready.complete(line.substring("READY ".length()));
                    }
                }
                ready.completeExceptionally(new IllegalStateException("worker exited before it was ready"));
            } catch (IOException e) {
                ready.completeExceptionally(new UncheckedIOException(e));
            }
        }, "worker-output-" + processes.size());
        reader.setDaemon(true);
        reader.start();
        return ready;
    }

    /** The {@code index}-th worker started. */
    public Process get(int index) {
        return processes.get(index);
    }

    /** Whether every worker started has exited within {@code seconds}. */
    public boolean allExitWithin(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Process process : processes) {
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    /** Kills the workers still running and waits (up to 10 s each) for them to be gone. */
    @Override
    public void close() {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        try {
            for (Process process : processes) {
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

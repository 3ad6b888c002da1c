package io.github.jrl.core.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU time of this JVM process, every thread included (training, BLAS, the JIT and the garbage
 * collector): what the benchmark mains report beside wall time, since wall time on a shared
 * machine measures the neighbours too.
 */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** CPU nanoseconds used by this process so far, or 0 where the JVM cannot tell. */
    public static long nanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? Math.max(0, sun.getProcessCpuTime()) : 0;
    }

    /** {@link #nanos} in seconds. */
    public static double seconds() {
        return nanos() / 1e9;
    }
}

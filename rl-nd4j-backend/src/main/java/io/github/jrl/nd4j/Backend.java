package io.github.jrl.nd4j;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Facts about the ND4J backend this process runs on, for logs and benchmark reports: which
 * backend class loaded (CPU or CUDA) and how many OpenMP threads it uses. The native build is
 * chosen at build time by the {@code nd4j.classifier} property (see docs/nd4j-backend.md).
 */
public final class Backend {

    private Backend() {
    }

    /** A one-line description, e.g. {@code "CpuBackend, 1 OpenMP thread(s), float32"}. */
    public static String describe() {
        return Nd4j.getBackend().getClass().getSimpleName() + ", "
                + Nd4j.getEnvironment().maxMasterThreads() + " OpenMP thread(s), "
                + Nd4j.dataType().name().toLowerCase(java.util.Locale.ROOT);
    }
}

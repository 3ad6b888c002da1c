package io.github.jrl.core.random;

/**
 * The seeded, splittable random-number source used for every random choice in jrl.
 *
 * <p>The generator is xoshiro256** (Blackman and Vigna, "Scrambled Linear Pseudorandom Number
 * Generators", ACM TOMS 2021), seeded by expanding a 64-bit seed with SplitMix64 as its authors
 * recommend. Both algorithms are fully specified here, so a seed gives the same stream on every
 * JVM and every JDK version, which {@link java.util.Random} and {@link java.util.SplittableRandom}
 * do not promise for their derived methods (Gaussians in particular).
 *
 * <p>Independent streams come from {@link #split()} (a child seeded from this generator's next
 * output) or from {@link #forStream(long, long)} (a stream that depends only on a base seed and an
 * index, e.g. one per vector-env copy, so results do not depend on the order of creation).
 *
 * <p>Instances are not thread-safe: give each thread its own stream.
 */
public final class Rng {

    private static final double DOUBLE_UNIT = 0x1.0p-53;
    private static final float FLOAT_UNIT = 0x1.0p-24f;

    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private double spareGaussian;
    private boolean hasSpareGaussian;

    /** Creates a generator whose whole stream is determined by {@code seed}. */
    public Rng(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L;
        s0 = mix64(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = mix64(x);
        x += 0x9E3779B97F4A7C15L;
        s2 = mix64(x);
        x += 0x9E3779B97F4A7C15L;
        s3 = mix64(x);
    }

    /**
     * The complete state (four words of xoshiro256** plus the cached Gaussian), for checkpoints;
     * {@link #fromState} restores a generator that continues the stream exactly.
     */
    public long[] state() {
        return new long[] {s0, s1, s2, s3, hasSpareGaussian ? 1 : 0, Double.doubleToRawLongBits(spareGaussian)};
    }

    /** A generator continuing the stream whose {@link #state()} was saved. */
    public static Rng fromState(long[] state) {
        if (state.length != 6 || (state[4] != 0 && state[4] != 1)) {
            throw new IllegalArgumentException("an Rng state has 6 words with word 4 in {0, 1}, got " + state.length + " words");
        }
        if ((state[0] | state[1] | state[2] | state[3]) == 0) {
            throw new IllegalArgumentException("an all-zero xoshiro256** state is invalid (the generator would only return 0)");
        }
        Rng rng = new Rng(0);
        rng.s0 = state[0];
        rng.s1 = state[1];
        rng.s2 = state[2];
        rng.s3 = state[3];
        rng.hasSpareGaussian = state[4] == 1;
        rng.spareGaussian = Double.longBitsToDouble(state[5]);
        return rng;
    }

    /**
     * A generator for stream {@code index} of {@code baseSeed}: distinct indices give
     * statistically independent streams, and the result depends on nothing else.
     */
    public static Rng forStream(long baseSeed, long index) {
        return new Rng(mix64(baseSeed ^ mix64(index + 0x632BE59BD9B4E019L)));
    }

    /** A child generator seeded from this one's next output; advances this generator by one step. */
    public Rng split() {
        return new Rng(nextLong());
    }

    /** A fresh 64-bit seed drawn from this generator, for APIs that take a seed. */
    public long nextSeed() {
        return nextLong();
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /**
     * Advances this generator as {@code draws} calls of {@link #nextLong()} would. A rollout
     * worker acting for some copies of a vector env whose copies share one action stream leaves
     * the other copies' draws to them this way (one {@code nextDouble} per categorical action).
     */
    public void skip(long draws) {
        if (draws < 0) {
            throw new IllegalArgumentException("draws to skip must be non-negative, got " + draws);
        }
        for (long i = 0; i < draws; i++) {
            nextLong();
        }
    }

    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform integer in {@code [0, bound)}, without modulo bias (Lemire's method). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Uniform integer in {@code [low, high)}. */
    public int nextInt(int low, int high) {
        if (high <= low) {
            throw new IllegalArgumentException("empty range [" + low + ", " + high + ")");
        }
        return low + nextInt(high - low);
    }

    /** Uniform double in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform double in {@code [low, high)}. */
    public double nextDouble(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** Uniform float in {@code [0, 1)} with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * FLOAT_UNIT;
    }

    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** Standard normal variate (Marsaglia's polar method; the second variate is cached). */
    public double nextGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double scale = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * scale;
        hasSpareGaussian = true;
        return u * scale;
    }

    /** Exponential variate with rate 1. */
    public double nextExponential() {
        return -Math.log1p(-nextDouble());
    }

    /** Shuffles {@code values} in place (Fisher-Yates). */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    /** A uniformly random permutation of {@code 0 .. n-1}. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }

    /** Index drawn with probability proportional to {@code weights[i]} (non-negative, not all zero). */
    public int nextCategorical(double[] weights) {
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and non-negative, got " + w);
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        double r = nextDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (r < cumulative) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable: total > 0");
    }

    /**
     * Stafford's variant 13 of the MurmurHash3 finaliser, as used by SplitMix64: a bijective
     * mixing of 64 bits, public for keyed hashing elsewhere (e.g. seeded permutations).
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

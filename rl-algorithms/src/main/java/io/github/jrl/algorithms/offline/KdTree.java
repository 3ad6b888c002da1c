package io.github.jrl.algorithms.offline;

/**
 * An exact nearest-neighbour index over fixed points in {@code R^dim} under the Euclidean
 * distance: a k-d tree (Bentley 1975, "Multidimensional binary search trees used for associative
 * searching") built once by median splits on the dimension of widest spread, queried by
 * depth-first descent with the usual pruning (a subtree is skipped when the splitting plane is
 * farther than the best distance so far). PRDC queries it as the reference does with SciPy's
 * {@code cKDTree} (github.com/LAMDA-RL/PRDC).
 *
 * <p>The tree is implicit: the points' indices are permuted so that each node is the median of
 * its range {@code [lo, hi)}, its left subtree {@code [lo, mid)} and right {@code [mid + 1, hi)};
 * ranges of at most {@value #LEAF} points are scanned. Distances are computed in double
 * precision; of points at the same distance the lowest index wins, so the answer is exactly a
 * brute-force scan's. Queries are thread-safe.
 */
public final class KdTree {

    private static final int LEAF = 8;

    private final float[] points;
    private final int dim;
    private final int count;
    private final int[] order;
    private final byte[] splitDims;

    /**
     * Indexes {@code count} points, point {@code i} at {@code points[i * dim .. (i + 1) * dim)}.
     * The array is kept, not copied: do not change it afterwards.
     *
     * @throws IllegalArgumentException if there are no points, {@code dim} is not in [1, 127],
     *     the array is too short, or a coordinate is not finite
     */
    public KdTree(float[] points, int count, int dim) {
        if (count <= 0 || dim <= 0 || dim > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("need at least one point and 1 to 127 dimensions, got " + count
                    + " points of " + dim + " dimensions");
        }
        if ((long) count * dim > points.length) {
            throw new IllegalArgumentException(count + " points of " + dim + " dimensions need " + (long) count * dim
                    + " floats, got " + points.length);
        }
        for (int j = 0; j < count * dim; j++) {
            if (!Float.isFinite(points[j])) {
                throw new IllegalArgumentException("coordinate " + (j % dim) + " of point " + j / dim + " is "
                        + points[j] + "; a k-d tree indexes finite points");
            }
        }
        this.points = points;
        this.dim = dim;
        this.count = count;
        this.order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        this.splitDims = new byte[count];
        build(0, count);
    }

    public int size() {
        return count;
    }

    public int dimensions() {
        return dim;
    }

    private void build(int lo, int hi) {
        while (hi - lo > LEAF) {
            int axis = widestDimension(lo, hi);
            int mid = (lo + hi) >>> 1;
            select(lo, hi - 1, mid, axis);
            splitDims[mid] = (byte) axis;
            if (mid - lo < hi - mid - 1) {
                build(lo, mid);
                lo = mid + 1;
            } else {
                build(mid + 1, hi);
                hi = mid;
            }
        }
    }

    private int widestDimension(int lo, int hi) {
        int best = 0;
        float bestSpread = -1;
        for (int d = 0; d < dim; d++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = lo; i < hi; i++) {
                float x = points[order[i] * dim + d];
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            if (max - min > bestSpread) {
                bestSpread = max - min;
                best = d;
            }
        }
        return best;
    }

    /** Hoare's selection: permutes {@code order[left..right]} so that position {@code k} holds its median along {@code axis}. */
    private void select(int left, int right, int k, int axis) {
        while (left < right) {
            float pivot = coordinate(order[(left + right) >>> 1], axis);
            int i = left;
            int j = right;
            while (i <= j) {
                while (coordinate(order[i], axis) < pivot) {
                    i++;
                }
                while (coordinate(order[j], axis) > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    private float coordinate(int point, int axis) {
        return points[point * dim + axis];
    }

    /**
     * The index of the point nearest to the query {@code query[offset .. offset + dim)}.
     *
     * @throws IllegalArgumentException if a query coordinate is not finite
     */
    public int nearest(float[] query, int offset) {
        for (int d = 0; d < dim; d++) {
            if (!Float.isFinite(query[offset + d])) {
                throw new IllegalArgumentException("query coordinate " + d + " is " + query[offset + d]
                        + "; expected a finite point");
            }
        }
        Best best = new Best();
        search(0, count, query, offset, best);
        return best.index;
    }

    private void search(int lo, int hi, float[] query, int offset, Best best) {
        if (hi - lo <= LEAF) {
            for (int i = lo; i < hi; i++) {
                consider(order[i], query, offset, best);
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        int point = order[mid];
        consider(point, query, offset, best);
        int axis = splitDims[mid];
        double diff = query[offset + axis] - coordinate(point, axis);
        if (diff < 0) {
            search(lo, mid, query, offset, best);
            if (diff * diff <= best.distance) {
                search(mid + 1, hi, query, offset, best);
            }
        } else {
            search(mid + 1, hi, query, offset, best);
            if (diff * diff <= best.distance) {
                search(lo, mid, query, offset, best);
            }
        }
    }

    private void consider(int point, float[] query, int offset, Best best) {
        double distance = squaredDistance(point, query, offset);
        if (distance < best.distance || (distance == best.distance && point < best.index)) {
            best.distance = distance;
            best.index = point;
        }
    }

    /** Squared Euclidean distance from point {@code point} to the query, in double precision. */
    public double squaredDistance(int point, float[] query, int offset) {
        double sum = 0;
        int base = point * dim;
        for (int d = 0; d < dim; d++) {
            double diff = (double) query[offset + d] - points[base + d];
            sum += diff * diff;
        }
        return sum;
    }

    private static final class Best {
        private int index = -1;
        private double distance = Double.POSITIVE_INFINITY;
    }
}

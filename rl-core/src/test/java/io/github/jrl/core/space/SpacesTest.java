package io.github.jrl.core.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jrl.core.random.Rng;
import org.junit.jupiter.api.Test;

class SpacesTest {

    @Test
    void discreteContainsSamplesAndRoundTrips() {
        Discrete d = new Discrete(3, 1);
        assertTrue(d.contains(1));
        assertTrue(d.contains(3));
        assertFalse(d.contains(0));
        assertFalse(d.contains(4));
        assertFalse(d.contains((Integer) null));
        Rng rng = new Rng(0);
        boolean[] seen = new boolean[5];
        for (int i = 0; i < 300; i++) {
            int x = d.sample(rng);
            assertTrue(d.contains(x));
            seen[x] = true;
        }
        assertTrue(seen[1] && seen[2] && seen[3]);
        float[] flat = new float[1];
        d.writeFlat(2, flat, 0);
        assertEquals(2, d.readFlat(flat, 0));
        assertThrows(IllegalArgumentException.class, () -> d.readFlat(new float[] {1.5f}, 0));
        assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
    }

    @Test
    void boxRejectsNaNAndOutOfBounds() {
        Box box = Box.of(new float[] {-1f, 0f}, new float[] {1f, 2f});
        assertTrue(box.contains(new float[] {-1f, 2f}));
        assertFalse(box.contains(new float[] {Float.NaN, 1f}));
        assertFalse(box.contains(new float[] {1.0001f, 1f}));
        assertFalse(box.contains(new float[] {0f}));
        assertThrows(IllegalArgumentException.class, () -> Box.of(new float[] {1f}, new float[] {0f}));
        assertThrows(IllegalArgumentException.class, () -> new Box(new float[] {0f}, new float[] {1f}, 2));
    }

    @Test
    void boxSamplesFollowGymnasiumsDistributions() {
        float inf = Float.POSITIVE_INFINITY;
        Box box = Box.of(new float[] {-1f, 0f, -inf, -inf}, new float[] {1f, inf, 5f, inf});
        Rng rng = new Rng(1);
        double[] sums = new double[4];
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            float[] x = box.sample(rng);
            assertTrue(box.contains(x));
            for (int k = 0; k < 4; k++) {
                sums[k] += x[k];
            }
        }
        assertEquals(0.0, sums[0] / n, 0.02);  // uniform on [-1, 1]
        assertEquals(1.0, sums[1] / n, 0.03);  // 0 + Exp(1)
        assertEquals(4.0, sums[2] / n, 0.03);  // 5 - Exp(1)
        assertEquals(0.0, sums[3] / n, 0.03);  // N(0, 1)
        assertArrayEquals(box.sample(new Rng(9)), box.sample(new Rng(9)));
    }

    @Test
    void intSpaces() {
        MultiDiscrete md = new MultiDiscrete(2, 3);
        assertArrayEquals(new int[] {2, 3}, md.nvec());
        assertTrue(md.contains(new int[] {1, 2}));
        assertFalse(md.contains(new int[] {2, 0}));
        assertFalse(md.contains(new int[] {0, -1}));
        assertEquals(DType.INT64, md.dtype());
        MultiBinary mb = new MultiBinary(4);
        assertTrue(mb.contains(new int[] {0, 1, 1, 0}));
        assertFalse(mb.contains(new int[] {0, 2, 1, 0}));
        assertEquals(DType.INT8, mb.dtype());
        Rng rng = new Rng(2);
        for (int i = 0; i < 100; i++) {
            assertTrue(md.contains(md.sample(rng)));
            assertTrue(mb.contains(mb.sample(rng)));
        }
        IntBox box = new IntBox(new int[] {0, 0}, new int[] {10, 10});
        float[] flat = new float[3];
        box.writeFlat(new int[] {3, 7}, flat, 1);
        assertArrayEquals(new int[] {3, 7}, box.readFlat(flat, 1));
        assertThrows(IllegalArgumentException.class, () -> new MultiDiscrete(2, 0));
        assertThrows(IllegalArgumentException.class, () -> new MultiBinary(0));
        assertFalse(md.equals(new IntBox(new int[] {0, 0}, new int[] {1, 2})));
    }

    @Test
    void tokenSequences() {
        TokenSequence space = new TokenSequence(5, 1, 4);
        assertTrue(space.contains(new int[] {0, 4}));
        assertFalse(space.contains(new int[] {}));
        assertFalse(space.contains(new int[] {0, 5}));
        assertFalse(space.contains(new int[] {1, 1, 1, 1, 1}));
        Rng rng = new Rng(4);
        for (int i = 0; i < 100; i++) {
            int[] s = space.sample(rng);
            assertTrue(space.contains(s));
            float[] flat = new float[space.flatSize()];
            space.writeFlat(s, flat, 0);
            assertArrayEquals(s, space.readFlat(flat, 0));
        }
        assertThrows(IllegalArgumentException.class, () -> space.readFlat(new float[] {9, 0, 0, 0, 0}, 0));
    }
}

package io.github.jrl.algorithms.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jrl.core.random.Rng;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class DpoLossTest {

    // one pair: policy log-probs -1 (chosen), -3 (rejected); reference -2 and -2; margin h = 1 - (-1) = 2
    private static final double[] PC = {-1};
    private static final double[] PR = {-3};
    private static final double[] RC = {-2};
    private static final double[] RR = {-2};

    private static double single(DpoLossType type, double beta, double eps, double[] dc, double[] dr) {
        return DpoLoss.pairwise(type, beta, eps, PC, PR, RC, RR, 1, dc, dr).loss();
    }

    @Test
    void sigmoidAndConservativeByHand() {
        double[] dc = new double[1];
        double[] dr = new double[1];
        // beta 0.5: u = 1; -log sigma(1) = log(1 + e^-1)
        assertEquals(0.31326168751822286, single(DpoLossType.SIGMOID, 0.5, 0, dc, dr), 1e-12);
        assertEquals(-0.5 * 0.2689414213699951, dc[0], 1e-12); // -beta sigma(-u)
        assertEquals(0.5 * 0.2689414213699951, dr[0], 1e-12);
        // cDPO, eps 0.1: 0.9 * 0.3132617 + 0.1 * (-log sigma(-1) = 1.3132617)
        assertEquals(0.41326168751822285, single(DpoLossType.SIGMOID, 0.5, 0.1, dc, dr), 1e-12);
        assertEquals(0.5 * (-0.9 * 0.2689414213699951 + 0.1 * 0.7310585786300049), dc[0], 1e-12);
    }

    @Test
    void robustIpoAndHingeByHand() {
        double[] dc = new double[1];
        double[] dr = new double[1];
        // robust, eps 0.1: (0.9 * 0.3132617 - 0.1 * 1.3132617) / 0.8
        assertEquals(0.18826168751822286, single(DpoLossType.ROBUST, 0.5, 0.1, dc, dr), 1e-12);
        assertEquals(0.5 * (-0.9 * 0.2689414213699951 - 0.1 * 0.7310585786300049) / 0.8, dc[0], 1e-12);
        // IPO, beta 0.25: (h - 1/(2 beta))^2 = (2 - 2)^2 = 0; beta 0.5: (2 - 1)^2 = 1, slope 2 (h - 1) = 2
        assertEquals(0, single(DpoLossType.IPO, 0.25, 0, dc, dr), 1e-12);
        assertEquals(1, single(DpoLossType.IPO, 0.5, 0, dc, dr), 1e-12);
        assertEquals(2, dc[0], 1e-12);
        assertEquals(-2, dr[0], 1e-12);
        // hinge, beta 0.25: max(0, 1 - 0.5) = 0.5, slope -beta; beta 0.5: on the hinge's flat side
        assertEquals(0.5, single(DpoLossType.HINGE, 0.25, 0, dc, dr), 1e-12);
        assertEquals(-0.25, dc[0], 1e-12);
        assertEquals(0, single(DpoLossType.HINGE, 0.75, 0, dc, dr), 1e-12);
        assertEquals(0, dc[0], 1e-12);
    }

    @Test
    void metricsAreTrlsImplicitRewards() {
        double[] pc = {-1, -2};
        double[] pr = {-3, -1};
        double[] rc = {-2, -2};
        double[] rr = {-2, -2};
        Map<String, Double> m = DpoLoss.pairwise(DpoLossType.SIGMOID, 0.5, 0, pc, pr, rc, rr, 2, new double[2],
                new double[2]).metrics();
        // implicit rewards: chosen 0.5 * (1, 0), rejected 0.5 * (-1, 1)
        assertEquals(0.25, m.get(DpoLoss.REWARDS_CHOSEN), 1e-12);
        assertEquals(0.0, m.get(DpoLoss.REWARDS_REJECTED), 1e-12);
        assertEquals(0.25, m.get(DpoLoss.REWARDS_MARGINS), 1e-12);
        assertEquals(0.5, m.get(DpoLoss.REWARDS_ACCURACIES), 1e-12);
        assertEquals(-1.5, m.get(DpoLoss.LOGPS_CHOSEN), 1e-12);
        assertEquals(-2.0, m.get(DpoLoss.LOGPS_REJECTED), 1e-12);
    }

    @Test
    void rpoAddsThePerTokenNllOfTheChosen() {
        double[] dc = {0.1, 0.2};
        // alpha 2, log-probs -3 over 3 tokens and -2 over 4: 2 * (1 + 0.5) / 2
        assertEquals(1.5, DpoLoss.chosenNll(2, new double[] {-3, -2}, new int[] {3, 4}, 2, dc), 1e-12);
        assertEquals(0.1 - 2.0 / 3 / 2, dc[0], 1e-12);
        assertEquals(0.2 - 2.0 / 4 / 2, dc[1], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> DpoLoss.chosenNll(1, new double[] {-1}, new int[] {0}, 1,
                new double[1]));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Rng rng = new Rng(7);
        int n = 5;
        double[] pc = new double[n];
        double[] pr = new double[n];
        double[] rc = new double[n];
        double[] rr = new double[n];
        for (int i = 0; i < n; i++) {
            pc[i] = rng.nextDouble(-6, -1);
            pr[i] = rng.nextDouble(-6, -1);
            rc[i] = rng.nextDouble(-6, -1);
            rr[i] = rng.nextDouble(-6, -1);
        }
        for (DpoLossType type : DpoLossType.values()) {
            double eps = type == DpoLossType.SIGMOID || type == DpoLossType.ROBUST ? 0.2 : 0;
            double[] dc = new double[n];
            double[] dr = new double[n];
            DpoLoss.pairwise(type, 0.3, eps, pc, pr, rc, rr, n, dc, dr);
            ToDoubleFunction<double[][]> f = x -> DpoLoss.pairwise(type, 0.3, eps, x[0], x[1], rc, rr, n, new double[n],
                    new double[n]).loss();
            for (int i = 0; i < n; i++) {
                assertEquals(dc[i], central(f, pc, pr, 0, i), 1e-7, type + " chosen " + i);
                assertEquals(dr[i], central(f, pc, pr, 1, i), 1e-7, type + " rejected " + i);
            }
        }
    }

    private static double central(ToDoubleFunction<double[][]> f, double[] pc, double[] pr, int which, int i) {
        double h = 1e-6;
        double[][] plus = {pc.clone(), pr.clone()};
        double[][] minus = {pc.clone(), pr.clone()};
        plus[which][i] += h;
        minus[which][i] -= h;
        return (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
    }

    @Test
    void badSettingsAreRefused() {
        double[] one = new double[1];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DpoLoss.pairwise(DpoLossType.IPO, 0.1, 0.1, PC, PR, RC, RR, 1, one, one));
        assertEquals(true, e.getMessage().contains("IPO"));
        assertThrows(IllegalArgumentException.class, () -> DpoLoss.pairwise(DpoLossType.ROBUST, 0.1, 0.5, PC, PR, RC, RR, 1,
                one, one));
        assertThrows(IllegalArgumentException.class, () -> DpoLoss.pairwise(DpoLossType.SIGMOID, 0, 0, PC, PR, RC, RR, 1,
                one, one));
        assertThrows(IllegalArgumentException.class, () -> DpoLoss.pairwise(DpoLossType.SIGMOID, 0.1, 0, PC, PR, RC, RR, 2,
                one, one));
    }

    @Test
    void ktoByHandAndByFiniteDifferences() {
        double[] d = new double[2];
        // beta 0.5, KL 0.4: desirable r = 1: 1 - sigma(0.3); undesirable r = -1: 1 - sigma(0.7)
        double loss = KtoLoss.loss(0.5, 1, 1, 0.4, new double[] {-1, -3}, new double[] {-2, -2},
                new boolean[] {true, false}, 2, d);
        assertEquals((0.425557483188341 + 0.3318122278318338) / 2, loss, 1e-12);
        double s1 = 0.574442516811659;
        double s2 = 0.6681877721681662;
        assertEquals(-0.5 * s1 * (1 - s1) / 2, d[0], 1e-12);
        assertEquals(0.5 * s2 * (1 - s2) / 2, d[1], 1e-12);
        // a negative KL estimate is clamped to 0
        assertEquals(KtoLoss.loss(0.5, 2, 1.5, 0, new double[] {-1}, new double[] {-2}, new boolean[] {true}, 1, d),
                KtoLoss.loss(0.5, 2, 1.5, -3, new double[] {-1}, new double[] {-2}, new boolean[] {true}, 1, d), 0);
        double[] p = {-1.3, -2.2, -0.7};
        double[] ref = {-1.0, -2.5, -1.9};
        boolean[] labels = {true, false, false};
        double[] grad = new double[3];
        KtoLoss.loss(0.7, 1.3, 0.8, 0.2, p, ref, labels, 3, grad);
        for (int i = 0; i < 3; i++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[i] += 1e-6;
            minus[i] -= 1e-6;
            double fd = (KtoLoss.loss(0.7, 1.3, 0.8, 0.2, plus, ref, labels, 3, new double[3])
                    - KtoLoss.loss(0.7, 1.3, 0.8, 0.2, minus, ref, labels, 3, new double[3])) / 2e-6;
            assertEquals(fd, grad[i], 1e-8);
        }
    }
}

/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import org.opensearch.test.OpenSearchTestCase;

public class TraceEvaluationTests extends OpenSearchTestCase {

    public void testPrecisionRecallF1OnAHandMadeExample() {
        boolean[] truth = {true, true, true, false, false, false, false, false};
        boolean[] predicted = {true, true, false, true, false, false, false, false};
        TraceEvaluation.Counts c = TraceEvaluation.counts(truth, predicted);
        assertEquals(new TraceEvaluation.Counts(2, 1, 1, 4), c);
        assertEquals(2.0 / 3, c.precision(), 1e-12);
        assertEquals(2.0 / 3, c.recall(), 1e-12);
        assertEquals(2.0 / 3, c.f1(), 1e-12);
        // flag everything: precision 3/8, recall 1 -> F1 = 2 * 3/8 / (1 + 3/8) = 6/11
        assertEquals(6.0 / 11, c.flagAllF1(), 1e-12);
    }

    public void testNothingFlaggedIsZeroNotNaN() {
        TraceEvaluation.Counts c =
                TraceEvaluation.counts(new boolean[] {true, false}, new boolean[] {false, false});
        assertEquals(0, c.precision(), 0);
        assertEquals(0, c.recall(), 0);
        assertEquals(0, c.f1(), 0);
    }

    public void testAveragePrecision() {
        // ranks: T F T F -> 1 * 1/2 + 2/3 * 1/2
        assertEquals(
                1.0 / 2 + 2.0 / 3 / 2,
                TraceEvaluation.averagePrecision(
                        new double[] {0.9, 0.8, 0.7, 0.6},
                        new boolean[] {true, false, true, false}),
                1e-12);
        // a perfect ranking
        assertEquals(
                1.0,
                TraceEvaluation.averagePrecision(
                        new double[] {0.1, 0.9, 0.8}, new boolean[] {false, true, true}),
                1e-12);
    }

    public void testTiedScoresEnterTogether() {
        // {0.5, 0.5}: 1 of 2 positive -> P = 1/2 for recall 1/2; then 0.1: P = 2/3 for the rest
        // (scikit-learn's average_precision_score gives 0.58333 on the same input)
        assertEquals(
                0.5 * 0.5 + 0.5 * 2.0 / 3,
                TraceEvaluation.averagePrecision(
                        new double[] {0.5, 0.5, 0.1}, new boolean[] {false, true, true}),
                1e-12);
        assertEquals(
                0, TraceEvaluation.averagePrecision(new double[] {0.5}, new boolean[] {false}), 0);
    }
}

/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.util.Arrays;
import java.util.Comparator;

/** Detection metrics of the trace evaluation: precision, recall, F1 and average precision. */
public final class TraceEvaluation {

    private TraceEvaluation() {}

    /** A confusion matrix; precision, recall and F1 are 0 where undefined (nothing flagged). */
    public record Counts(long tp, long fp, long fn, long tn) {

        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public long positives() {
            return tp + fn;
        }

        public long total() {
            return tp + fp + fn + tn;
        }

        /** F1 of flagging every unit: precision is the share of positives, recall 1. */
        public double flagAllF1() {
            return new Counts(positives(), total() - positives(), 0, 0).f1();
        }

        public Counts plus(boolean truth, boolean predicted) {
            return new Counts(
                    tp + (truth && predicted ? 1 : 0),
                    fp + (truth == false && predicted ? 1 : 0),
                    fn + (truth && predicted == false ? 1 : 0),
                    tn + (truth == false && predicted == false ? 1 : 0));
        }
    }

    public static final Counts NONE = new Counts(0, 0, 0, 0);

    public static Counts counts(boolean[] truth, boolean[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(
                    truth.length + " labels but " + predicted.length + " predictions");
        }
        Counts c = NONE;
        for (int i = 0; i < truth.length; i++) {
            c = c.plus(truth[i], predicted[i]);
        }
        return c;
    }

    /**
     * Average precision of ranking by {@code scores} (the area under the precision-recall curve as
     * scikit-learn's {@code average_precision_score} computes it): the sum over distinct score
     * thresholds, highest first, of precision times the recall gained; tied scores enter together.
     * 0 when there are no positives.
     */
    public static double averagePrecision(double[] scores, boolean[] truth) {
        if (scores.length != truth.length) {
            throw new IllegalArgumentException(
                    scores.length + " scores but " + truth.length + " labels");
        }
        long positives = 0;
        for (boolean t : truth) {
            positives += t ? 1 : 0;
        }
        if (positives == 0) {
            return 0;
        }
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double ap = 0;
        long tp = 0, seen = 0;
        long previousTp = 0;
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                tp += truth[order[j]] ? 1 : 0;
                seen++;
                j++;
            }
            ap += (double) (tp - previousTp) / positives * ((double) tp / seen);
            previousTp = tp;
            i = j;
        }
        return ap;
    }
}

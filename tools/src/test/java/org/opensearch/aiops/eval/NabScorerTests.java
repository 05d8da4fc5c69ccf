/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.util.ArrayList;
import java.util.List;

import org.opensearch.aiops.eval.NabScorer.LabelledFile;
import org.opensearch.aiops.eval.NabScorer.Profile;
import org.opensearch.test.OpenSearchTestCase;

public class NabScorerTests extends OpenSearchTestCase {

    /** 100 rows (15 probationary), one window on rows 50..59. */
    private static final LabelledFile FILE =
            new LabelledFile("f.csv", 100, List.of(new int[] {50, 59}));

    private static double fileScore(int... detections) {
        double[] scores = new double[100];
        for (int d : detections) {
            scores[d] = 1.0;
        }
        return NabScorer.scoreFile(
                        NabScorer.sweep(FILE, scores, Profile.STANDARD), 1.0, Profile.STANDARD)
                .score();
    }

    public void testScaledSigmoid() {
        assertEquals(0.98661, NabScorer.scaledSigmoid(-1.0), 1e-5);
        assertEquals(0.84828, NabScorer.scaledSigmoid(-0.5), 1e-5);
        assertEquals(0.0, NabScorer.scaledSigmoid(0.0), 1e-12);
        assertEquals(-0.98661, NabScorer.scaledSigmoid(1.0), 1e-5);
        assertEquals(-1.0, NabScorer.scaledSigmoid(3.0), 0);
    }

    public void testProbationaryLength() {
        assertEquals(15, NabScorer.probationaryLength(100));
        assertEquals(604, NabScorer.probationaryLength(4032));
        assertEquals(750, NabScorer.probationaryLength(20000));
    }

    public void testDetectionAtWindowStartEarnsTheFullRewardAndAtTheEndLittle() {
        assertEquals(1.0, fileScore(50), 1e-12);
        double end = NabScorer.scaledSigmoid(-1.0 / 10) / NabScorer.scaledSigmoid(-1.0);
        assertEquals(end, fileScore(59), 1e-12);
        assertEquals(0.2482, end, 1e-4);
        double middle = NabScorer.scaledSigmoid(-5.0 / 10) / NabScorer.scaledSigmoid(-1.0);
        assertEquals(middle, fileScore(55), 1e-12);
    }

    public void testOnlyTheFirstDetectionInAWindowCounts() {
        assertEquals(fileScore(50), fileScore(50, 52, 55, 59), 1e-12);
        assertEquals(fileScore(55), fileScore(55, 59), 1e-12);
    }

    public void testFalsePositivesAreWeightedByTheSigmoidAfterAWindow() {
        double missed = -1.0;
        assertEquals(missed - 0.11, fileScore(30), 1e-12); // before any window: the full -fpWeight
        double justAfter = NabScorer.scaledSigmoid(1.0 / 9) * 0.11; // |59 - 60| / (10 - 1)
        assertEquals(missed + justAfter, fileScore(60), 1e-12);
        double farAfter = NabScorer.scaledSigmoid(30.0 / 9) * 0.11;
        assertEquals(missed - 0.11, missed + farAfter, 1e-12);
        assertTrue(justAfter > -0.11 && justAfter < 0);
    }

    public void testProbationaryRowsAreIgnored() {
        assertEquals(fileScore(), fileScore(3, 10, 14), 1e-12);
        assertEquals(-1.0, fileScore(), 1e-12);
    }

    public void testNullDetectorNormalisesToZeroAndPerfectToHundred() {
        LabelledFile second =
                new LabelledFile("g.csv", 200, List.of(new int[] {40, 49}, new int[] {120, 139}));
        List<LabelledFile> files = List.of(FILE, second);
        for (Profile profile : Profile.ALL) {
            NabScorer.ProfileResult none =
                    NabScorer.evaluate(
                            files, List.of(new double[100], new double[200]), profile, null);
            assertEquals(0.0, none.normalised(), 1e-9);
            assertEquals(-3 * profile.fnWeight(), none.nullRaw(), 1e-9);
            assertEquals(3 * profile.tpWeight(), none.perfect(), 1e-9);

            double[] a = new double[100];
            double[] b = new double[200];
            a[50] = 1;
            b[40] = 1;
            b[120] = 1;
            List<NabScorer.ThresholdScore> perFile = new ArrayList<>();
            NabScorer.ProfileResult perfect =
                    NabScorer.evaluate(files, List.of(a, b), profile, perFile);
            assertEquals(100.0, perfect.normalised(), 1e-9);
            assertEquals(1.0, perfect.threshold(), 0);
            assertEquals(1, perFile.get(0).tp());
            assertEquals(2, perFile.get(1).tp());
        }
    }

    public void testThresholdSweepPicksTheBestCutAcrossFiles() {
        double[] a = new double[100];
        a[50] = 0.9; // the true detection
        a[30] = 0.8; // a false positive just below it
        a[70] = 0.5;
        NabScorer.ProfileResult r =
                NabScorer.evaluate(List.of(FILE), List.<double[]>of(a), Profile.STANDARD, null);
        assertEquals(0.9, r.threshold(), 0);
        assertEquals(1.0, r.raw(), 1e-12);
        List<NabScorer.ThresholdScore> sweep =
                NabScorer.scoresByThreshold(
                        List.of(NabScorer.sweep(FILE, a, Profile.STANDARD)), Profile.STANDARD);
        assertEquals(1.1, sweep.get(0).threshold(), 0);
        assertEquals(-1.0, sweep.get(0).score(), 1e-12);
        assertEquals(0.8, sweep.get(2).threshold(), 0);
        assertEquals(1.0 - 0.11, sweep.get(2).score(), 1e-12);
    }
}

/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.opensearch.test.OpenSearchTestCase;

public class MetricModelTests extends OpenSearchTestCase {

    /** Every type but metric_lstm, which needs the neural engine (MetricLstmTests). */
    private static final List<String> NEIGHBOUR_AND_CLUSTER_TYPES =
            MetricParams.TYPES.stream().filter(t -> t.equals("metric_lstm") == false).toList();

    private static MetricParams params(String type, Map<String, Object> p) {
        return MetricParams.parse(type, p);
    }

    /** Two fields: a sine and a noisy level; rows[t] = {sine, level}. */
    private static float[][] series(int n, long seed) {
        Random r = new Random(seed);
        float[][] rows = new float[n][];
        for (int t = 0; t < n; t++) {
            rows[t] =
                    new float[] {
                        (float) Math.sin(t * 2 * Math.PI / 24) + 0.05f * (float) r.nextGaussian(),
                        5f + 0.1f * (float) r.nextGaussian()
                    };
        }
        return rows;
    }

    public void testKnnScoresASpikeHighAndNamesItsField() {
        float[][] rows = series(600, 1);
        MetricModel model = MetricModel.train(params("metric_knn", Map.of()), rows, null);
        float[][] normal = Arrays.copyOfRange(series(700, 1), 640, 648);
        float[][] spike = Arrays.copyOfRange(series(700, 1), 640, 648);
        spike[7] = new float[] {spike[7][0], 9f}; // field 1 jumps by 40 of its standard deviations
        MetricScore n = model.score(normal);
        MetricScore s = model.score(spike);
        assertTrue("normal " + n.score(), n.score() < 0.5);
        assertTrue("spike " + s.score(), s.score() > 0.9);
        assertEquals(1, s.topField());
        assertEquals(1.0, Arrays.stream(s.fieldContributions()).sum(), 1e-9);
        assertTrue(s.fieldContributions()[1] > 0.9);
    }

    /**
     * A level shift alarms once, at the end of the rise its first windows give; while it lasts the
     * state holds it at 0.
     */
    public void testOnsetStateAlarmsOnceForASustainedShiftAndCarriesOverRefits() {
        float[][] rows = series(1200, 3);
        MetricModel model =
                MetricModel.train(params("metric_knn", Map.of()), Arrays.copyOf(rows, 600), null);
        float[][] shifted = Arrays.stream(rows).map(float[]::clone).toArray(float[][]::new);
        for (int t = 700; t < 800; t++) {
            shifted[t][1] += 3f; // 30 standard deviations
        }
        OnsetState state = MetricModel.newState(50);
        MetricScore[] gated = model.scoreSeries(shifted, 600, 800, state);
        MetricScore[] plain = model.scoreSeries(shifted, 600, 800);
        int alarms = 0;
        for (int i = 0; i < gated.length; i++) {
            assertEquals(plain[i].raw(), gated[i].raw(), 0.0);
            assertTrue(
                    gated[i].score() == 0.0 || (i > 0 && gated[i].score() == plain[i - 1].score()));
            alarms += (600 + i >= 700 && gated[i].score() > 0.9) ? 1 : 0;
        }
        assertTrue(
                "alarms in the shift " + alarms,
                alarms >= 1 && alarms <= 12); // the rise, then new highs of its noise (9 here; 100
        // without the state)
        int shiftAlarmsWithout = 0;
        for (int i = 100; i < gated.length; i++) {
            shiftAlarmsWithout += plain[i].score() > 0.9 ? 1 : 0;
        }
        assertEquals(100, shiftAlarmsWithout);
        assertEquals(50, state.size());
        // A refitted model goes on from the same state, and the state survives a checkpoint.
        MetricModel refit =
                MetricModel.train(
                        params("metric_knn", Map.of()), Arrays.copyOf(shifted, 800), null);
        OnsetState restored = OnsetState.fromBytes(state.toBytes());
        float[][] window = Arrays.copyOfRange(shifted, 793, 801);
        assertEquals(
                refit.score(window, state).score(), refit.score(window, restored).score(), 1e-6);
        expectThrows(IllegalArgumentException.class, () -> MetricModel.newState(0));
        expectThrows(IllegalArgumentException.class, () -> OnsetState.fromBytes(new byte[] {1}));
    }

    public void testDefaultThresholdIsBelowOneAndSeparatesOutliers() {
        float[][] rows = series(1500, 2);
        for (String type : NEIGHBOUR_AND_CLUSTER_TYPES) {
            MetricModel model = MetricModel.train(params(type, Map.of()), rows, null);
            ScoreDistribution d = model.trainingScores();
            double threshold = d.threshold("sigma", null);
            assertTrue(type + " " + d, threshold < 1.0);
            assertTrue(type + " " + d, d.quantile(0.5) <= d.quantile(0.99));
            float[][] spike = Arrays.copyOfRange(rows, 100, 108);
            spike = Arrays.stream(spike).map(float[]::clone).toArray(float[][]::new);
            spike[4][0] += 6f;
            assertTrue(type + " " + d, model.score(spike).score() > threshold);
        }
    }

    /**
     * A tight cluster and a loose one: a point just off the tight one is the outlier, though an
     * edge point of the loose one is farther from its neighbours.
     */
    public void testLofRanksByLocalDensityWhereKnnMisranks() {
        Random r = new Random(3);
        float[][] rows = new float[400][];
        for (int i = 0; i < 200; i++) {
            rows[i] =
                    new float[] {
                        0.05f * (float) r.nextGaussian(), 0.05f * (float) r.nextGaussian()
                    };
        }
        for (int i = 200; i < 400; i++) {
            rows[i] = new float[] {10 + (float) r.nextGaussian(), 10 + (float) r.nextGaussian()};
        }
        Map<String, Object> p = Map.of("window", 1, "k", 10);
        MetricModel knn = MetricModel.train(params("metric_knn", p), rows, null);
        MetricModel lof = MetricModel.train(params("metric_lof", p), rows, null);
        float[][] offTight = {{0.6f, 0f}};
        float[][] edgeOfLoose = {{12.5f, 10f}};
        assertTrue("knn misranks", knn.score(edgeOfLoose).raw() > knn.score(offTight).raw());
        assertTrue(
                "lof " + lof.score(offTight) + " " + lof.score(edgeOfLoose),
                lof.score(offTight).raw() > 3 * lof.score(edgeOfLoose).raw());
        assertTrue(lof.score(offTight).score() > 0.9);
        assertTrue(lof.score(edgeOfLoose).score() < 0.5);
    }

    /**
     * Ten odd windows together: neighbours of each other for kNN, but a small cluster for CBLOF.
     */
    public void testCblofFlagsASmallCluster() {
        Random r = new Random(4);
        float[][] rows = new float[310][];
        for (int i = 0; i < 300; i++) {
            rows[i] = new float[] {(float) r.nextGaussian(), (float) r.nextGaussian()};
        }
        for (int i = 300; i < 310; i++) {
            rows[i] =
                    new float[] {
                        8 + 0.1f * (float) r.nextGaussian(), 8 + 0.1f * (float) r.nextGaussian()
                    };
        }
        Map<String, Object> p = Map.of("window", 1, "clusters", 2, "k", 5);
        MetricModel cblof = MetricModel.train(params("metric_cblof", p), rows, null);
        MetricModel knn = MetricModel.train(params("metric_knn", p), rows, null);
        float[][] inSmall = {{8f, 8f}};
        float[][] inLarge = {{0.5f, -0.5f}};
        // The ten odd windows are 3 % of the training set, above the 1 % that the scale's 99th
        // percentile allows for, so
        // they score about 0.5: above the default alert threshold (mean + 3 std), far above windows
        // of the large cluster.
        double threshold = cblof.trainingScores().threshold("sigma", null);
        String info =
                cblof.score(inSmall) + " " + cblof.score(inLarge) + " " + cblof.trainingScores();
        assertTrue(info, cblof.score(inSmall).score() > Math.max(0.45, threshold));
        assertTrue(info, cblof.score(inLarge).score() < 0.1);
        assertTrue(
                "knn sees the small cluster as normal",
                knn.score(inSmall).score() < knn.trainingScores().threshold("sigma", null));
    }

    public void testCblofLargeSmallSplitFollowsPyod() {
        Integer[] order = {0, 1, 2, 3};
        // 90 % reached after two clusters and a 5x gap there: split at 2
        assertEquals(2, CblofScorer.largeCount(new int[] {60, 30, 6, 4}, order, 100, 0.9, 5));
        // alpha reached after two, no 5x gap anywhere before the end: the alpha boundary
        assertEquals(2, CblofScorer.largeCount(new int[] {50, 40, 6, 4}, order, 100, 0.9, 50));
        // neither rule: all large
        assertEquals(4, CblofScorer.largeCount(new int[] {25, 25, 25, 25}, order, 100, 0.99, 5));
    }

    public void testSerialisationRoundTripGivesIdenticalScores() {
        float[][] rows =
                series(NeighbourIndex.EXACT_BELOW + 200, 5); // the HNSW graph is rebuilt on load
        for (String type : NEIGHBOUR_AND_CLUSTER_TYPES) {
            MetricModel model = MetricModel.train(params(type, Map.of()), rows, null);
            byte[] bytes = model.toBytes();
            MetricModel copy = MetricModel.fromBytes(bytes);
            assertEquals(model.params(), copy.params());
            assertEquals(model.trainingScores().mean(), copy.trainingScores().mean(), 0);
            float[][] test = series(400, 6);
            for (int start = 0; start + 8 <= test.length; start += 13) {
                float[][] w = Arrays.copyOfRange(test, start, start + 8);
                MetricScore a = model.score(w);
                MetricScore b = copy.score(w);
                assertEquals(type, a.raw(), b.raw(), 0);
                assertEquals(type, a.score(), b.score(), 0);
                assertArrayEquals(a.fieldContributions(), b.fieldContributions(), 0);
            }
            assertTrue(model.ramBytes() > 0);
        }
    }

    /**
     * A stretch where the noise drops to a tenth: every 8-point window of it lies near the training
     * mean, which the plain shingle finds normal (kNN distances there are small); the block
     * standard deviations of the coarse scales see it.
     */
    public void testCoarseScalesSeeAQuieterStretchThePlainShingleMisses() {
        Random r = new Random(11);
        int n = 1600;
        float[][] rows = new float[n][];
        for (int t = 0; t < n; t++) {
            rows[t] = new float[] {(float) ((t >= 1400 ? 0.1 : 1.0) * r.nextGaussian())};
        }
        float[][] training = Arrays.copyOf(rows, 1200);
        MetricModel plain = MetricModel.train(params("metric_ensemble", Map.of()), training, null);
        MetricModel scaled =
                MetricModel.train(params("metric_ensemble", Map.of("scales", 3)), training, null);
        assertEquals(8, plain.window());
        assertEquals(128, scaled.window());
        float[][] quiet =
                Arrays.copyOfRange(rows, n - 128, n); // 128 rows, all of the quiet stretch
        double plainScore = plain.score(Arrays.copyOfRange(quiet, 120, 128)).score();
        double scaledScore = scaled.score(quiet).score();
        // 0.5 is the training scores' 99th percentile
        assertTrue("plain " + plainScore, plainScore < 0.3);
        assertTrue("scaled " + scaledScore, scaledScore > 0.55);
        // and a stretch like the training one stays normal
        double normal = scaled.score(Arrays.copyOfRange(rows, 1250, 1378)).score();
        assertTrue("normal " + normal, normal < 0.6);
    }

    public void testMultiScaleRoundTripAndVersionTwoBytes() {
        float[][] rows = series(900, 12);
        MetricModel scaled =
                MetricModel.train(params("metric_ensemble", Map.of("scales", 2)), rows, null);
        MetricModel copy = MetricModel.fromBytes(scaled.toBytes());
        assertEquals(scaled.params(), copy.params());
        float[][] test = series(300, 13);
        for (int start = 0; start + 32 <= test.length; start += 17) {
            float[][] w = Arrays.copyOfRange(test, start, start + 32);
            assertEquals(scaled.score(w).score(), copy.score(w).score(), 0);
        }
        // the bytes of format version 2 (no scales byte in the params, no scales or weights in the
        // features) still load
        MetricModel plain = MetricModel.train(params("metric_knn", Map.of()), rows, null);
        byte[] v3 = plain.toBytes();
        int scalesParam =
                4
                        + 2
                        + 2
                        + "knn".length()
                        + 3 * 4
                        + 2 * 8
                        + 1
                        + 4
                        + 4
                        + 4; // offset of the params' scales byte
        int featuresEnd =
                scalesParam + 1 + 4 + 4 + 1 + 2 * 2 * 4; // after the two fields' mean and scale
        byte[] v2 = new byte[v3.length - 1 - 5];
        System.arraycopy(v3, 0, v2, 0, scalesParam);
        System.arraycopy(v3, scalesParam + 1, v2, scalesParam, featuresEnd - scalesParam - 1);
        System.arraycopy(v3, featuresEnd + 5, v2, featuresEnd - 1, v3.length - featuresEnd - 5);
        v2[5] = 2;
        MetricModel old = MetricModel.fromBytes(v2);
        assertEquals(1, old.params().scales());
        for (int start = 0; start + 8 <= test.length; start += 17) {
            float[][] w = Arrays.copyOfRange(test, start, start + 8);
            assertEquals(plain.score(w).score(), old.score(w).score(), 0);
        }
    }

    public void testFromBytesRejectsOtherFormatsAndVersions() {
        byte[] bytes =
                MetricModel.train(params("metric_knn", Map.of()), series(100, 7), null).toBytes();
        bytes[5] = 9; // version 9
        IllegalArgumentException e =
                expectThrows(IllegalArgumentException.class, () -> MetricModel.fromBytes(bytes));
        assertTrue(
                e.getMessage(),
                e.getMessage().startsWith("metric model format version 9 is not supported"));
        e =
                expectThrows(
                        IllegalArgumentException.class,
                        () -> MetricModel.fromBytes(new byte[] {1, 2, 3, 4, 5, 6}));
        assertTrue(e.getMessage(), e.getMessage().startsWith("not a metric model"));
    }

    public void testTooFewRowsSaysHowManyAreNeeded() {
        IllegalArgumentException e =
                expectThrows(
                        IllegalArgumentException.class,
                        () ->
                                MetricModel.train(
                                        params("metric_knn", Map.of()), series(15, 8), null));
        assertEquals(
                "metric_knn needs at least 19 rows (8 rows per window + 12 training windows - 1), got 15",
                e.getMessage());
    }

    public void testNonFiniteRowsAreSkippedInTrainingAndRejectedInScoring() {
        float[][] rows = series(300, 9);
        rows[100][0] = Float.NaN;
        rows[200][1] = Float.POSITIVE_INFINITY;
        MetricModel model = MetricModel.train(params("metric_knn", Map.of()), rows, null);
        assertEquals(
                300 - 8 + 1 - 2 * 8,
                model.trainingWindows()); // every window holding row 100 or 200 is left out
        float[][] w = Arrays.copyOfRange(series(300, 9), 0, 8);
        w[3] = new float[] {Float.NaN, 5f};
        IllegalArgumentException e =
                expectThrows(IllegalArgumentException.class, () -> model.score(w));
        assertEquals(
                "window row 3 holds a NaN or infinite value; metric models score finite values only",
                e.getMessage());
        expectThrows(IllegalArgumentException.class, () -> model.score(Arrays.copyOf(w, 7)));
    }

    public void testProgressReachesOne() {
        double[] last = {0};
        MetricModel.train(params("metric_ensemble", Map.of()), series(300, 10), p -> last[0] = p);
        assertEquals(1.0, last[0], 0);
    }

    public void testGraphSearchRecallAgainstExact() {
        Random r = new Random(11);
        float[][] v = new float[5000][15];
        for (float[] x : v) {
            for (int d = 0; d < x.length; d++) {
                x[d] = (float) r.nextGaussian();
            }
        }
        NeighbourIndex graph = new NeighbourIndex(v, true);
        NeighbourIndex exact = new NeighbourIndex(v, false);
        assertTrue(graph.usesGraph());
        int hits = 0;
        int total = 0;
        for (int q = 0; q < 200; q++) {
            float[] query = v[q * 7].clone();
            query[0] += 0.3f;
            Set<Integer> truth = new HashSet<>();
            for (int o : exact.search(query, 10, -1).ords()) {
                truth.add(o);
            }
            for (int o : graph.search(query, 10, -1).ords()) {
                hits += truth.contains(o) ? 1 : 0;
            }
            total += 10;
        }
        assertTrue("recall " + hits / (double) total, hits >= 0.9 * total);
    }

    /**
     * kNN's training distribution from an even sample of TRAINING_SAMPLE windows matches the one
     * from every window.
     */
    public void testSampledTrainingDistributionMatchesFull() {
        Random r = new Random(12);
        int n = 40_000;
        float[][] v = new float[n][8];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 8; d++) {
                v[i][d] =
                        (float)
                                (Math.sin((i + d) * 2 * Math.PI / 24)
                                        + 0.1 * r.nextGaussian()
                                        + (i % 997 == 0 ? 1 : 0));
            }
        }
        NeighbourIndex index = new NeighbourIndex(v);
        assertFalse(index.usesGraph());
        ScoreDistribution full =
                ScoreDistribution.of(
                        KnnScorer.trainingRaws(TrainingNeighbours.of(index, 10, p -> {})));
        int[] sample = TrainingNeighbours.sample(n, MetricModel.TRAINING_SAMPLE);
        assertEquals(MetricModel.TRAINING_SAMPLE, sample.length);
        ScoreDistribution sampled =
                ScoreDistribution.of(
                        KnnScorer.trainingRaws(TrainingNeighbours.of(index, 10, sample, p -> {})));
        assertEquals(full.mean(), sampled.mean(), 0.01 * full.mean());
        assertEquals(full.std(), sampled.std(), 0.03 * full.std());
        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            assertEquals(
                    "quantile " + q,
                    full.quantile(q),
                    sampled.quantile(q),
                    0.05 * full.quantile(q));
        }
    }

    public void testLargeSetsTrainOnASampleAndLofIsLimited() {
        float[][] rows = series(25_007, 13);
        MetricModel knn =
                MetricModel.train(
                        params("metric_ensemble", Map.of("max_windows", 30_000)), rows, null);
        assertEquals(MetricModel.TRAINING_SAMPLE, knn.trainingWindows());
        IllegalArgumentException e =
                expectThrows(
                        IllegalArgumentException.class,
                        () ->
                                params(
                                        "metric_lof",
                                        Map.of("max_windows", MetricParams.MAX_LOF_WINDOWS + 1)));
        assertTrue(e.getMessage(), e.getMessage().contains("params.max_windows"));
        params("metric_lof", Map.of("max_windows", MetricParams.MAX_LOF_WINDOWS));
    }
}

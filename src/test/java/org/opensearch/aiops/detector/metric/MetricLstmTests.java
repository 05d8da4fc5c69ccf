/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.opensearch.aiops.engine.DjlEngine;
import org.opensearch.test.OpenSearchTestCase;

/**
 * metric_lstm on PyTorch in the test JVM. Needs the natives in the DJL cache that {@code ./aiops
 * test} fills ({@code -Daiops.djl.cache}); without them the tests fail and say so (run them through
 * {@code ./aiops test}).
 */
public class MetricLstmTests extends OpenSearchTestCase {

    private static DjlEngine engine() {
        String dir = System.getProperty("aiops.djl.cache");
        assertNotNull(
                "no DJL cache given (-Daiops.djl.cache): run the tests with ./aiops test, which fills it",
                dir);
        DjlEngine engine = DjlEngine.forCache(Path.of(dir), 1, 1);
        assertTrue(
                "PyTorch natives not in " + dir + ": ./aiops test fills it",
                engine.pytorchCacheReady());
        return engine;
    }

    /** Field 0: a sine of period 40 with a little noise; field 1: a noisy constant level. */
    private static float[][] series(int n, long seed) {
        Random r = new Random(seed);
        float[][] rows = new float[n][];
        for (int t = 0; t < n; t++) {
            rows[t] =
                    new float[] {
                        (float) (Math.sin(t * 2 * Math.PI / 40) + 0.03 * r.nextGaussian()),
                        (float) (5 + 0.05 * r.nextGaussian())
                    };
        }
        return rows;
    }

    public void testLevelShiftScoresAboveThresholdAndNormalContinuationDoesNot() throws Exception {
        DjlEngine engine = engine();
        MetricParams params = MetricParams.parse("metric_lstm", Map.of("hidden", 16, "epochs", 25));
        assertEquals(80, params.window());
        assertEquals(81, params.rows());
        float[][] all = series(1300, 3);
        MetricModel model = MetricModel.train(params, Arrays.copyOf(all, 1000), null, engine);
        assertEquals(81, model.window());
        double threshold = model.trainingScores().threshold("sigma", 3.0);

        // normal continuation: rows 1000..1299 never seen in training
        MetricScore[] normal = model.scoreSeries(all, 1000, 1300);
        int above = 0;
        double maxNormal = 0;
        for (MetricScore s : normal) {
            maxNormal = Math.max(maxNormal, s.score());
            above += s.score() > threshold ? 1 : 0;
        }
        logger.info(
                "training {} normal mean {} above {}",
                model.trainingScores(),
                Arrays.stream(normal).mapToDouble(MetricScore::score).average().orElse(0),
                above);
        // 3 sigma of a skewed score distribution: about 1 % of normal windows may pass it, never
        // many
        assertTrue(
                "normal windows above the threshold: " + above + " of " + normal.length,
                above <= normal.length / 50);

        // level shift of the sine field at the last point of a window (1 amplitude, ~ 1.4 standard
        // deviations)
        float[][] window = Arrays.copyOfRange(all, 1200 - 80, 1201);
        window[80] = new float[] {window[80][0] + 1f, window[80][1]};
        MetricScore shifted = model.score(window);
        assertTrue(
                "shift " + shifted.score() + " threshold " + threshold + " max normal " + maxNormal,
                shifted.score() > threshold);
        assertTrue(
                "shift " + shifted.score() + " max normal " + maxNormal,
                shifted.score() > maxNormal);

        assertEquals(0, shifted.topField());
        assertEquals(1.0, Arrays.stream(shifted.fieldContributions()).sum(), 1e-9);

        // the weights travel in the model bytes: a loaded model scores the same
        MetricModel copy = MetricModel.fromBytes(model.toBytes(), engine);
        assertEquals(shifted.score(), copy.score(window).score(), 1e-6);
        assertEquals(
                normal[17].score(),
                copy.score(Arrays.copyOfRange(all, 1017 - 80, 1018)).score(),
                1e-6);
    }

    public void testLstmWithoutEngineFailsWithAClearMessage() {
        MetricParams params = MetricParams.parse("metric_lstm", Map.of("window", 4, "epochs", 1));
        IllegalStateException e =
                expectThrows(
                        IllegalStateException.class,
                        () -> MetricModel.train(params, series(100, 1), null));
        assertTrue(e.getMessage(), e.getMessage().contains("neural engine"));
    }
}

/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.util.HashMap;
import java.util.Map;

import org.opensearch.test.OpenSearchTestCase;

public class MetricParamsTests extends OpenSearchTestCase {

    public void testDefaultsForNullAndEmpty() {
        MetricParams p = MetricParams.parse("metric_knn", null);
        assertEquals("knn", p.algorithm());
        assertEquals(MetricParams.DEFAULT_WINDOW, p.window());
        assertEquals(MetricParams.DEFAULT_K, p.k());
        assertFalse(p.differences());
        assertEquals(p, MetricParams.parse("metric_knn", Map.of()));
        assertEquals("metric_ensemble", MetricParams.parse("metric_ensemble", Map.of()).type());
    }

    public void testReadsEveryParameterAndToMapRoundTrips() {
        Map<String, Object> m = new HashMap<>();
        m.put("window", 4);
        m.put("k", 7L);
        m.put("clusters", 3);
        m.put("alpha", 0.8);
        m.put("beta", 4);
        m.put("differences", false);
        m.put("max_windows", 5000);
        MetricParams p = MetricParams.parse("metric_cblof", m);
        assertEquals(
                new MetricParams(
                        "cblof",
                        4,
                        7,
                        3,
                        0.8,
                        4.0,
                        false,
                        5000,
                        MetricParams.DEFAULT_HIDDEN,
                        MetricParams.DEFAULT_EPOCHS,
                        MetricParams.DEFAULT_SCALES),
                p);
        assertEquals(p, MetricParams.parse("metric_cblof", p.toMap()));
    }

    public void testErrorsNameTheField() {
        assertError(
                "metric_knn", Map.of("k", 0), "params.k must be an integer in [1, 1000], got [0]");
        assertError(
                "metric_knn",
                Map.of("k", 2.5),
                "params.k must be an integer in [1, 1000], got [2.5]");
        assertError(
                "metric_knn",
                Map.of("window", "8"),
                "params.window must be an integer in [1, 1000], got [8]");
        assertError(
                "metric_lof",
                Map.of("clusters", 1),
                "params.clusters must be an integer in [2, 256], got [1]");
        assertError(
                "metric_cblof",
                Map.of("alpha", 1.0),
                "params.alpha must be a number in (0, 1), got [1.0]");
        assertError(
                "metric_cblof",
                Map.of("beta", 0.5),
                "params.beta must be a number in [1, 1000000], got [0.5]");
        assertError("metric_cblof", Map.of("beta", "x"), "params.beta must be a number, got [x]");
        assertError(
                "metric_knn",
                Map.of("differences", "yes"),
                "params.differences must be true or false, got [yes]");
        assertError(
                "metric_knn",
                Map.of("max_windows", 10),
                "params.max_windows must be an integer in [100, 10000000], got [10]");
        assertError(
                "metric_lstm",
                Map.of("hidden", 0),
                "params.hidden must be an integer in [1, 1024], got [0]");
        assertError(
                "metric_lstm",
                Map.of("epochs", 0),
                "params.epochs must be an integer in [1, 10000], got [0]");
        assertError(
                "metric_knn",
                Map.of("neighbours", 3),
                "params.neighbours is not a parameter of metric_knn");
        assertError(
                "metric_rcf",
                Map.of(),
                "type must be one of [metric_knn, metric_lof, metric_cblof, metric_ensemble, metric_lstm], got [metric_rcf]");
    }

    public void testScalesSetTheRowsAWindowReads() {
        assertEquals(1, MetricParams.parse("metric_ensemble", Map.of()).scales());
        assertEquals(8, MetricParams.parse("metric_ensemble", Map.of()).rows());
        assertEquals(32, MetricParams.parse("metric_ensemble", Map.of("scales", 2)).rows());
        assertEquals(
                5 * 16, MetricParams.parse("metric_knn", Map.of("scales", 3, "window", 5)).rows());
        assertError(
                "metric_knn",
                Map.of("scales", 5),
                "params.scales must be an integer in [1, 4], got [5]");
        assertError("metric_lstm", Map.of("scales", 2), "params.scales must be 1 for metric_lstm");
    }

    private static void assertError(String type, Map<String, Object> params, String message) {
        IllegalArgumentException e =
                expectThrows(
                        IllegalArgumentException.class, () -> MetricParams.parse(type, params));
        assertTrue(e.getMessage(), e.getMessage().startsWith(message));
    }
}

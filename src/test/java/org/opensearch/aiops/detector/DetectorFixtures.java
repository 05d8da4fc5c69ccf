/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.config.TimeRange;
import org.opensearch.aiops.detector.input.MetricSource;
import org.opensearch.aiops.detector.metric.MetricDetectorType;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.search.SearchModule;

/** Detectors, registries and parsers the detector tests share. */
public final class DetectorFixtures {

    public static final DetectorTypes TYPES = new DetectorTypes(MetricDetectorType.all(null));
    private static final SearchModule SEARCH = new SearchModule(Settings.EMPTY, List.of());

    /** Queries, aggregations and the detector params, as a node has them. */
    public static NamedWriteableRegistry writeables() {
        List<NamedWriteableRegistry.Entry> entries = new ArrayList<>(SEARCH.getNamedWriteables());
        entries.addAll(MetricDetectorType.namedWriteables());
        return new NamedWriteableRegistry(entries);
    }

    public static NamedXContentRegistry xContent() {
        return new NamedXContentRegistry(SEARCH.getNamedXContents());
    }

    public static XContentParser parser(String json) throws IOException {
        return JsonXContent.jsonXContent.createParser(
                xContent(), DeprecationHandler.THROW_UNSUPPORTED_OPERATION, json);
    }

    public static Detector parse(String json) throws IOException {
        try (XContentParser parser = parser(json)) {
            return Detector.parse(parser, TYPES);
        }
    }

    /** A metric_knn detector with every part set (filter, query, labels, params). */
    public static Detector detector() throws IOException {
        MetricSource source =
                new MetricSource(
                        List.of("metrics-*"),
                        "@timestamp",
                        QueryBuilders.termQuery("env", "prod"),
                        List.of("cpu", "rss"),
                        List.of("host"));
        TrainingSpec training =
                new TrainingSpec(
                        new TimeRange(1_000, 2_000), QueryBuilders.rangeQuery("cpu").lt(90), 5_000);
        DetectorParams params;
        try (XContentParser parser = parser("{\"k\":5,\"window\":4}")) {
            params = TYPES.get("metric_knn", "type").parseParams(parser);
        }
        return new Detector(
                "host-cpu",
                "CPU and memory per host",
                "metric_knn",
                source,
                training,
                TimeValue.timeValueSeconds(30),
                new ThresholdSpec("quantile", 0.995),
                "aiops-results-hosts",
                params,
                Map.of("3", "cpu spike"));
    }

    private DetectorFixtures() {}
}

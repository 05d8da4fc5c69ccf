/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.io.IOException;
import java.util.List;
import java.util.function.DoubleConsumer;

import org.opensearch.aiops.detector.DetectorModel;
import org.opensearch.aiops.detector.DetectorParams;
import org.opensearch.aiops.detector.SeriesDetectorType;
import org.opensearch.aiops.engine.DjlEngine;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.XContentParser;

/**
 * The metric detector types (one per {@link MetricParams#TYPES}: metric_knn, metric_lof,
 * metric_cblof, metric_ensemble, metric_lstm): input {@code metric}, one {@link MetricModel} per
 * entity, results per window.
 */
public final class MetricDetectorType implements SeriesDetectorType<MetricParams> {

    private final String name;
    private final DjlEngine engine;

    private MetricDetectorType(String name, DjlEngine engine) {
        this.name = name;
        this.engine = engine;
    }

    /**
     * @param engine the neural engine metric_lstm trains and scores with
     */
    public static List<MetricDetectorType> all(DjlEngine engine) {
        return MetricParams.TYPES.stream()
                .map(type -> new MetricDetectorType(type, engine))
                .toList();
    }

    /** The params readers of every metric type, for the node's registry of named writeables. */
    public static List<NamedWriteableRegistry.Entry> namedWriteables() {
        return MetricParams.TYPES.stream()
                .map(
                        type ->
                                new NamedWriteableRegistry.Entry(
                                        DetectorParams.class,
                                        type,
                                        in -> MetricParams.read(type, in)))
                .toList();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<MetricParams> paramsClass() {
        return MetricParams.class;
    }

    /**
     * A flat object of numbers and booleans; the checks and their messages are {@link
     * MetricParams#parse}'s.
     */
    @Override
    public MetricParams parseParams(XContentParser parser) throws IOException {
        if (parser.currentToken() == null) {
            parser.nextToken();
        }
        if (parser.currentToken() != XContentParser.Token.START_OBJECT) {
            throw new IllegalArgumentException("[params] must be an object");
        }
        return MetricParams.parse(name, parser.map());
    }

    @Override
    public MetricParams defaultParams() {
        return MetricParams.parse(name, null);
    }

    @Override
    public Writeable.Reader<MetricParams> paramsReader() {
        return in -> MetricParams.read(name, in);
    }

    @Override
    public int window(MetricParams params) {
        return params.rows();
    }

    @Override
    public int minTrainingRows(MetricParams params) {
        return params.minTrainingWindows() + params.rows();
    }

    @Override
    public long estimateTrainingBytes(MetricParams params, long rows, int fields) {
        long windows = Math.min(rows, params.maxWindows());
        // rows as read, standardised windows (twice for lstm: the vectors and the engine's input
        // copy), and a neighbour
        // graph of about 32 links per window
        return rows * fields * 4L + windows * ((long) params.rows() * fields * 4L * 2 + 32 * 4 * 2);
    }

    @Override
    public DetectorModel train(MetricParams params, float[][] rows, DoubleConsumer progress) {
        return new MetricDetectorModel(MetricModel.train(params, rows, progress, engine));
    }

    @Override
    public DetectorModel read(byte[] bytes) {
        return new MetricDetectorModel(MetricModel.fromBytes(bytes, engine));
    }
}

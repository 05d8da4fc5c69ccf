package org.opensearch.aiops.detector.metric;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.opensearch.aiops.detector.DetectorModel;
import org.opensearch.aiops.detector.DetectorSource;
import org.opensearch.aiops.detector.DetectorType;
import org.opensearch.aiops.engine.DjlEngine;

/**
 * The metric detector types (one per {@link MetricParams#TYPES}: metric_knn, metric_lof, metric_cblof, metric_ensemble,
 * metric_lstm): one {@link MetricModel} per entity.
 */
public final class MetricDetectorType implements DetectorType {

    private final String name;
    private final DjlEngine engine;

    private MetricDetectorType(String name, DjlEngine engine) {
        this.name = name;
        this.engine = engine;
    }

    /** @param engine the neural engine metric_lstm trains and scores with */
    public static List<DetectorType> all(DjlEngine engine) {
        return MetricParams.TYPES.stream().<DetectorType>map(type -> new MetricDetectorType(type, engine)).toList();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> params(Map<String, Object> given, DetectorSource source) {
        return MetricParams.parse(name, given).toMap();
    }

    @Override
    public int window(Map<String, Object> params) {
        return MetricParams.parse(name, params).rows();
    }

    @Override
    public int minTrainingRows(Map<String, Object> params) {
        MetricParams parsed = MetricParams.parse(name, params);
        return parsed.minTrainingWindows() + parsed.rows();
    }

    @Override
    public long estimateTrainingBytes(Map<String, Object> params, long rows, int fields) {
        MetricParams parsed = MetricParams.parse(name, params);
        long windows = Math.min(rows, parsed.maxWindows());
        // rows as read, standardised windows (twice for lstm: the vectors and the engine's input copy), and a neighbour
        // graph of about 32 links per window
        return rows * fields * 4L + windows * ((long) parsed.rows() * fields * 4L * 2 + 32 * 4 * 2);
    }

    @Override
    public DetectorModel train(Map<String, Object> params, float[][] rows, DoubleConsumer progress) {
        return new MetricDetectorModel(MetricModel.train(MetricParams.parse(name, params), rows, progress, engine));
    }

    @Override
    public DetectorModel read(byte[] bytes) {
        return new MetricDetectorModel(MetricModel.fromBytes(bytes, engine));
    }
}

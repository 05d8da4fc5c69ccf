package org.opensearch.aiops.detector.metric;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

import org.opensearch.aiops.detector.DetectorModel;
import org.opensearch.aiops.detector.DetectorSource;
import org.opensearch.aiops.detector.DetectorType;

/** The metric detector types (metric_knn, metric_lof, metric_cblof, metric_ensemble): one {@link MetricModel} per entity. */
public final class MetricDetectorType implements DetectorType {

    private final String name;

    private MetricDetectorType(String name) {
        this.name = name;
    }

    public static List<DetectorType> all() {
        return MetricParams.TYPES.stream().<DetectorType>map(MetricDetectorType::new).toList();
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
        return MetricParams.parse(name, params).window();
    }

    @Override
    public int minTrainingRows(Map<String, Object> params) {
        MetricParams parsed = MetricParams.parse(name, params);
        return parsed.minTrainingWindows() + parsed.window();
    }

    @Override
    public long estimateTrainingBytes(Map<String, Object> params, long rows, int fields) {
        MetricParams parsed = MetricParams.parse(name, params);
        long windows = Math.min(rows, parsed.maxWindows());
        // rows as read, standardised windows, and a neighbour graph of about 32 links per window
        return rows * fields * 4L + windows * ((long) parsed.window() * fields * 4L * 2 + 32 * 4 * 2);
    }

    @Override
    public DetectorModel train(Map<String, Object> params, float[][] rows, DoubleConsumer progress) {
        return new MetricDetectorModel(MetricModel.train(MetricParams.parse(name, params), rows, progress));
    }

    @Override
    public DetectorModel read(byte[] bytes) {
        return new MetricDetectorModel(MetricModel.fromBytes(bytes));
    }
}

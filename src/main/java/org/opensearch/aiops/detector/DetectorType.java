package org.opensearch.aiops.detector;

import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * One kind of detector (metric_knn, …): validates its own {@code params}, trains one model per entity from that
 * entity's time-ordered rows, and reads its models back from checkpoints.
 */
public interface DetectorType {

    String name();

    /** The complete params (defaults filled in); an error names the field, e.g. {@code [params.k]}. */
    Map<String, Object> params(Map<String, Object> given, DetectorSource source);

    /** Rows of history one score needs (the window ending at the scored point). */
    int window(Map<String, Object> params);

    /** Fewest rows an entity needs to be trained. */
    int minTrainingRows(Map<String, Object> params);

    /** Rough heap that training on {@code rows} rows of {@code fields} values takes, for the memory circuit breaker. */
    long estimateTrainingBytes(Map<String, Object> params, long rows, int fields);

    /** A model of one entity; {@code rows[t][f]} is field f at point t, oldest first. */
    DetectorModel train(Map<String, Object> params, float[][] rows, DoubleConsumer progress);

    DetectorModel read(byte[] bytes);
}

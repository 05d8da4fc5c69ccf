/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.opensearch.aiops.config.TimeRange;
import org.opensearch.aiops.detector.input.DetectorInput;
import org.opensearch.aiops.detector.input.DetectorSource;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.transport.client.Client;

/**
 * How the platform reads the units of a shared-model input (call events, sessions) for a range, and
 * turns a scored unit into a result document. Reads wait for the cluster: training and scoring call
 * them on their pools.
 *
 * @param <U> the unit
 */
public interface UnitInput<U> {

    /** Units read from a range, with the number of source documents behind them. */
    record Units<U>(List<U> units, long documents) {}

    /** The units of {@code range}, narrowed by {@code query} when not null, in time order. */
    Units<U> read(DetectorSource source, TimeRange range, QueryBuilder query);

    /** A unit's key within the detector: the same unit read again gets the same result id. */
    String key(U unit);

    /**
     * The entity a unit belongs to, for grouping results ({@code _all} when the input has none).
     */
    String entityKey(U unit);

    DetectorResult result(
            String detectorId,
            Detector detector,
            U unit,
            DetectorScore score,
            List<Contribution> contributions,
            double threshold,
            long now);

    /** The reader of {@code input}'s units. */
    static UnitInput<?> of(DetectorInput input, Client client, int pageSize) {
        return switch (input) {
            case SPANS -> new SpanUnits(client, pageSize);
            case SEQUENCES -> new SessionUnits(client, pageSize);
            case METRIC -> throw new IllegalArgumentException("metric input has no shared units");
        };
    }

    /** A short deterministic id: re-scoring a unit replaces its result. */
    static String resultId(String detectorId, String key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-1")
                            .digest((detectorId + '\u0000' + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

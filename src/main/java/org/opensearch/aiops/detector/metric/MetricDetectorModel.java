/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import org.opensearch.aiops.detector.DetectorModel;
import org.opensearch.aiops.detector.DetectorScore;
import org.opensearch.aiops.detector.ScoreSummary;
import org.opensearch.aiops.detector.ThresholdSpec;

/** A {@link MetricModel} as the detector platform sees it. */
final class MetricDetectorModel implements DetectorModel {

    private final MetricModel model;

    MetricDetectorModel(MetricModel model) {
        this.model = model;
    }

    @Override
    public int window() {
        return model.window();
    }

    @Override
    public DetectorScore score(float[][] rows) {
        MetricScore score = model.score(rows);
        return new DetectorScore(
                score.score(), score.score(), score.raw(), score.fieldContributions(), null);
    }

    @Override
    public Object newState() {
        return MetricModel.newState();
    }

    /**
     * The alarm score goes through the entity's onset state: one alarm per anomalous episode, at
     * its peak. The state names a peak when the next point's score is lower, so the alarm concerns
     * the previous window (lag 1).
     */
    @Override
    public DetectorScore score(float[][] rows, Object state) {
        if (!(state instanceof OnsetState onset)) {
            return score(rows);
        }
        MetricScore score = model.score(rows);
        return new DetectorScore(
                score.score(),
                onset.gate(score.score()),
                score.raw(),
                score.fieldContributions(),
                null,
                1);
    }

    @Override
    public double threshold(ThresholdSpec spec) {
        return model.trainingScores().threshold(spec.type(), spec.value());
    }

    @Override
    public ScoreSummary trainingScores() {
        ScoreDistribution scores = model.trainingScores();
        return new ScoreSummary(
                scores.count(),
                scores.mean(),
                scores.std(),
                scores.quantile(0.5),
                scores.quantile(0.99),
                scores.quantile(1.0),
                null);
    }

    @Override
    public long ramBytes() {
        return model.ramBytes();
    }

    @Override
    public byte[] toBytes() {
        return model.toBytes();
    }
}

package org.opensearch.aiops.detector;

/**
 * One scored window: {@code score} in [0, 1], the model's raw score, each feature field's share of it (same order as
 * the detector's fields), and the anomaly class for detectors that classify (null otherwise).
 */
public record DetectorScore(double score, double raw, double[] contributions, String anomalyClass) {}

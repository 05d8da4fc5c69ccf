package org.opensearch.aiops.detector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** How a score becomes an anomaly: above mean + n·σ of the training scores (default n = 3) or above a quantile of them. */
public record ThresholdSpec(String type, double value) {

    public static final ThresholdSpec DEFAULT = new ThresholdSpec("sigma", 3);
    static final Set<String> FIELDS = Set.of("type", "value");

    static ThresholdSpec read(ConfigFields threshold) {
        String type = threshold.optionalString("type", "sigma");
        switch (type) {
            case "sigma" -> {
                double n = threshold.optionalDouble("value", 3);
                if (n <= 0 || n > 20) {
                    throw new IllegalArgumentException("[" + threshold.name("value") + "] for a sigma threshold must be in (0, 20], got [" + n + "]");
                }
                return new ThresholdSpec(type, n);
            }
            case "quantile" -> {
                double q = threshold.optionalDouble("value", 0.99);
                if (q <= 0 || q >= 1) {
                    throw new IllegalArgumentException("[" + threshold.name("value") + "] for a quantile threshold must be in (0, 1), got [" + q + "]");
                }
                return new ThresholdSpec(type, q);
            }
            default -> throw new IllegalArgumentException("[" + threshold.name("type") + "] must be one of [sigma, quantile], got [" + type + "]");
        }
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.put("value", value);
        return map;
    }
}

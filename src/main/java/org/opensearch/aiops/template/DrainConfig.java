/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Options of the Drain parser, immutable, with explicit defaults. {@code masking} replaces the
 * default rules (as in Drain3); pass {@link DefaultMaskRules#RULES} plus your own to extend them.
 */
public final class DrainConfig {
    public static final double DEFAULT_SIMILARITY_THRESHOLD = 0.4;
    public static final int DEFAULT_DEPTH = 4;
    public static final int DEFAULT_MAX_CHILDREN = 100;
    public static final int DEFAULT_MAX_TEMPLATES = 10_000;
    public static final boolean DEFAULT_EXTRACT_PARAMETERS = true;

    public static final String SIMILARITY_THRESHOLD = "similarity_threshold";
    public static final String DEPTH = "depth";
    public static final String MAX_CHILDREN = "max_children";
    public static final String MAX_TEMPLATES = "max_templates";
    public static final String MASKING = "masking";
    public static final String EXTRACT_PARAMETERS = "extract_parameters";
    public static final Set<String> OPTIONS =
            Set.of(
                    SIMILARITY_THRESHOLD,
                    DEPTH,
                    MAX_CHILDREN,
                    MAX_TEMPLATES,
                    MASKING,
                    EXTRACT_PARAMETERS);

    private static final DrainConfig DEFAULTS =
            new DrainConfig(
                    DEFAULT_SIMILARITY_THRESHOLD,
                    DEFAULT_DEPTH,
                    DEFAULT_MAX_CHILDREN,
                    DEFAULT_MAX_TEMPLATES,
                    DefaultMaskRules.RULES,
                    DEFAULT_EXTRACT_PARAMETERS);

    private final double similarityThreshold;
    private final int depth;
    private final int maxChildren;
    private final int maxTemplates;
    private final List<MaskRule> masking;
    private final boolean extractParameters;
    private final int hash;

    private DrainConfig(
            double similarityThreshold,
            int depth,
            int maxChildren,
            int maxTemplates,
            List<MaskRule> masking,
            boolean extract) {
        if (!(similarityThreshold >= 0 && similarityThreshold <= 1)) {
            throw new IllegalArgumentException(
                    "["
                            + SIMILARITY_THRESHOLD
                            + "] must be between 0 and 1, got "
                            + similarityThreshold);
        }
        if (depth < 3 || depth > 16) {
            throw new IllegalArgumentException(
                    "[" + DEPTH + "] must be between 3 and 16, got " + depth);
        }
        if (maxChildren < 1) {
            throw new IllegalArgumentException(
                    "[" + MAX_CHILDREN + "] must be at least 1, got " + maxChildren);
        }
        if (maxTemplates < 1) {
            throw new IllegalArgumentException(
                    "[" + MAX_TEMPLATES + "] must be at least 1, got " + maxTemplates);
        }
        for (int i = 0; i < masking.size(); i++) {
            validateRule(i, masking.get(i));
        }
        this.similarityThreshold = similarityThreshold;
        this.depth = depth;
        this.maxChildren = maxChildren;
        this.maxTemplates = maxTemplates;
        this.masking = List.copyOf(masking);
        this.extractParameters = extract;
        // A map key looked up for every parsed line: hashed once.
        this.hash =
                java.util.Objects.hash(
                        similarityThreshold,
                        depth,
                        maxChildren,
                        maxTemplates,
                        this.masking,
                        extract);
    }

    public static DrainConfig defaults() {
        return DEFAULTS;
    }

    public DrainConfig similarityThreshold(double value) {
        return new DrainConfig(value, depth, maxChildren, maxTemplates, masking, extractParameters);
    }

    public DrainConfig depth(int value) {
        return new DrainConfig(
                similarityThreshold, value, maxChildren, maxTemplates, masking, extractParameters);
    }

    public DrainConfig maxChildren(int value) {
        return new DrainConfig(
                similarityThreshold, depth, value, maxTemplates, masking, extractParameters);
    }

    public DrainConfig maxTemplates(int value) {
        return new DrainConfig(
                similarityThreshold, depth, maxChildren, value, masking, extractParameters);
    }

    public DrainConfig masking(List<MaskRule> value) {
        return new DrainConfig(
                similarityThreshold, depth, maxChildren, maxTemplates, value, extractParameters);
    }

    public DrainConfig extractParameters(boolean value) {
        return new DrainConfig(
                similarityThreshold, depth, maxChildren, maxTemplates, masking, value);
    }

    public double similarityThreshold() {
        return similarityThreshold;
    }

    public int depth() {
        return depth;
    }

    public int maxChildren() {
        return maxChildren;
    }

    public int maxTemplates() {
        return maxTemplates;
    }

    public List<MaskRule> masking() {
        return masking;
    }

    public boolean extractParameters() {
        return extractParameters;
    }

    /**
     * Reads processor-style options ({@code similarity_threshold}, {@code depth}, {@code
     * max_children}, {@code max_templates}, {@code masking}: list of {regex, mask}, {@code
     * extract_parameters}); missing ones keep their defaults. Throws {@link
     * IllegalArgumentException} naming the offending option.
     */
    public static DrainConfig fromMap(Map<String, Object> options) {
        DrainConfig config = defaults();
        if (options == null) {
            return config;
        }
        for (String key : options.keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown option ["
                                + key
                                + "], expected one of "
                                + new java.util.TreeSet<>(OPTIONS));
            }
        }
        if (options.containsKey(SIMILARITY_THRESHOLD)) {
            config =
                    config.similarityThreshold(number(options, SIMILARITY_THRESHOLD).doubleValue());
        }
        if (options.containsKey(DEPTH)) {
            config = config.depth(integer(options, DEPTH));
        }
        if (options.containsKey(MAX_CHILDREN)) {
            config = config.maxChildren(integer(options, MAX_CHILDREN));
        }
        if (options.containsKey(MAX_TEMPLATES)) {
            config = config.maxTemplates(integer(options, MAX_TEMPLATES));
        }
        if (options.containsKey(MASKING)) {
            config = config.masking(maskRules(options.get(MASKING)));
        }
        if (options.containsKey(EXTRACT_PARAMETERS)) {
            Object value = options.get(EXTRACT_PARAMETERS);
            if (value instanceof Boolean b) {
                config = config.extractParameters(b);
            } else if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
                config = config.extractParameters(Boolean.parseBoolean(s));
            } else {
                throw new IllegalArgumentException(
                        "[" + EXTRACT_PARAMETERS + "] must be a boolean, got [" + value + "]");
            }
        }
        return config;
    }

    private static Number number(Map<String, Object> options, String key) {
        Object value = options.get(key);
        if (value instanceof Number n) {
            return n;
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                // falls through to the error naming the option
            }
        }
        throw new IllegalArgumentException("[" + key + "] must be a number, got [" + value + "]");
    }

    private static int integer(Map<String, Object> options, String key) {
        Number n = number(options, key);
        double d = n.doubleValue();
        if (d != Math.rint(d) || d > Integer.MAX_VALUE || d < Integer.MIN_VALUE) {
            throw new IllegalArgumentException(
                    "[" + key + "] must be an integer, got [" + options.get(key) + "]");
        }
        return (int) d;
    }

    private static List<MaskRule> maskRules(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(
                    "["
                            + MASKING
                            + "] must be a list of {regex, mask} objects, got ["
                            + value
                            + "]");
        }
        List<MaskRule> rules = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String where = "[" + MASKING + "][" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException(
                        where
                                + " must be an object with [regex] and [mask], got ["
                                + list.get(i)
                                + "]");
            }
            for (Object k : entry.keySet()) {
                if (!"regex".equals(k) && !"mask".equals(k)) {
                    throw new IllegalArgumentException(
                            where + " has unknown field [" + k + "], expected [regex] and [mask]");
                }
            }
            if (!(entry.get("regex") instanceof String regex) || regex.isEmpty()) {
                throw new IllegalArgumentException(where + ".regex must be a non-empty string");
            }
            if (!(entry.get("mask") instanceof String mask)) {
                throw new IllegalArgumentException(where + ".mask must be a string");
            }
            MaskRule rule = new MaskRule(regex, mask);
            validateRule(i, rule);
            rules.add(rule);
        }
        return rules;
    }

    private static void validateRule(int index, MaskRule rule) {
        String where = "[" + MASKING + "][" + index + "]";
        try {
            Pattern.compile(rule.regex());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    where + ".regex is not a valid regex: " + e.getDescription(), e);
        }
        if (!rule.mask().matches("[A-Za-z0-9_*]{1,32}")) {
            throw new IllegalArgumentException(
                    where
                            + ".mask must be 1 to 32 letters, digits, '_' or '*', got ["
                            + rule.mask()
                            + "]");
        }
    }

    /**
     * Equal when every option is: the template service keeps one parser per namespace and distinct
     * configuration.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof DrainConfig that
                && Double.compare(similarityThreshold, that.similarityThreshold) == 0
                && depth == that.depth
                && maxChildren == that.maxChildren
                && maxTemplates == that.maxTemplates
                && masking.equals(that.masking)
                && extractParameters == that.extractParameters;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "DrainConfig{similarity_threshold="
                + similarityThreshold
                + ", depth="
                + depth
                + ", max_children="
                + maxChildren
                + ", max_templates="
                + maxTemplates
                + ", masking="
                + masking.size()
                + " rules, extract_parameters="
                + extractParameters
                + "}";
    }
}

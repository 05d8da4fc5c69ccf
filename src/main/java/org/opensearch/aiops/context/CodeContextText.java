/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opensearch.aiops.template.DefaultMaskRules;

/**
 * The canonical text of what code a span ran, e.g. {@code OrderController.createOrder(OrderRequest)
 * returns Response<Order>}: from OpenTelemetry code attributes in the tags, else from span log
 * events that carry them, else from the operation name. Values that vary per call (ids, numbers,
 * timestamps) are masked as in log templates, so one code path always yields one text.
 */
public final class CodeContextText {

    public static final String NAMESPACE = "code.namespace";
    public static final String FUNCTION = "code.function";

    /** Longest text kept: the embedding model reads at most 256 tokens anyway. */
    static final int MAX_CHARS = 2_000;

    private static final List<Map.Entry<Pattern, String>> MASKS =
            DefaultMaskRules.RULES.stream()
                    .map(
                            rule ->
                                    Map.entry(
                                            Pattern.compile(rule.regex()),
                                            Matcher.quoteReplacement(rule.token())))
                    .toList();

    /** Where the text came from; {@code operation} is the documented fallback. */
    public enum Source {
        TAGS,
        LOGS,
        OPERATION
    }

    public record CodeContext(String text, String hash, Source source) {}

    private final String parametersKey;
    private final String returnKey;

    public CodeContextText(String parametersKey, String returnKey) {
        this.parametersKey = parametersKey;
        this.returnKey = returnKey;
    }

    /**
     * @throws IllegalArgumentException when the span has neither code attributes nor an operation
     *     name
     */
    public CodeContext of(Map<String, Object> span) {
        Map<String, String> tags = SpanTags.of(span);
        if (tags.containsKey(FUNCTION) || tags.containsKey(NAMESPACE)) {
            return context(fromAttributes(tags), Source.TAGS);
        }
        for (Map<String, String> event : SpanTags.logEvents(span)) {
            if (event.containsKey(FUNCTION) || event.containsKey(NAMESPACE)) {
                return context(fromAttributes(event), Source.LOGS);
            }
        }
        Object operation = span.get("operationName");
        if (operation instanceof String name && name.isBlank() == false) {
            return context(
                    name.trim(),
                    Source.OPERATION); // e.g. FilteringWebHandler.handle: already class.method
        }
        throw new IllegalArgumentException(
                "span has no code context: no ["
                        + NAMESPACE
                        + "]/["
                        + FUNCTION
                        + "] tags or log fields and no [operationName]");
    }

    private String fromAttributes(Map<String, String> attributes) {
        StringBuilder text = new StringBuilder();
        String namespace = attributes.get(NAMESPACE);
        String function = attributes.get(FUNCTION);
        if (namespace != null) {
            text.append(namespace.trim());
        }
        if (function != null) {
            text.append(text.length() > 0 ? "." : "").append(function.trim());
        }
        text.append('(').append(attributes.getOrDefault(parametersKey, "").trim()).append(')');
        String returned = attributes.get(returnKey);
        if (returned != null && returned.isBlank() == false) {
            text.append(" returns ").append(returned.trim());
        }
        return text.toString();
    }

    private static CodeContext context(String raw, Source source) {
        // Cut before masking too, so that a megabyte of return value costs no more than a normal
        // one.
        String text = mask(raw.length() > 2 * MAX_CHARS ? raw.substring(0, 2 * MAX_CHARS) : raw);
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
        }
        return new CodeContext(text, hash(text), source);
    }

    static String mask(String text) {
        if (mayHoldMaskedValue(text) == false) {
            return text; // most code paths (Class.method(Type)) have nothing to mask: skip eleven
            // regex passes
        }
        String masked = text;
        for (Map.Entry<Pattern, String> mask : MASKS) {
            masked = mask.getKey().matcher(masked).replaceAll(mask.getValue());
        }
        return masked;
    }

    /**
     * Every default mask needs one of these characters: a digit (numbers, IPv4, dates, times, hex
     * ids), {@code /} (paths, URLs), {@code @} (e-mail), {@code :} (IPv6, URLs, times) or {@code -}
     * (UUIDs).
     */
    static boolean mayHoldMaskedValue(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || c == '/' || c == '@' || c == ':' || c == '-') {
                return true;
            }
        }
        return false;
    }

    /** 16 hex chars of SHA-1: the id of the context's document and the embedding cache key. */
    public static String hash(String text) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-1")
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

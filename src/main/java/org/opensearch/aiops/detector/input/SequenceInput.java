/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.opensearch.aiops.config.ConfigParser;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.QueryBuilder;

/**
 * Where and how a {@code sequences} detector reads log documents carrying the {@code log_template}
 * output, and how it groups their template ids into sessions (see {@link SessionBuilder}). Exactly
 * one grouping is set: {@code session_field} (a field's value), {@code session_pattern} (every
 * distinct match of a regex in {@code session_pattern_field}) or {@code window} (sliding time
 * windows per entity, moved by {@code step}).
 *
 * @param sessionTimeout for the two keyed groupings: a session closes after this long without
 *     events; null for windows
 * @param maxSessionEvents a session reaching this many events closes (the next event of its key
 *     starts another), so a key that never goes idle cannot grow without bound
 */
public record SequenceInput(
        List<String> indices,
        String timeField,
        String templateField,
        String sessionField,
        String sessionPattern,
        String sessionPatternField,
        TimeValue window,
        TimeValue step,
        List<String> entityFields,
        TimeValue sessionTimeout,
        int maxSessionEvents,
        QueryBuilder filter)
        implements DetectorSource {

    public static final String INDICES = "indices";
    public static final String TIME_FIELD = "time_field";
    public static final String TEMPLATE_FIELD = "template_field";
    public static final String SESSION_FIELD = "session_field";
    public static final String SESSION_PATTERN = "session_pattern";
    public static final String SESSION_PATTERN_FIELD = "session_pattern_field";
    public static final String WINDOW = "window";
    public static final String STEP = "step";
    public static final String ENTITY_FIELDS = "entity_fields";
    public static final String SESSION_TIMEOUT = "session_timeout";
    public static final String MAX_SESSION_EVENTS = "max_session_events";
    public static final String FILTER = "filter";
    private static final Set<String> FIELDS =
            Set.of(
                    INDICES,
                    TIME_FIELD,
                    TEMPLATE_FIELD,
                    SESSION_FIELD,
                    SESSION_PATTERN,
                    SESSION_PATTERN_FIELD,
                    WINDOW,
                    STEP,
                    ENTITY_FIELDS,
                    SESSION_TIMEOUT,
                    MAX_SESSION_EVENTS,
                    FILTER);

    public static final String DEFAULT_TIME_FIELD = "@timestamp";
    public static final String DEFAULT_TEMPLATE_FIELD = "log_template.id";

    /**
     * The raw line (the {@code log_template} processor's default input). Template parameters hold
     * only what a mask replaced: for {@code blk_-123} the number mask keeps {@code -123}, so a
     * {@code blk_} regex must see the line.
     */
    public static final String DEFAULT_SESSION_PATTERN_FIELD = "message";

    public static final TimeValue DEFAULT_SESSION_TIMEOUT = TimeValue.timeValueMinutes(10);
    public static final int DEFAULT_MAX_SESSION_EVENTS = 10_000;
    public static final int MAX_ENTITY_FIELDS = 5;

    /** Bounds the windows one event joins (window / step), hence memory per event. */
    public static final int MAX_WINDOWS_PER_EVENT = 100;

    private static final TimeValue MIN_TIME = TimeValue.timeValueSeconds(1);
    private static final TimeValue MAX_WINDOW = TimeValue.timeValueDays(1);
    private static final TimeValue MAX_TIMEOUT = TimeValue.timeValueDays(7);

    public SequenceInput {
        indices = List.copyOf(indices);
        entityFields = List.copyOf(entityFields);
        Objects.requireNonNull(timeField, TIME_FIELD);
        Objects.requireNonNull(templateField, TEMPLATE_FIELD);
        if (maxSessionEvents < 2) {
            throw new IllegalArgumentException(
                    "[" + MAX_SESSION_EVENTS + "] must be at least 2, got " + maxSessionEvents);
        }
    }

    /**
     * Whether sessions are sliding time windows per entity (else keyed by a field or a pattern).
     */
    public boolean windowed() {
        return window != null;
    }

    /** The compiled {@code session_pattern}, or null. */
    Pattern compiledPattern() {
        return sessionPattern == null ? null : Pattern.compile(sessionPattern);
    }

    /**
     * Parses the object the parser is on (or starts); {@code path} prefixes field names in errors,
     * e.g. {@code source}.
     */
    public static SequenceInput parse(XContentParser parser, String path) throws IOException {
        ConfigParser in = ConfigParser.start(parser, path);
        List<String> indices = null;
        String timeField = DEFAULT_TIME_FIELD;
        String templateField = DEFAULT_TEMPLATE_FIELD;
        String sessionField = null;
        String sessionPattern = null;
        String sessionPatternField = null;
        TimeValue window = null;
        TimeValue step = null;
        List<String> entityFields = List.of();
        TimeValue sessionTimeout = null;
        int maxSessionEvents = DEFAULT_MAX_SESSION_EVENTS;
        QueryBuilder filter = null;
        for (String field = in.nextField(FIELDS); field != null; field = in.nextField(FIELDS)) {
            switch (field) {
                case INDICES -> indices = in.strings(field);
                case TIME_FIELD -> timeField = in.string(field);
                case TEMPLATE_FIELD -> templateField = in.string(field);
                case SESSION_FIELD -> sessionField = in.string(field);
                case SESSION_PATTERN -> sessionPattern = in.string(field);
                case SESSION_PATTERN_FIELD -> sessionPatternField = in.string(field);
                case WINDOW -> window = in.duration(field, MIN_TIME, MAX_WINDOW);
                case STEP -> step = in.duration(field, MIN_TIME, MAX_WINDOW);
                case ENTITY_FIELDS -> entityFields = in.strings(field);
                case SESSION_TIMEOUT -> sessionTimeout = in.duration(field, MIN_TIME, MAX_TIMEOUT);
                case MAX_SESSION_EVENTS -> maxSessionEvents = in.integer(field, 2, 1_000_000);
                case FILTER -> filter = in.query(field);
                default -> throw new AssertionError(field);
            }
        }
        if (indices == null || indices.isEmpty()) {
            throw new IllegalArgumentException(
                    "[" + in.name(INDICES) + "] is required: the log indices or patterns to read");
        }
        if (entityFields.size() > MAX_ENTITY_FIELDS) {
            throw new IllegalArgumentException(
                    "["
                            + in.name(ENTITY_FIELDS)
                            + "] takes at most "
                            + MAX_ENTITY_FIELDS
                            + " fields");
        }
        int groupings =
                (sessionField != null ? 1 : 0)
                        + (sessionPattern != null ? 1 : 0)
                        + (window != null ? 1 : 0);
        if (groupings != 1) {
            throw new IllegalArgumentException(
                    "["
                            + path
                            + "] needs exactly one of ["
                            + in.name(SESSION_FIELD)
                            + "], ["
                            + in.name(SESSION_PATTERN)
                            + "] or ["
                            + in.name(WINDOW)
                            + "] to group events into sessions, got "
                            + groupings);
        }
        if (sessionPattern != null) {
            try {
                Pattern.compile(sessionPattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "["
                                + in.name(SESSION_PATTERN)
                                + "] is not a valid regular expression: "
                                + e.getDescription());
            }
            sessionPatternField =
                    sessionPatternField == null
                            ? DEFAULT_SESSION_PATTERN_FIELD
                            : sessionPatternField;
        } else if (sessionPatternField != null) {
            throw new IllegalArgumentException(
                    "["
                            + in.name(SESSION_PATTERN_FIELD)
                            + "] applies only with ["
                            + in.name(SESSION_PATTERN)
                            + "]");
        }
        if (window != null) {
            if (sessionTimeout != null) {
                throw new IllegalArgumentException(
                        "["
                                + in.name(SESSION_TIMEOUT)
                                + "] applies to ["
                                + in.name(SESSION_FIELD)
                                + "] and ["
                                + in.name(SESSION_PATTERN)
                                + "] sessions; a window closes at its end");
            }
            step = step == null ? window : step;
            if (step.millis() > window.millis()) {
                throw new IllegalArgumentException(
                        "["
                                + in.name(STEP)
                                + "] must not exceed ["
                                + in.name(WINDOW)
                                + "]: events between windows would be lost");
            }
            if (window.millis() > step.millis() * MAX_WINDOWS_PER_EVENT) {
                throw new IllegalArgumentException(
                        "["
                                + in.name(STEP)
                                + "] must be at least ["
                                + in.name(WINDOW)
                                + "] / "
                                + MAX_WINDOWS_PER_EVENT
                                + " (each event joins window / step windows)");
            }
        } else {
            if (step != null) {
                throw new IllegalArgumentException(
                        "[" + in.name(STEP) + "] applies only with [" + in.name(WINDOW) + "]");
            }
            sessionTimeout = sessionTimeout == null ? DEFAULT_SESSION_TIMEOUT : sessionTimeout;
        }
        return new SequenceInput(
                indices,
                timeField,
                templateField,
                sessionField,
                sessionPattern,
                sessionPatternField,
                window,
                step,
                entityFields,
                sessionTimeout,
                maxSessionEvents,
                filter);
    }

    public SequenceInput(StreamInput in) throws IOException {
        this(
                in.readStringList(),
                in.readString(),
                in.readString(),
                in.readOptionalString(),
                in.readOptionalString(),
                in.readOptionalString(),
                in.readOptionalTimeValue(),
                in.readOptionalTimeValue(),
                in.readStringList(),
                in.readOptionalTimeValue(),
                in.readVInt(),
                in.readOptionalNamedWriteable(QueryBuilder.class));
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeStringCollection(indices);
        out.writeString(timeField);
        out.writeString(templateField);
        out.writeOptionalString(sessionField);
        out.writeOptionalString(sessionPattern);
        out.writeOptionalString(sessionPatternField);
        out.writeOptionalTimeValue(window);
        out.writeOptionalTimeValue(step);
        out.writeStringCollection(entityFields);
        out.writeOptionalTimeValue(sessionTimeout);
        out.writeVInt(maxSessionEvents);
        out.writeOptionalNamedWriteable(filter);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject();
        builder.field(INDICES, indices);
        builder.field(TIME_FIELD, timeField);
        builder.field(TEMPLATE_FIELD, templateField);
        optional(builder, SESSION_FIELD, sessionField);
        optional(builder, SESSION_PATTERN, sessionPattern);
        optional(builder, SESSION_PATTERN_FIELD, sessionPatternField);
        optional(builder, WINDOW, window == null ? null : window.getStringRep());
        optional(builder, STEP, step == null ? null : step.getStringRep());
        builder.field(ENTITY_FIELDS, entityFields);
        optional(
                builder,
                SESSION_TIMEOUT,
                sessionTimeout == null ? null : sessionTimeout.getStringRep());
        builder.field(MAX_SESSION_EVENTS, maxSessionEvents);
        if (filter != null) {
            builder.field(FILTER, filter);
        }
        return builder.endObject();
    }

    private static void optional(XContentBuilder builder, String field, String value)
            throws IOException {
        if (value != null) {
            builder.field(field, value);
        }
    }

    @Override
    public DetectorInput input() {
        return DetectorInput.SEQUENCES;
    }

    @Override
    public List<String> numericFields() {
        return List.of();
    }

    /**
     * This source reading only what {@code query} also matches (training's query), or itself when
     * null.
     */
    public SequenceInput withQuery(QueryBuilder query) {
        if (query == null) {
            return this;
        }
        QueryBuilder narrowed = DetectorSource.narrow(filter, query);
        return new SequenceInput(
                indices,
                timeField,
                templateField,
                sessionField,
                sessionPattern,
                sessionPatternField,
                window,
                step,
                entityFields,
                sessionTimeout,
                maxSessionEvents,
                narrowed);
    }
}

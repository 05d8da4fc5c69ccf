/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opensearch.common.xcontent.support.XContentMapValues;

/**
 * Groups log documents' template ids into sessions, keeping open sessions between calls so a
 * real-time scorer can carry them from one job run to the next. Not thread-safe: one builder per
 * detector run chain.
 *
 * <ul>
 *   <li>{@code session_field}: one session per distinct value (each value of an array field) and
 *       entity.
 *   <li>{@code session_pattern}: one session per distinct match in the pattern field (group 1 if
 *       the regex has a group, else the whole match): a line naming two blocks belongs to both, as
 *       DeepLog's HDFS preprocessing does; a line naming one block twice joins it once.
 *   <li>{@code window}: time windows per entity, aligned on multiples of {@code step} since the
 *       epoch, so each event joins window / step of them. Time rather than event counts: a window
 *       then closes at a known time whatever the entity's log rate (a count window of a quiet node
 *       could stay open for days), and windows line up with metric windows and across entities; the
 *       sequence model still slides over events inside each window.
 * </ul>
 *
 * Keyed sessions close after {@code session_timeout} without events: when {@link #closeIdle} is
 * called, or when an event arrives later than that (it starts the next session of that key). Events
 * reaching a session out of order are put in time order when it closes (ties in arrival order). A
 * session reaching {@code max_session_events} closes at once; the next event of its key starts
 * another.
 */
public final class SessionBuilder {

    private static final String MISSING = "_missing";

    private final SequenceInput input;
    private final Pattern pattern;
    private final long timeout;
    private final Map<String, OpenSession> open = new LinkedHashMap<>();
    private final List<TemplateSession> closed = new ArrayList<>();
    private long closedUpTo = Long.MIN_VALUE;
    private long arrivals;
    private long documents, events, missingTemplate, missingSession, late, full, sessions;

    public SessionBuilder(SequenceInput input) {
        this.input = input;
        this.pattern = input.compiledPattern();
        this.timeout =
                input.sessionTimeout() == null ? Long.MAX_VALUE : input.sessionTimeout().millis();
    }

    /**
     * Adds one log document ({@code source} is its {@code _source}); documents without a template
     * or key are counted.
     */
    public void add(DocumentRef document, long timeMillis, Map<String, Object> source) {
        documents++;
        String templateId = single(XContentMapValues.extractValue(input.templateField(), source));
        if (templateId == null) {
            missingTemplate++;
            return;
        }
        Map<String, String> entity = entity(source);
        String entityKey = String.join("\u0001", entity.values());
        Event event = new Event(timeMillis, arrivals++, templateId, document);
        if (input.windowed()) {
            addToWindows(entityKey, entity, event);
            return;
        }
        Set<String> keys = keys(source);
        if (keys.isEmpty()) {
            missingSession++;
            return;
        }
        for (String key : keys) {
            String openKey = entityKey + "\u0000" + key;
            OpenSession session = open.get(openKey);
            if (session != null && timeMillis - session.lastTime >= timeout) {
                close(open.remove(openKey));
                session = null;
            }
            if (session == null) {
                session = new OpenSession(key, entity, Long.MAX_VALUE);
                open.put(openKey, session);
            }
            add(openKey, session, event);
        }
    }

    /**
     * Closes the keyed sessions idle for at least {@code session_timeout} at {@code nowMillis} and
     * the windows ending at or before it, and returns them with any closed since the last call,
     * oldest first.
     */
    public List<TemplateSession> closeIdle(long nowMillis) {
        closedUpTo = Math.max(closedUpTo, nowMillis);
        for (Iterator<OpenSession> it = open.values().iterator(); it.hasNext(); ) {
            OpenSession session = it.next();
            boolean done =
                    input.windowed()
                            ? session.windowEnd <= nowMillis
                            : nowMillis - session.lastTime >= timeout;
            if (done) {
                it.remove();
                close(session);
            }
        }
        return drain();
    }

    /**
     * Closes every open session (the end of a historical range) and returns them with any closed
     * before.
     */
    public List<TemplateSession> closeAll() {
        open.values().forEach(this::close);
        open.clear();
        return drain();
    }

    public int openSessions() {
        return open.size();
    }

    public SessionCounts counts() {
        return new SessionCounts(
                documents, events, missingTemplate, missingSession, late, full, sessions);
    }

    private void addToWindows(String entityKey, Map<String, String> entity, Event event) {
        long window = input.window().millis();
        long step = input.step().millis();
        boolean joined = false;
        // windows [s, s + window) with s a multiple of step and s <= time < s + window
        for (long start = Math.floorDiv(event.time, step) * step;
                start > event.time - window;
                start -= step) {
            if (start + window <= closedUpTo) {
                continue;
            }
            long windowStart = start;
            String openKey = entityKey + "\u0000" + start;
            OpenSession session =
                    open.computeIfAbsent(
                            openKey,
                            k ->
                                    new OpenSession(
                                            Instant.ofEpochMilli(windowStart).toString(),
                                            entity,
                                            windowStart + window));
            add(openKey, session, event);
            joined = true;
        }
        if (joined == false) {
            late++;
        }
    }

    private void add(String openKey, OpenSession session, Event event) {
        session.add(event);
        events++;
        if (session.events.size() >= input.maxSessionEvents()) {
            close(open.remove(openKey));
            full++;
        }
    }

    private Set<String> keys(Map<String, Object> source) {
        Set<String> keys = new LinkedHashSet<>();
        String field = pattern == null ? input.sessionField() : input.sessionPatternField();
        for (Object value : values(XContentMapValues.extractValue(field, source))) {
            if (pattern == null) {
                keys.add(value.toString());
                continue;
            }
            Matcher matcher = pattern.matcher(value.toString());
            while (matcher.find()) {
                String match = matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
                if (match != null && match.isEmpty() == false) {
                    keys.add(match);
                }
            }
        }
        keys.remove("");
        return keys;
    }

    private Map<String, String> entity(Map<String, Object> source) {
        Map<String, String> entity = new TreeMap<>();
        for (String field : input.entityFields()) {
            String value = single(XContentMapValues.extractValue(field, source));
            entity.put(field, value == null ? MISSING : value);
        }
        return entity;
    }

    private void close(OpenSession session) {
        closed.add(session.toSession());
        sessions++;
    }

    private List<TemplateSession> drain() {
        List<TemplateSession> out = new ArrayList<>(closed);
        closed.clear();
        out.sort(
                Comparator.comparingLong(TemplateSession::start)
                        .thenComparing(TemplateSession::key));
        return out;
    }

    private static List<Object> values(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(v -> v != null).map(v -> (Object) v).toList();
        }
        return List.of(value);
    }

    /** A scalar, or the one element of a one-element array, as a non-empty string; else null. */
    private static String single(Object value) {
        if (value instanceof List<?> list) {
            value = list.size() == 1 ? list.get(0) : null;
        }
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            return null;
        }
        String text = value.toString();
        return text.isEmpty() ? null : text;
    }

    private record Event(long time, long arrival, String templateId, DocumentRef document) {}

    private static final class OpenSession {
        final String key;
        final Map<String, String> entity;
        final long windowEnd;
        final List<Event> events = new ArrayList<>();
        long lastTime = Long.MIN_VALUE;

        OpenSession(String key, Map<String, String> entity, long windowEnd) {
            this.key = key;
            this.entity = entity;
            this.windowEnd = windowEnd;
        }

        void add(Event event) {
            events.add(event);
            lastTime = Math.max(lastTime, event.time);
        }

        TemplateSession toSession() {
            events.sort(Comparator.comparingLong(Event::time).thenComparingLong(Event::arrival));
            long[] times = new long[events.size()];
            List<String> templates = new ArrayList<>(events.size());
            List<DocumentRef> documents = new ArrayList<>(events.size());
            for (int i = 0; i < times.length; i++) {
                Event event = events.get(i);
                times[i] = event.time;
                templates.add(event.templateId);
                documents.add(event.document);
            }
            return new TemplateSession(key, entity, templates, times, documents);
        }
    }
}

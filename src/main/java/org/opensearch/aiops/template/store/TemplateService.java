/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.opensearch.aiops.template.DrainConfig;
import org.opensearch.aiops.template.DrainParser;
import org.opensearch.aiops.template.LogTemplate;
import org.opensearch.aiops.template.ParseResult;
import org.opensearch.aiops.template.TemplateChange;

/**
 * This node's live Drain state: per namespace one parser for each distinct configuration that
 * processors parse it with, the activity not yet flushed to the templates index, and counters for
 * stats. A namespace's templates are shared by its parsers (a new configuration starts from them,
 * and the sync restores every stored template into each), while each line is parsed with the
 * options of the pipeline it came through: a pipeline updated with new options, or two pipelines
 * writing one namespace, get exactly what they ask for, on every node and after restarts. Memory is
 * bounded three times: each parser keeps at most {@code max_templates} (LRU), a namespace keeps the
 * {@link #MAX_CONFIGURATIONS} most recently used configurations, and when all namespaces together
 * exceed the global cap the least recently used namespaces leave memory (their templates stay in
 * the index and come back through the sync).
 */
public final class TemplateService {

    /**
     * Configurations a namespace keeps parsers for; beyond, the least recently used (a pipeline's
     * old options) leaves.
     */
    static final int MAX_CONFIGURATIONS = 4;

    private final ConcurrentHashMap<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, TemplateActivity> activity = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private volatile int maxTotalTemplates;

    private final LongAdder parsed = new LongAdder();
    private final LongAdder created = new LongAdder();
    private final LongAdder updated = new LongAdder();
    private final AtomicLong namespaceEvictions = new AtomicLong();

    /**
     * A namespace's parsers by configuration (immutable; replaced as a whole); {@code configured}
     * once a processor has parsed into it, before that the one parser is the sync's, with defaults.
     */
    private record Namespace(
            Map<DrainConfig, Parser> parsers, boolean configured, AtomicLong lastUsed) {
        List<LogTemplate> templates() {
            List<LogTemplate> all = new ArrayList<>();
            for (Parser parser : parsers.values()) {
                all.addAll(parser.drain().templates());
            }
            return all;
        }

        int size() {
            int size = 0;
            for (Parser parser : parsers.values()) {
                size += parser.drain().size();
            }
            return size;
        }
    }

    private record Parser(DrainParser drain, AtomicLong lastUsed) {}

    public TemplateService(LongSupplier clock, int maxTotalTemplates) {
        this.clock = clock;
        this.maxTotalTemplates = maxTotalTemplates;
    }

    /** Dynamic: a lower cap evicts namespaces now, not at the next new template. */
    public void setMaxTotalTemplates(int maxTotalTemplates) {
        this.maxTotalTemplates = maxTotalTemplates;
        enforceGlobalCap(null);
    }

    /**
     * Parses one line in a namespace, learning from it, and records the activity for the next
     * flush.
     */
    public ParseResult parse(String namespace, DrainConfig config, String line) {
        Parser parser = parserFor(namespace, config);
        ParseResult result = parser.drain().parse(line);
        long now = clock.getAsLong();
        parser.lastUsed().set(now);
        Namespace state = namespaces.get(namespace);
        if (state != null) {
            state.lastUsed().set(now);
        }
        parsed.increment();
        activity.compute(
                result.id(),
                (id, current) -> {
                    TemplateActivity entry =
                            current != null
                                    ? current
                                    : new TemplateActivity(
                                            namespace, id, result.template(), now, line);
                    entry.record(result.template(), now);
                    return entry;
                });
        if (result.change() == TemplateChange.CREATED) {
            created.increment();
            enforceGlobalCap(namespace);
        } else if (result.change() == TemplateChange.UPDATED) {
            updated.increment();
        }
        return result;
    }

    /**
     * Parses lines with a throwaway copy of the namespace's current templates: nothing is learned
     * or stored.
     */
    public List<ParseResult> dryRun(String namespace, DrainConfig config, List<String> lines) {
        DrainParser scratch = new DrainParser(namespace, config);
        Namespace state = namespaces.get(namespace);
        if (state != null) {
            restoreAll(scratch, state.templates());
        }
        List<ParseResult> results = new ArrayList<>(lines.size());
        for (String line : lines) {
            results.add(scratch.parse(line));
        }
        return results;
    }

    /**
     * A template from the index (written by any node): merged into each of the namespace's parsers.
     */
    public void restore(String namespace, String id, String template, long count) {
        Namespace state =
                namespaces.computeIfAbsent(
                        namespace,
                        ns ->
                                new Namespace(
                                        Map.of(
                                                DrainConfig.defaults(),
                                                newParser(ns, DrainConfig.defaults(), List.of())),
                                        false,
                                        new AtomicLong(clock.getAsLong())));
        for (Parser parser : state.parsers().values()) {
            parser.drain().restore(id, template, count);
        }
    }

    /** Drops a namespace from memory, with its unflushed activity. */
    public void forget(String namespace) {
        namespaces.remove(namespace);
        activity.values().removeIf(entry -> entry.namespace.equals(namespace));
    }

    /** Takes all unflushed activity; what fails to flush comes back through {@link #putBack}. */
    List<TemplateActivity> drainActivity() {
        List<TemplateActivity> drained = new ArrayList<>();
        for (String id : new ArrayList<>(activity.keySet())) {
            TemplateActivity entry = activity.remove(id);
            if (entry != null) {
                drained.add(entry);
            }
        }
        return drained;
    }

    void putBack(List<TemplateActivity> failed) {
        for (TemplateActivity entry : failed) {
            activity.merge(
                    entry.id,
                    entry,
                    (current, back) -> {
                        current.absorb(back);
                        return current;
                    });
        }
    }

    public Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("namespaces", namespaces.size());
        stats.put("templates", totalTemplates());
        stats.put("max_total_templates", maxTotalTemplates);
        stats.put("lines_parsed", parsed.sum());
        stats.put("templates_created", created.sum());
        stats.put("templates_updated", updated.sum());
        stats.put("namespace_evictions", namespaceEvictions.get());
        stats.put("unflushed_templates", activity.size());
        Map<String, Object> perNamespace = new LinkedHashMap<>();
        namespaces.forEach(
                (name, state) -> {
                    int aliases = 0;
                    for (Parser parser : state.parsers().values()) {
                        aliases += parser.drain().aliases().size();
                    }
                    perNamespace.put(
                            name,
                            Map.of(
                                    "templates",
                                    state.size(),
                                    "aliases",
                                    aliases,
                                    "configurations",
                                    state.parsers().size()));
                });
        stats.put("by_namespace", perNamespace);
        return stats;
    }

    public List<String> namespaceNames() {
        return new ArrayList<>(namespaces.keySet());
    }

    private Parser parserFor(String namespace, DrainConfig config) {
        Namespace state = namespaces.get(namespace);
        Parser parser = state != null && state.configured() ? state.parsers().get(config) : null;
        if (parser != null) {
            return parser;
        }
        // A configuration new to this namespace (first use, a sync-made parser with defaults, an
        // updated pipeline,
        // a second pipeline): a parser of its own that starts from every template the namespace
        // has.
        return namespaces
                .compute(
                        namespace,
                        (ns, current) -> {
                            if (current != null
                                    && current.configured()
                                    && current.parsers().containsKey(config)) {
                                return current;
                            }
                            Map<DrainConfig, Parser> parsers = new java.util.HashMap<>();
                            if (current != null && current.configured()) {
                                parsers.putAll(current.parsers());
                                if (parsers.size() >= MAX_CONFIGURATIONS) {
                                    parsers.values().stream()
                                            .min(Comparator.comparingLong(p -> p.lastUsed().get()))
                                            .ifPresent(p -> parsers.remove(p.drain().config()));
                                }
                            }
                            parsers.put(
                                    config,
                                    newParser(
                                            ns,
                                            config,
                                            current == null ? List.of() : current.templates()));
                            return new Namespace(
                                    Map.copyOf(parsers),
                                    true,
                                    current == null
                                            ? new AtomicLong(clock.getAsLong())
                                            : current.lastUsed());
                        })
                .parsers()
                .get(config);
    }

    private Parser newParser(String namespace, DrainConfig config, List<LogTemplate> templates) {
        DrainParser parser = new DrainParser(namespace, config);
        restoreAll(parser, templates);
        return new Parser(parser, new AtomicLong(clock.getAsLong()));
    }

    private static void restoreAll(DrainParser parser, List<LogTemplate> templates) {
        for (LogTemplate template : templates) {
            parser.restore(template.id(), template.template(), template.count());
        }
    }

    private int totalTemplates() {
        int total = 0;
        for (Namespace state : namespaces.values()) {
            total += state.size();
        }
        return total;
    }

    private void enforceGlobalCap(String keep) {
        if (totalTemplates() <= maxTotalTemplates) {
            return;
        }
        List<Map.Entry<String, Namespace>> byAge = new ArrayList<>(namespaces.entrySet());
        byAge.sort(Comparator.comparingLong(e -> e.getValue().lastUsed().get()));
        for (Map.Entry<String, Namespace> oldest : byAge) {
            if (totalTemplates() <= maxTotalTemplates) {
                return;
            }
            if (oldest.getKey().equals(keep) == false
                    && namespaces.remove(oldest.getKey(), oldest.getValue())) {
                namespaceEvictions.incrementAndGet();
            }
        }
    }
}

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
 * This node's live Drain state: one parser per namespace, the activity not yet flushed to the templates index, and
 * counters for stats. Memory is bounded twice: each parser keeps at most {@code max_templates} (LRU), and when all
 * namespaces together exceed the global cap the least recently used namespaces leave memory (their templates stay
 * in the index and come back through the sync).
 */
public final class TemplateService {

    private final ConcurrentHashMap<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, TemplateActivity> activity = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private volatile int maxTotalTemplates;

    private final LongAdder parsed = new LongAdder();
    private final LongAdder created = new LongAdder();
    private final LongAdder updated = new LongAdder();
    private final AtomicLong namespaceEvictions = new AtomicLong();

    /** A namespace's parser; {@code configured} once a processor (not the sync) has set its configuration. */
    private record Namespace(DrainParser parser, boolean configured, AtomicLong lastUsed) {}

    public TemplateService(LongSupplier clock, int maxTotalTemplates) {
        this.clock = clock;
        this.maxTotalTemplates = maxTotalTemplates;
    }

    public void setMaxTotalTemplates(int maxTotalTemplates) {
        this.maxTotalTemplates = maxTotalTemplates;
    }

    /** Parses one line in a namespace, learning from it, and records the activity for the next flush. */
    public ParseResult parse(String namespace, DrainConfig config, String line) {
        Namespace state = namespaceFor(namespace, config);
        ParseResult result = state.parser().parse(line);
        long now = clock.getAsLong();
        state.lastUsed().set(now);
        parsed.increment();
        activity.compute(result.id(), (id, current) -> {
            TemplateActivity entry = current != null ? current : new TemplateActivity(namespace, id, result.template(), now, line);
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

    /** Parses lines with a throwaway copy of the namespace's current templates: nothing is learned or stored. */
    public List<ParseResult> dryRun(String namespace, DrainConfig config, List<String> lines) {
        DrainParser scratch = new DrainParser(namespace, config);
        Namespace state = namespaces.get(namespace);
        if (state != null) {
            for (LogTemplate template : state.parser().templates()) {
                scratch.restore(template.id(), template.template(), template.count());
            }
        }
        List<ParseResult> results = new ArrayList<>(lines.size());
        for (String line : lines) {
            results.add(scratch.parse(line));
        }
        return results;
    }

    /** A template from the index (written by any node): merged into the namespace's parser. */
    public void restore(String namespace, String id, String template, long count) {
        Namespace state = namespaces.computeIfAbsent(
            namespace,
            ns -> new Namespace(new DrainParser(ns, DrainConfig.defaults()), false, new AtomicLong(clock.getAsLong()))
        );
        state.parser().restore(id, template, count);
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
            activity.merge(entry.id, entry, (current, back) -> {
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
        namespaces.forEach((name, state) -> perNamespace.put(name, Map.of("templates", state.parser().size(), "aliases", state.parser().aliases().size())));
        stats.put("by_namespace", perNamespace);
        return stats;
    }

    public List<String> namespaceNames() {
        return new ArrayList<>(namespaces.keySet());
    }

    private Namespace namespaceFor(String namespace, DrainConfig config) {
        Namespace state = namespaces.get(namespace);
        if (state != null && state.configured()) {
            return state;
        }
        // First processor use, or a parser the sync created with defaults: rebuild with this configuration.
        return namespaces.compute(namespace, (ns, current) -> {
            if (current != null && current.configured()) {
                return current;
            }
            DrainParser parser = new DrainParser(ns, config);
            if (current != null) {
                for (LogTemplate template : current.parser().templates()) {
                    parser.restore(template.id(), template.template(), template.count());
                }
            }
            return new Namespace(parser, true, new AtomicLong(clock.getAsLong()));
        });
    }

    private int totalTemplates() {
        int total = 0;
        for (Namespace state : namespaces.values()) {
            total += state.parser().size();
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
            if (oldest.getKey().equals(keep) == false && namespaces.remove(oldest.getKey(), oldest.getValue())) {
                namespaceEvictions.incrementAndGet();
            }
        }
    }
}

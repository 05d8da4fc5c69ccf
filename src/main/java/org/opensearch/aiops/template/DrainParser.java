/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Online Drain log parser for one namespace: masks each line, finds the most similar template in a
 * fixed-depth prefix tree, generalises it or creates a new one. Template ids are stable (see {@link
 * TemplateIds}) and survive generalisation; templates whose text becomes equal merge, the smaller
 * id winning and the other becoming an alias. Bounded: the least recently matched template is
 * evicted beyond {@code maxTemplates}. Thread-safe.
 */
public final class DrainParser {
    /**
     * Distinct words at one position after which it counts as a variable (see {@link
     * #mergeWordVariants}).
     */
    static final int WORD_VARIANTS_TO_MERGE = 3;

    private final String namespace;
    private final DrainConfig config;
    private final Masker masker;
    private final PrefixTree tree;

    /** Access-ordered, so the eldest entry is the least recently matched template. */
    private final LinkedHashMap<String, TemplateCluster> byId =
            new LinkedHashMap<>(64, 0.75f, true);

    private final Map<String, TemplateCluster> byText = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    public DrainParser(String namespace, DrainConfig config) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.config = Objects.requireNonNull(config, "config");
        this.masker = new Masker(config.masking());
        this.tree = new PrefixTree(config.depth(), config.maxChildren());
    }

    public String namespace() {
        return namespace;
    }

    public DrainConfig config() {
        return config;
    }

    /**
     * Parses one line and learns from it. Never throws on any input; {@code null} is parsed as an
     * empty line.
     */
    public synchronized ParseResult parse(String line) {
        LineTokens tokens = LineTokens.of(line, masker);
        int lineConstants = 0;
        for (String token : tokens.texts) {
            if (!TemplateToken.isWildcard(token)) {
                lineConstants++;
            }
        }
        TemplateCluster cluster = bestMatch(tokens.texts, lineConstants);
        TemplateChange change;
        if (cluster == null && (cluster = mergeWordVariants(tokens.texts, lineConstants)) != null) {
            change = TemplateChange.UPDATED;
        } else if (cluster == null) {
            String[] templateTokens = tokens.texts.clone();
            String text = String.join(" ", templateTokens);
            cluster = byText.get(text);
            if (cluster != null) {
                change = TemplateChange.NONE;
            } else {
                cluster = new TemplateCluster(freshId(text), templateTokens, 0);
                insert(cluster);
                change = TemplateChange.CREATED;
            }
        } else {
            String[] generalised = cluster.generalisedFor(tokens.texts);
            if (generalised == null) {
                change = TemplateChange.NONE;
            } else {
                cluster = retokenise(cluster, generalised);
                change = TemplateChange.UPDATED;
            }
        }
        cluster.count++;
        byId.get(cluster.id); // marks it most recently used
        List<String> parameters =
                config.extractParameters()
                        ? TemplateParameters.extract(cluster.tokens, tokens)
                        : List.of();
        ParseResult result = new ParseResult(cluster.id, cluster.text, parameters, change);
        evictBeyondLimit();
        return result;
    }

    /** Snapshot of all templates, least recently matched first. */
    public synchronized List<LogTemplate> templates() {
        List<LogTemplate> out = new ArrayList<>(byId.size());
        for (TemplateCluster c : byId.values()) {
            out.add(c.snapshot());
        }
        return out;
    }

    /**
     * Puts a persisted or remote template into the tree under its own id. An existing id takes the
     * new count and generalises to cover the new text (never back to a more specific one); an id
     * merged here as an alias is ignored; if another id already has the same text, the smaller id
     * wins and the other becomes its alias.
     */
    public synchronized void restore(String id, String template, long count) {
        Objects.requireNonNull(id, "id");
        String[] templateTokens =
                LineTokens.split(template == null ? "" : template).toArray(new String[0]);
        if (aliases.containsKey(id)) {
            return; // merged into another template here; the winner already stands for it
        }
        TemplateCluster cluster = byId.get(id);
        if (cluster != null) {
            cluster.count = count;
            // Versions of one template only generalise: another node's older, more specific text
            // must not undo ours.
            String[] merged = generalised(cluster.tokens, templateTokens);
            if (String.join(" ", merged).equals(cluster.text) == false) {
                retokenise(cluster, merged);
            }
        } else {
            cluster = new TemplateCluster(id, templateTokens, count);
            TemplateCluster same = byText.get(cluster.text);
            if (same != null) {
                mergeEqualTexts(same, cluster, false);
            } else {
                insert(cluster);
            }
        }
        evictBeyondLimit();
    }

    /** Ids that were merged into another template, mapped to the id that won. */
    /**
     * The more general of two versions of one template (as stored by different nodes): position by
     * position, tokens generalise to cover both. Versions of different lengths cannot be of one
     * template; {@code ours} is kept.
     */
    public static String generalise(String ours, String theirs) {
        if (theirs == null || ours.equals(theirs)) {
            return ours;
        }
        return String.join(
                " ",
                generalised(
                        LineTokens.split(ours).toArray(new String[0]),
                        LineTokens.split(theirs).toArray(new String[0])));
    }

    private static String[] generalised(String[] ours, String[] theirs) {
        if (ours.length != theirs.length) {
            return ours;
        }
        String[] merged = new String[ours.length];
        for (int i = 0; i < merged.length; i++) {
            merged[i] = TemplateToken.generalise(ours[i], theirs[i]);
        }
        return merged;
    }

    public synchronized Map<String, String> aliases() {
        return Map.copyOf(aliases);
    }

    /** The id a (possibly merged) template id now goes by. */
    public synchronized String resolve(String id) {
        return aliases.getOrDefault(id, id);
    }

    public synchronized int size() {
        return byId.size();
    }

    /**
     * The most similar template that differs from the line only where either side is a value, or
     * null. Templates that differ by one plain word are not matched here: see {@link
     * #mergeWordVariants}.
     */
    private TemplateCluster bestMatch(String[] line, int lineConstants) {
        TemplateCluster best = null;
        double bestSimilarity = -1;
        int bestWildcards = -1;
        for (TemplateCluster c : tree.candidates(line)) {
            double similarity = c.similarity(line, lineConstants);
            if (similarity < config.similarityThreshold() || c.wordMismatch(line) != -1) {
                continue;
            }
            int wildcards = c.tokens.length - c.constants;
            if (similarity > bestSimilarity
                    || (similarity == bestSimilarity && wildcards > bestWildcards)) {
                best = c;
                bestSimilarity = similarity;
                bestWildcards = wildcards;
            }
        }
        return best;
    }

    /**
     * A differing plain word ("VM Paused" / "VM Resumed") more often names another event than a
     * value, unless the position keeps taking new words: once {@link #WORD_VARIANTS_TO_MERGE}
     * similar templates differ only by the word at one position, they and the line merge into one
     * template with {@code <*>} there. Returns null if not yet.
     */
    private TemplateCluster mergeWordVariants(String[] line, int lineConstants) {
        List<TemplateCluster> candidates = tree.candidates(line);
        // one pass: each similar template's single differing word position (linear in the leaf
        // size)
        Map<Integer, List<TemplateCluster>> byPosition = new HashMap<>();
        int position = -1;
        for (TemplateCluster c : candidates) {
            int p = c.wordMismatch(line);
            if (p < 0 || c.similarity(line, lineConstants) < config.similarityThreshold()) {
                continue;
            }
            List<TemplateCluster> same = byPosition.computeIfAbsent(p, k -> new ArrayList<>(2));
            same.add(c);
            if (position < 0 && same.size() + 1 >= WORD_VARIANTS_TO_MERGE) {
                position = p;
            }
        }
        if (position < 0) {
            return null;
        }
        List<TemplateCluster> variants = byPosition.get(position);
        variants.sort((a, b) -> a.id.compareTo(b.id));
        TemplateCluster winner = variants.get(0);
        String[] merged = line.clone();
        merged[position] = TemplateToken.generalise(winner.tokens[position], line[position]);
        for (TemplateCluster v : variants) {
            for (int i = 0; i < merged.length; i++) {
                merged[i] = TemplateToken.generalise(merged[i], v.tokens[i]);
            }
        }
        for (TemplateCluster v : variants.subList(1, variants.size())) {
            remove(v);
            addAlias(v.id, winner.id);
            winner.count += v.count;
        }
        return retokenise(winner, merged);
    }

    /**
     * Gives the cluster new tokens; returns the cluster that carries them afterwards (another one
     * if texts merged).
     */
    private TemplateCluster retokenise(TemplateCluster cluster, String[] newTokens) {
        tree.remove(cluster);
        byText.remove(cluster.text, cluster);
        cluster.setTokens(newTokens);
        TemplateCluster same = byText.get(cluster.text);
        if (same != null) {
            byId.remove(cluster.id);
            return mergeEqualTexts(same, cluster, true);
        }
        tree.add(cluster);
        byText.put(cluster.text, cluster);
        return cluster;
    }

    /**
     * Two templates with one text: keep the smaller id, with both counts; the other id becomes an
     * alias.
     */
    private TemplateCluster mergeEqualTexts(
            TemplateCluster existing, TemplateCluster incoming, boolean sumCounts) {
        if (incoming.id.compareTo(existing.id) < 0) {
            byId.remove(existing.id);
            addAlias(existing.id, incoming.id);
            existing.id = incoming.id;
            byId.put(existing.id, existing);
        } else {
            addAlias(incoming.id, existing.id);
        }
        existing.count =
                sumCounts
                        ? existing.count + incoming.count
                        : Math.max(existing.count, incoming.count);
        return existing;
    }

    private void addAlias(String loser, String winner) {
        if (loser.equals(winner)) {
            return;
        }
        aliases.put(loser, winner);
        for (Map.Entry<String, String> e : aliases.entrySet()) {
            if (e.getValue().equals(loser)) {
                e.setValue(winner);
            }
        }
    }

    private void remove(TemplateCluster cluster) {
        byId.remove(cluster.id);
        tree.remove(cluster);
        byText.remove(cluster.text, cluster);
    }

    private void insert(TemplateCluster cluster) {
        tree.add(cluster);
        byText.put(cluster.text, cluster);
        byId.put(cluster.id, cluster);
    }

    /**
     * The creation id, salted in the rare case that it is taken (hash collision or a merged
     * template's old id).
     */
    private String freshId(String text) {
        String id = TemplateIds.of(namespace, text);
        for (int salt = 1; byId.containsKey(id) || aliases.containsKey(id); salt++) {
            id = TemplateIds.of(namespace, text + "\u0000" + salt);
        }
        return id;
    }

    private void evictBeyondLimit() {
        while (byId.size() > config.maxTemplates()) {
            Iterator<TemplateCluster> eldest = byId.values().iterator();
            TemplateCluster victim = eldest.next();
            eldest.remove();
            remove(victim);
            aliases.values().removeIf(victim.id::equals);
        }
    }
}

/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drain's fixed-depth tree: token count, then the first {@code depth - 2} tokens, then a leaf list
 * of templates. Value-like tokens route to the {@code <*>} child, as do new tokens once a node has
 * {@code maxChildren} children.
 */
final class PrefixTree {
    private static final List<TemplateCluster> NONE = List.of();

    private static final class Node {
        final Map<String, Node> children = new HashMap<>(4);
        List<TemplateCluster> clusters;
    }

    private final Map<Integer, Node> byLength = new HashMap<>();
    private final int prefixTokens;
    private final int maxChildren;

    PrefixTree(int depth, int maxChildren) {
        this.prefixTokens = depth - 2;
        this.maxChildren = maxChildren;
    }

    /** Templates that may match a line with these (masked) tokens. */
    List<TemplateCluster> candidates(String[] tokens) {
        Node node = byLength.get(tokens.length);
        int levels = Math.min(prefixTokens, tokens.length);
        for (int i = 0; node != null && i < levels; i++) {
            Node next = node.children.get(routeKey(tokens[i]));
            node = next != null ? next : node.children.get(TemplateToken.WILDCARD);
        }
        return node == null || node.clusters == null ? NONE : node.clusters;
    }

    void add(TemplateCluster cluster) {
        String[] tokens = cluster.tokens;
        Node node = byLength.computeIfAbsent(tokens.length, k -> new Node());
        int levels = Math.min(prefixTokens, tokens.length);
        for (int i = 0; i < levels; i++) {
            String key = routeKey(tokens[i]);
            Node next = node.children.get(key);
            if (next == null) {
                if (node.children.size() >= maxChildren - 1
                        && !key.equals(TemplateToken.WILDCARD)) {
                    key = TemplateToken.WILDCARD;
                    next = node.children.get(key);
                }
                if (next == null) {
                    next = new Node();
                    node.children.put(key, next);
                }
            }
            node = next;
        }
        if (node.clusters == null) {
            node.clusters = new ArrayList<>(2);
        }
        node.clusters.add(cluster);
    }

    /**
     * Removes the cluster from the leaf its current tokens route to (call before changing its
     * prefix tokens).
     */
    void remove(TemplateCluster cluster) {
        List<TemplateCluster> leaf = candidates(cluster.tokens);
        if (!leaf.remove(cluster)) {
            // its prefix was routed to <*> by maxChildren when added: look through the whole length
            // bucket
            removeAnywhere(byLength.get(cluster.tokens.length), cluster);
        }
    }

    private static boolean removeAnywhere(Node node, TemplateCluster cluster) {
        if (node == null) {
            return false;
        }
        if (node.clusters != null && node.clusters.remove(cluster)) {
            return true;
        }
        for (Node child : node.children.values()) {
            if (removeAnywhere(child, cluster)) {
                return true;
            }
        }
        return false;
    }

    private static String routeKey(String token) {
        return TemplateToken.routeKey(token);
    }
}

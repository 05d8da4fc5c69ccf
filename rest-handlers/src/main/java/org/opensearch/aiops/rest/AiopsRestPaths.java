/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.rest;

/** Roots of the plugin's REST API. */
public final class AiopsRestPaths {

    public static final String BASE = "/_plugins/_aiops";

    private AiopsRestPaths() {}
}

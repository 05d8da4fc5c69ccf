/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

/**
 * Where a source document is (a metric point, a span, a log line), so a result can link to the data
 * behind it.
 */
public record DocumentRef(String index, String id) {}

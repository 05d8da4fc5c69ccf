/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

/**
 * One whitespace token after masking: its template text (e.g. {@code uid=<NUM>} or {@code <*>}) and
 * the original substrings its mask tokens stand for, in order ({@code null} when it has none).
 */
record MaskedToken(String text, String[] parameters) {}

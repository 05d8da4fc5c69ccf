/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.List;

/**
 * The template a line belongs to. {@code parameters} are the original substrings that the
 * template's {@code <*>} and mask tokens stand for, in order (empty when parameter extraction is
 * off).
 */
public record ParseResult(
        String id, String template, List<String> parameters, TemplateChange change) {}

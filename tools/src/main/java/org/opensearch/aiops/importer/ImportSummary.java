/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.util.List;
import java.util.Locale;

/**
 * What an import did. {@code errors} are bulk items the node refused; {@code duplicateSpans} were
 * skipped.
 */
public record ImportSummary(
        int files,
        long spans,
        long duplicateSpans,
        long logs,
        long metrics,
        long faults,
        long errors,
        List<String> firstErrors,
        double seconds) {
    public String line() {
        return String.format(
                Locale.ROOT,
                "files=%d spans=%d (duplicates skipped=%d) logs=%d metrics=%d faults=%d errors=%d seconds=%.1f",
                files,
                spans,
                duplicateSpans,
                logs,
                metrics,
                faults,
                errors,
                seconds);
    }
}

/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns a line with the template it matched and returns the original substrings behind its
 * variable parts.
 */
final class TemplateParameters {
    private TemplateParameters() {}

    static List<String> extract(String[] template, LineTokens line) {
        List<String> out = new ArrayList<>();
        int n = Math.min(template.length, line.size());
        for (int i = 0; i < n; i++) {
            String t = template[i];
            MaskedToken m = line.masked[i];
            if (t.equals(m.text())) {
                if (m.parameters() != null) {
                    for (String p : m.parameters()) {
                        out.add(p);
                    }
                }
            } else if (TemplateToken.isWildcard(t)
                    || !TemplateToken.capture(t, line.originals[i], out)) {
                // generalised position (or a restored template that does not quite fit): the whole
                // token is the value
                if (t.indexOf('<') >= 0) {
                    out.add(line.originals[i]);
                }
            }
        }
        return out;
    }
}

/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.template.DrainConfig;
import org.opensearch.aiops.template.DrainParser;
import org.opensearch.aiops.template.ParseResult;

/** Runs a fresh parser over one dataset in file order and scores it against the truth. */
public final class ParserEvaluation {
    private ParserEvaluation() {}

    public static ParsingAccuracy evaluate(LoghubDataset data, DrainConfig config) {
        List<String[]> parsed = parse(data, config);
        List<String> groups = new ArrayList<>(parsed.size());
        List<String> templates = new ArrayList<>(parsed.size());
        for (String[] p : parsed) {
            groups.add(p[0]);
            templates.add(p[1]);
        }
        return ParsingAccuracy.of(groups, data.templates(), templates, data.templates());
    }

    /**
     * Per line: the id of its group at the end (aliases resolved) and that group's final template.
     * Templates keep generalising while lines arrive, so a line is judged with its group's final
     * template, as batch parsers are.
     */
    public static List<String[]> parse(LoghubDataset data, DrainConfig config) {
        DrainParser parser = new DrainParser(data.system(), config);
        List<ParseResult> results = new ArrayList<>(data.contents().size());
        for (String line : data.contents()) {
            results.add(parser.parse(line));
        }
        Map<String, String> finalTemplates = new HashMap<>();
        parser.templates().forEach(t -> finalTemplates.put(t.id(), t.template()));
        List<String[]> out = new ArrayList<>(results.size());
        for (ParseResult r : results) {
            String id = parser.resolve(r.id());
            out.add(new String[] {id, finalTemplates.getOrDefault(id, "")});
        }
        return out;
    }
}

package org.opensearch.aiops.eval;

import org.opensearch.aiops.template.DrainConfig;
import org.opensearch.aiops.template.DrainParser;
import org.opensearch.aiops.template.ParseResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a fresh parser over one dataset in file order and scores it against the truth. */
public final class ParserEvaluation {
    private ParserEvaluation() {}

    public static ParsingAccuracy evaluate(LoghubDataset data, DrainConfig config) {
        DrainParser parser = new DrainParser(data.system(), config);
        List<String> ids = new ArrayList<>(data.contents().size());
        for (String line : data.contents()) {
            ids.add(parser.parse(line).id());
        }
        // Templates keep generalising while lines arrive: a line is judged with its group's final template.
        Map<String, String> finalTemplates = new HashMap<>();
        parser.templates().forEach(t -> finalTemplates.put(t.id(), t.template()));
        List<String> groups = new ArrayList<>(ids.size());
        List<String> templates = new ArrayList<>(ids.size());
        for (String id : ids) {
            String resolved = parser.resolve(id);
            groups.add(resolved);
            templates.add(finalTemplates.getOrDefault(resolved, ""));
        }
        return ParsingAccuracy.of(groups, data.templates(), templates, data.templates());
    }

    /** Parsed template per line with the true one, for looking at errors. */
    public static List<String[]> mistakes(LoghubDataset data, DrainConfig config) {
        DrainParser parser = new DrainParser(data.system(), config);
        List<ParseResult> results = new ArrayList<>();
        for (String line : data.contents()) {
            results.add(parser.parse(line));
        }
        Map<String, String> finalTemplates = new HashMap<>();
        parser.templates().forEach(t -> finalTemplates.put(t.id(), t.template()));
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            String id = parser.resolve(results.get(i).id());
            out.add(new String[] { id, finalTemplates.getOrDefault(id, ""), data.templates().get(i), data.contents().get(i) });
        }
        return out;
    }
}

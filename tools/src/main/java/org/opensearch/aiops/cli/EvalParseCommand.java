/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.opensearch.aiops.eval.LoghubDataset;
import org.opensearch.aiops.eval.ParserEvaluation;
import org.opensearch.aiops.eval.ParsingAccuracy;
import org.opensearch.aiops.template.DrainConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./aiops eval parse --input DIR [--corrected]}: grouping, parsing and F1-grouping accuracy
 * of the Drain parser.
 */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = "Accuracy of the log_template parser on Loghub-2k style datasets")
public final class EvalParseCommand implements Callable<Integer> {
    @Option(
            names = "--input",
            required = true,
            description = "folder with <System>/<System>_2k.log_structured.csv")
    Path input;

    @Option(
            names = "--corrected",
            description = "read <System>_2k.log_structured_corrected.csv instead")
    boolean corrected;

    @Option(
            names = "--errors",
            paramLabel = "SYSTEM",
            description = "also print the lines of SYSTEM whose group is wrong")
    String errorsOf;

    @Override
    public Integer call() throws Exception {
        List<LoghubDataset> datasets = LoghubDataset.loadAll(input, corrected);
        if (datasets.isEmpty()) {
            System.err.println(
                    "no <System>/<System>_2k.log_structured"
                            + (corrected ? "_corrected" : "")
                            + ".csv under "
                            + input);
            return 2;
        }
        DrainConfig config = DrainConfig.defaults();
        List<ParsingAccuracy> scores = new ArrayList<>();
        for (LoghubDataset data : datasets) {
            ParsingAccuracy a = ParserEvaluation.evaluate(data, config);
            scores.add(a);
            System.out.printf(
                    Locale.ROOT,
                    "%-12s GA=%.3f PA=%.3f FGA=%.3f templates=%d truth=%d lines=%d%n",
                    data.system(),
                    a.ga(),
                    a.pa(),
                    a.fga(),
                    a.parsedGroups(),
                    a.trueGroups(),
                    a.lines());
            if (data.system().equals(errorsOf)) {
                printErrors(data, config);
            }
        }
        double[] m = ParsingAccuracy.means(scores);
        System.out.printf(
                Locale.ROOT,
                "mean GA=%.3f PA=%.3f FGA=%.3f systems=%d%n",
                m[0],
                m[1],
                m[2],
                scores.size());
        return 0;
    }

    /** Groups whose line set differs from the truth, with the true templates they mix or split. */
    private static void printErrors(LoghubDataset data, DrainConfig config) {
        List<String[]> rows = ParserEvaluation.parse(data, config);
        TreeMap<String, TreeMap<String, Integer>> byParsed = new TreeMap<>();
        TreeMap<String, TreeMap<String, Integer>> byTruth = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String parsed = rows.get(i)[1];
            String truth = data.templates().get(i);
            byParsed.computeIfAbsent(parsed, k -> new TreeMap<>()).merge(truth, 1, Integer::sum);
            byTruth.computeIfAbsent(truth, k -> new TreeMap<>()).merge(parsed, 1, Integer::sum);
        }
        byParsed.forEach(
                (parsed, truths) -> {
                    if (truths.size() > 1) {
                        System.out.println("  MIXED  " + parsed);
                        truths.forEach((t, c) -> System.out.println("      " + c + "x " + t));
                    }
                });
        byTruth.forEach(
                (truth, parsed) -> {
                    if (parsed.size() > 1) {
                        System.out.println("  SPLIT  " + truth);
                        parsed.forEach((p, c) -> System.out.println("      " + c + "x " + p));
                    }
                });
    }
}

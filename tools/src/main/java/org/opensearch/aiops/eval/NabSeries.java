/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.opensearch.aiops.io.CsvReader;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;

/**
 * One NAB data file ({@code <category>/<name>.csv} with {@code timestamp,value}) and its anomaly
 * windows from {@code combined_windows.json}, mapped to row ranges: a window covers the rows whose
 * timestamps lie within its limits.
 */
public record NabSeries(
        String category,
        String name,
        String[] timestamps,
        LocalDateTime[] times,
        double[] values,
        List<int[]> windows) {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]", Locale.ROOT);

    /** {@code <category>/<name>.csv}, the key of the labels file. */
    public String relativePath() {
        return category + "/" + name + ".csv";
    }

    public NabScorer.LabelledFile labelled() {
        return new NabScorer.LabelledFile(relativePath(), values.length, windows);
    }

    public boolean inWindow(int row) {
        for (int[] w : windows) {
            if (row >= w[0] && row <= w[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every labelled {@code <category>/<name>.csv} under {@code dataDir}, sorted by path; files
     * without labels are skipped.
     */
    public static List<NabSeries> loadAll(Path dataDir, Path windowsJson) throws IOException {
        Map<String, Object> labels =
                XContentHelper.convertToMap(
                        JsonXContent.jsonXContent, Files.readString(windowsJson), true);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir, 2)) {
            files =
                    walk.filter(
                                    p ->
                                            p.toString().endsWith(".csv")
                                                    && p.getParent() != null
                                                    && p.getParent().equals(dataDir) == false)
                            .sorted()
                            .toList();
        }
        List<NabSeries> out = new ArrayList<>();
        for (Path file : files) {
            String category = file.getParent().getFileName().toString();
            String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
            Object limits = labels.get(category + "/" + name + ".csv");
            if (limits instanceof List<?> list) {
                out.add(read(category, name, file, list));
            }
        }
        return out;
    }

    static NabSeries read(String category, String name, Path file, List<?> limits)
            throws IOException {
        List<String> stamps = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvReader csv = new CsvReader(r);
            List<String> header = csv.next();
            if (header == null
                    || header.size() < 2
                    || header.get(0).equals("timestamp") == false
                    || header.get(1).equals("value") == false) {
                throw new IOException(
                        file + ": expected the header timestamp,value, got " + header);
            }
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                if (row.size() >= 2) {
                    stamps.add(row.get(0));
                    values.add(Double.parseDouble(row.get(1)));
                }
            }
        }
        LocalDateTime[] times = new LocalDateTime[stamps.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = LocalDateTime.parse(stamps.get(i), TIME);
        }
        List<int[]> windows = new ArrayList<>();
        for (Object o : limits) {
            List<?> pair = (List<?>) o;
            LocalDateTime start = LocalDateTime.parse(pair.get(0).toString(), TIME);
            LocalDateTime end = LocalDateTime.parse(pair.get(1).toString(), TIME);
            int first = -1;
            int last = -1;
            for (int i = 0; i < times.length; i++) {
                if (times[i].isBefore(start) == false && times[i].isAfter(end) == false) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first >= 0) {
                windows.add(new int[] {first, last});
            }
        }
        windows.sort((a, b) -> Integer.compare(a[0], b[0]));
        return new NabSeries(
                category,
                name,
                stamps.toArray(String[]::new),
                times,
                values.stream().mapToDouble(Double::doubleValue).toArray(),
                List.copyOf(windows));
    }
}

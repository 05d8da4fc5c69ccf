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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.opensearch.aiops.io.CsvReader;

/**
 * One system of the Loghub-2k benchmark: its log contents in file order and their true templates.
 */
public record LoghubDataset(String system, List<String> contents, List<String> templates) {

    /**
     * Every {@code <System>/<System>_2k.log_structured[_corrected].csv} under {@code root}, sorted
     * by system name.
     */
    public static List<LoghubDataset> loadAll(Path root, boolean corrected) throws IOException {
        List<LoghubDataset> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String system = dir.getFileName().toString();
                Path csv =
                        dir.resolve(
                                system
                                        + "_2k.log_structured"
                                        + (corrected ? "_corrected" : "")
                                        + ".csv");
                if (Files.isRegularFile(csv)) {
                    out.add(load(system, csv));
                }
            }
        }
        return out;
    }

    public static LoghubDataset load(String system, Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            CsvReader in = new CsvReader(reader);
            List<String> header = in.next();
            if (header == null) {
                throw new IOException(csv + " is empty");
            }
            int content = column(header, "Content", csv);
            int template = column(header, "EventTemplate", csv);
            List<String> contents = new ArrayList<>();
            List<String> templates = new ArrayList<>();
            for (List<String> row = in.next(); row != null; row = in.next()) {
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue;
                }
                if (row.size() != header.size()) {
                    throw new IOException(
                            csv
                                    + ": row "
                                    + (contents.size() + 2)
                                    + " has "
                                    + row.size()
                                    + " fields, expected "
                                    + header.size());
                }
                contents.add(row.get(content));
                templates.add(row.get(template));
            }
            return new LoghubDataset(system, contents, templates);
        }
    }

    private static int column(List<String> header, String name, Path csv) throws IOException {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IOException(csv + " has no [" + name + "] column: " + header);
        }
        return i;
    }
}

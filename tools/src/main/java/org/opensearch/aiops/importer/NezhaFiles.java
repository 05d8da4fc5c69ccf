/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.opensearch.aiops.io.CsvReader;

/**
 * Reading the Nezha files: gzipped CSV rows under their header, and log rows (which are not all
 * valid CSV, see {@link LogRow#parse}); shared by the importer and the offline evaluations.
 */
public final class NezhaFiles {

    /** Receives one row; may block (the importer's bulk writer does). */
    public interface RowHandler<T> {
        void accept(T row) throws IOException, InterruptedException;
    }

    /** Receives one CSV row with the file's header. */
    public interface CsvRowHandler {
        void accept(CsvHeader header, List<String> row) throws IOException, InterruptedException;
    }

    private NezhaFiles() {}

    /** Rows of a gzipped CSV file with a header line; blank lines are skipped. */
    public static void forEachCsvRow(Path file, CsvRowHandler handler)
            throws IOException, InterruptedException {
        try (BufferedReader in = gzipReader(file)) {
            CsvReader csv = new CsvReader(in);
            CsvHeader header = new CsvHeader(file.toString(), csv.next());
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.size() > 1 || row.get(0).isEmpty() == false) {
                    handler.accept(header, row);
                }
            }
        }
    }

    /**
     * Rows of a gzipped {@code log/HH_MM_log.csv.gz} file, in file order.
     *
     * @throws IllegalArgumentException naming the file and line of a row that cannot be read
     */
    public static void forEachLogRow(Path file, RowHandler<LogRow> handler)
            throws IOException, InterruptedException {
        try (BufferedReader in = gzipReader(file)) {
            in.readLine(); // header
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                LogRow row;
                try {
                    row = LogRow.parse(line);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            file + ":" + lineNo + ": " + e.getMessage(), e);
                }
                handler.accept(row);
            }
        }
    }

    private static BufferedReader gzipReader(Path file) throws IOException {
        return new BufferedReader(
                new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                        StandardCharsets.UTF_8),
                1 << 16);
    }
}

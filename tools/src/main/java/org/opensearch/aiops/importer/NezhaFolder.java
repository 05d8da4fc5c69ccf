/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.nio.file.Path;
import java.util.List;

/**
 * One day folder of the Nezha data ({@code construct_data/<day>} or {@code rca_data/<day>}) with
 * the files selected for import: time slices ({@code HH_MM}: {@code trace/HH_MM_trace.csv.gz} and
 * {@code log/HH_MM_log.csv.gz}), pod metric files, and the fault list, which may be null.
 */
public record NezhaFolder(
        String day, Path path, List<String> slices, List<Path> metricFiles, Path faultList) {

    public Path traceFile(String slice) {
        return path.resolve("trace").resolve(slice + "_trace.csv.gz");
    }

    public Path logFile(String slice) {
        return path.resolve("log").resolve(slice + "_log.csv.gz");
    }

    /** Files that exist among the selected ones. */
    public int fileCount() {
        int count = metricFiles.size() + (faultList == null ? 0 : 1);
        for (String slice : slices) {
            count +=
                    (traceFile(slice).toFile().isFile() ? 1 : 0)
                            + (logFile(slice).toFile().isFile() ? 1 : 0);
        }
        return count;
    }
}

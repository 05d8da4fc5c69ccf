/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder layout of Nezha's TrainTicket data: {@code construct_data/<day>/} (fault-free) and
 * {@code rca_data/<day>/}.
 */
public final class NezhaDataset {

    static final List<String> PARTS = List.of("construct_data", "rca_data");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SLICE_FILE =
            Pattern.compile("(\\d{2}_\\d{2})_(trace|log)\\.csv\\.gz");

    private final Path root;

    public NezhaDataset(Path root) {
        if (PARTS.stream().noneMatch(part -> Files.isDirectory(root.resolve(part)))) {
            throw new IllegalArgumentException(
                    "[input] "
                            + root
                            + " has neither construct_data/ nor rca_data/: not the Nezha TrainTicket data");
        }
        this.root = root;
    }

    public Set<String> days() throws IOException {
        Set<String> days = new TreeSet<>();
        for (String part : PARTS) {
            for (Path dir : list(root.resolve(part))) {
                if (Files.isDirectory(dir) && DAY.matcher(dir.getFileName().toString()).matches()) {
                    days.add(dir.getFileName().toString());
                }
            }
        }
        return days;
    }

    /**
     * The folders of {@code days} (all days when empty), each with at most {@code limitFiles} time
     * slices and metric files (all when 0), first in time order. The fault list is always taken: it
     * is the labels of the whole day.
     */
    public List<NezhaFolder> select(List<String> days, int limitFiles) throws IOException {
        if (limitFiles < 0) {
            throw new IllegalArgumentException(
                    "[limit-files] must be 0 (all) or more, got [" + limitFiles + "]");
        }
        Set<String> available = days();
        for (String day : days) {
            if (available.contains(day) == false) {
                throw new IllegalArgumentException(
                        "[days] has ["
                                + day
                                + "], which is not in "
                                + root
                                + "; available: "
                                + available);
            }
        }
        List<NezhaFolder> folders = new ArrayList<>();
        for (String day : available) {
            if (days.isEmpty() == false && days.contains(day) == false) {
                continue;
            }
            for (String part : PARTS) {
                Path dir = root.resolve(part).resolve(day);
                if (Files.isDirectory(dir)) {
                    folders.add(folder(day, dir, limitFiles));
                }
            }
        }
        return folders;
    }

    /**
     * One day folder given directly ({@code construct_data/2023-01-29}), all its files; the day is
     * the folder's name.
     */
    public static NezhaFolder folder(Path dir) throws IOException {
        String day = dir.toAbsolutePath().normalize().getFileName().toString();
        if (DAY.matcher(day).matches() == false || Files.isDirectory(dir) == false) {
            throw new IllegalArgumentException(
                    dir + " is not a Nezha day folder (<part>/yyyy-MM-dd with trace/ and log/)");
        }
        return folder(day, dir, 0);
    }

    private static NezhaFolder folder(String day, Path dir, int limitFiles) throws IOException {
        TreeSet<String> slices = new TreeSet<>();
        for (String kind : List.of("trace", "log")) {
            for (Path file : list(dir.resolve(kind))) {
                var m = SLICE_FILE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    slices.add(m.group(1));
                }
            }
        }
        List<Path> metrics = new ArrayList<>();
        for (Path file : list(dir.resolve("metric"))) {
            if (file.getFileName().toString().endsWith("_metric.csv.gz")) {
                metrics.add(file);
            }
        }
        Path faultList = dir.resolve(day + "-fault_list.json");
        return new NezhaFolder(
                day,
                dir,
                limit(new ArrayList<>(slices), limitFiles),
                limit(metrics, limitFiles),
                Files.isRegularFile(faultList) ? faultList : null);
    }

    private static <T> List<T> limit(List<T> items, int limit) {
        return limit == 0 || items.size() <= limit
                ? List.copyOf(items)
                : List.copyOf(items.subList(0, limit));
    }

    /** Sorted entries of {@code dir}, none if it does not exist. */
    private static List<Path> list(Path dir) throws IOException {
        if (Files.isDirectory(dir) == false) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        }
    }
}

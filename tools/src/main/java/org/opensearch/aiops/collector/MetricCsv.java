/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.collector;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opensearch.aiops.io.CsvReader;

/**
 * Per-process metric CSV files, as the prototype wrote them, read into {@link MetricDocument}s for
 * offline scoring. Header {@code timestamp,<column>...}; a column is a metric name of {@link
 * MetricDocument#METRICS}, {@code net_scope}, or {@code syscalls.<name>}. {@code timestamp} is an
 * ISO-8601 instant ({@code 2024-05-01T10:00:00Z}, an offset instead of Z is fine) or epoch seconds
 * (fractions allowed). An empty cell leaves the field out. Whole-number metrics take {@code 12} or
 * {@code 12.0}, not {@code 12.5}. Any bad row rejects the file, naming line and column.
 */
public final class MetricCsv {

    /** {@code <name>-<pid>.csv} or {@code <name>_<pid>.csv}. */
    private static final Pattern FILE_NAME = Pattern.compile("(.+?)[-_](\\d+)\\.csv");

    private MetricCsv() {}

    /** The entity a file name implies: command and pid, either null when the name does not say. */
    public record Entity(String command, Long pid) {}

    public static Entity entityOf(Path file) {
        String name = file.getFileName().toString();
        Matcher m = FILE_NAME.matcher(name);
        if (m.matches()) {
            return new Entity(m.group(1), Long.parseLong(m.group(2)));
        }
        return new Entity(
                name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name, null);
    }

    /** The rows of {@code file}; {@code pid} and {@code command} null = from the file name. */
    public static List<MetricDocument> read(Path file, String host, Long pid, String command)
            throws IOException {
        Entity fromName = entityOf(file);
        Long entityPid = pid != null ? pid : fromName.pid();
        String entityCommand = command != null ? command : fromName.command();
        if (entityPid == null) {
            throw new IllegalArgumentException(
                    file + ": no pid: pass --pid or name the file <command>-<pid>.csv");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), in, host, entityPid, entityCommand);
        }
    }

    static List<MetricDocument> read(
            String source, Reader in, String host, long pid, String command) throws IOException {
        CsvReader csv = new CsvReader(in);
        List<String> header = csv.next();
        if (header == null
                || header.isEmpty()
                || header.get(0).strip().replace("\uFEFF", "").equals("timestamp") == false) {
            throw new IllegalArgumentException(
                    source + ":1: the header must start with [timestamp], got " + header);
        }
        List<String> columns = header.stream().map(String::strip).toList();
        for (String column : columns.subList(1, columns.size())) {
            if (MetricDocument.METRICS.contains(column) == false
                    && column.equals("net_scope") == false
                    && syscall(column) == null) {
                throw new IllegalArgumentException(
                        source
                                + ":1: unknown column ["
                                + column
                                + "]; allowed: "
                                + MetricDocument.METRICS
                                + ", net_scope, syscalls.<name>");
            }
        }
        List<MetricDocument> documents = new ArrayList<>();
        List<String> row;
        int line = 1;
        while ((row = csv.next()) != null) {
            line++;
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        source
                                + ":"
                                + line
                                + ": "
                                + row.size()
                                + " values for "
                                + columns.size()
                                + " columns");
            }
            documents.add(document(source, line, columns, row, host, pid, command));
        }
        return documents;
    }

    private static MetricDocument document(
            String source,
            int line,
            List<String> columns,
            List<String> row,
            String host,
            long pid,
            String command) {
        Instant time = timestamp(source, line, row.get(0).strip());
        Map<String, Number> metrics = new LinkedHashMap<>();
        Map<String, Long> syscalls = null;
        String netScope = null;
        for (int i = 1; i < columns.size(); i++) {
            String column = columns.get(i);
            String value = row.get(i).strip();
            if (value.isEmpty()) {
                continue;
            }
            String where = source + ":" + line + ": column [" + column + "]";
            if (column.equals("net_scope")) {
                if (MetricDocument.NET_SCOPES.contains(value) == false) {
                    throw new IllegalArgumentException(
                            where
                                    + " must be one of "
                                    + MetricDocument.NET_SCOPES
                                    + ", got ["
                                    + value
                                    + "]");
                }
                netScope = value;
            } else if (syscall(column) != null) {
                if (syscalls == null) {
                    syscalls = new LinkedHashMap<>();
                }
                syscalls.put(syscall(column), wholeNumber(where, value));
            } else if (MetricDocument.FRACTIONAL.contains(column)) {
                metrics.put(column, number(where, value).doubleValue());
            } else {
                metrics.put(column, wholeNumber(where, value));
            }
        }
        return new MetricDocument(time, host, pid, command, metrics, netScope, syscalls);
    }

    private static String syscall(String column) {
        return column.startsWith("syscalls.") && column.length() > "syscalls.".length()
                ? column.substring("syscalls.".length())
                : null;
    }

    private static Instant timestamp(String source, int line, String value) {
        String where = source + ":" + line + ": column [timestamp]";
        if (value.isEmpty()) {
            throw new IllegalArgumentException(where + " is empty");
        }
        if (Character.isDigit(value.charAt(0)) && value.indexOf('-') < 0) {
            BigDecimal seconds = number(where, value);
            return Instant.ofEpochSecond(0, seconds.movePointRight(9).longValueExact());
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    where
                            + " must be an ISO-8601 instant with Z or an offset, or epoch seconds, got ["
                            + value
                            + "]");
        }
    }

    private static BigDecimal number(String where, String value) {
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.signum() < 0) {
                throw new IllegalArgumentException(
                        where + " must not be negative, got [" + value + "]");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " must be a number, got [" + value + "]");
        }
    }

    private static long wholeNumber(String where, String value) {
        try {
            return number(where, value).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    where + " must be a whole number, got [" + value + "]");
        }
    }
}

/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import picocli.CommandLine.Command;

/** {@code ./aiops bench <what>}: throughput of a plugin component. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        subcommands = {
            BenchParseCommand.class,
            BenchEmbedCommand.class,
            BenchMetricsCommand.class,
            BenchTraceCommand.class
        },
        description = "Measure throughput")
public final class BenchCommand {}

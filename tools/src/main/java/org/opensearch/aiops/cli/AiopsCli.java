/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Java side of {@code ./aiops}: evaluation, benchmark, import and collect commands; the first two
 * run the plugin's own classes (parser, detectors) outside a node, so that what they measure is
 * what the plugin runs. Not loaded by the plugin.
 */
@Command(
        name = "aiops",
        mixinStandardHelpOptions = true,
        subcommands = {
            EvalCommand.class,
            BenchCommand.class,
            ImportCommand.class,
            CollectCommand.class
        },
        description = "AIOps plugin tools")
public final class AiopsCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new AiopsCli()).execute(args));
    }
}

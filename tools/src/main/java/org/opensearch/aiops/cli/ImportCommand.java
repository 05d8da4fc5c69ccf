/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import picocli.CommandLine.Command;

/** {@code ./aiops import <dataset>}: load a public dataset into a running node. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        subcommands = {ImportNezhaCommand.class, ImportSimulatedCommand.class},
        description = "Load a dataset into a running node")
public final class ImportCommand {}

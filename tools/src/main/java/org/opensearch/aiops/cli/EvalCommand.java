/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import picocli.CommandLine.Command;

/** {@code ./aiops eval <what>}: accuracy of a plugin component on labelled data. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        subcommands = {EvalParseCommand.class, EvalNabCommand.class, EvalTraceCommand.class},
        description = "Measure accuracy on labelled datasets")
public final class EvalCommand {}

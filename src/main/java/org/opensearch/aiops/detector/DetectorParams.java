/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import org.opensearch.core.common.io.stream.NamedWriteable;
import org.opensearch.core.xcontent.ToXContentObject;

/**
 * A detector type's own parameters, parsed once from the detector's {@code params} object with
 * every default filled in. Its writeable name is the detector type's name, so a detector travels
 * between nodes with its typed params.
 */
public interface DetectorParams extends NamedWriteable, ToXContentObject {}

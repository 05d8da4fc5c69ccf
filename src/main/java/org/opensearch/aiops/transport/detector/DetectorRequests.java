/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.action.ValidateActions;

/** Checks the detector requests share. */
final class DetectorRequests {

    /** A missing id, added to {@code errors} (created when null). */
    static ActionRequestValidationException requireId(
            String id, ActionRequestValidationException errors) {
        if (id == null || id.isBlank()) {
            return ValidateActions.addValidationError("[id] is required", errors);
        }
        return errors;
    }

    private DetectorRequests() {}
}

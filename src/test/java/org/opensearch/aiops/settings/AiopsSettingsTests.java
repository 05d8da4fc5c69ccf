/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.settings;

import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.test.OpenSearchTestCase;

/** A setting of an earlier version stays accepted (a node configured with it starts) and warns. */
public class AiopsSettingsTests extends OpenSearchTestCase {

    public void testTheOldDetectorPoolSizeIsAcceptedAndDeprecated() {
        assertTrue(AiopsSettings.all().contains(AiopsSettings.DETECTOR_POOL_SIZE));
        Settings settings = Settings.builder().put("plugins.aiops.detector.pool_size", 3).build();
        assertEquals(Integer.valueOf(3), AiopsSettings.DETECTOR_POOL_SIZE.get(settings));
        assertSettingDeprecationsAndWarnings(new Setting<?>[] {AiopsSettings.DETECTOR_POOL_SIZE});
    }
}

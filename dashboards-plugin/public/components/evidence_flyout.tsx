import React from 'react';
import {
  EuiButton,
  EuiCallOut,
  EuiDescriptionList,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutHeader,
  EuiLoadingChart,
  EuiSpacer,
  EuiTitle,
} from '@elastic/eui';
import { discoverUrl } from '../../common/discover';
import type { AnomalyResult } from '../../common/types';
import { formatEntity, formatScore, formatTime } from '../format';
import type { PanelServices } from '../services';
import { useAsync } from '../use_async';
import { EvidenceView } from './evidence_view';

export function EvidenceFlyout({
  services,
  detectorId,
  anomaly,
  onClose,
}: {
  services: PanelServices;
  detectorId: string;
  anomaly: AnomalyResult;
  onClose: () => void;
}) {
  const evidence = useAsync(() => services.api.evidence(detectorId, anomaly.id), [detectorId, anomaly.id]);
  const ev = evidence.data;
  return (
    <EuiFlyout onClose={onClose} size="l" ownFocus data-test-subj="evidenceFlyout">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="s">
          <h2>
            Anomaly at {formatTime(anomaly.data_end_time)} — {formatEntity(anomaly.entity, anomaly.entity_key)}
          </h2>
        </EuiTitle>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        <EuiDescriptionList
          type="column"
          compressed
          listItems={[
            { title: 'Window', description: `${formatTime(anomaly.data_start_time)} – ${formatTime(anomaly.data_end_time)}` },
            { title: 'Score', description: `${formatScore(anomaly.score)} (threshold ${formatScore(anomaly.threshold)})` },
            ...(anomaly.class ? [{ title: 'Class', description: anomaly.class }] : []),
          ]}
        />
        <EuiSpacer />
        {evidence.loading && <EuiLoadingChart size="l" />}
        {evidence.error && <EuiCallOut color="danger" title="Could not load the evidence">{evidence.error}</EuiCallOut>}
        {ev && (
          <>
            <EuiButton
              size="s"
              iconType="discoverApp"
              href={discoverUrl(services.basePath, ev.discover)}
              target="_blank"
              data-test-subj="discoverLink"
            >
              Open in Discover ({ev.discover.indices.join(', ')})
            </EuiButton>
            <EuiSpacer size="s" />
            <p data-test-subj="evidenceSummary">
              {ev.documents.length} of {ev.total} {ev.kind === 'points' ? 'points' : 'documents'}
            </p>
            <EuiSpacer size="s" />
            <EvidenceView evidence={ev} />
          </>
        )}
      </EuiFlyoutBody>
    </EuiFlyout>
  );
}

import React from 'react';
import { EuiBasicTable, EuiBasicTableColumn, EuiFlexGroup, EuiFlexItem, EuiText, EuiTitle } from '@elastic/eui';
import type { RootCauseEntry, RootCauseRanking } from '../../common/types';
import { formatScore } from '../format';

function percent(x: number): string {
  return `${(x * 100).toFixed(0)}%`;
}

const COUNTS: Array<EuiBasicTableColumn<RootCauseEntry>> = [
  { field: 'score', name: 'Score', dataType: 'number', render: (s: number) => formatScore(s) },
  { field: 'share', name: 'Share of anomalies', dataType: 'number', render: percent },
  { field: 'rate', name: 'Anomalous rate', dataType: 'number', render: percent },
  { field: 'anomalous', name: 'Anomalous', dataType: 'number' },
  { field: 'events', name: 'Calls', dataType: 'number' },
];

/**
 * The root-cause ranking: pods and services by share of the anomalous calls times their own anomalous rate, so a
 * busy hub (in many anomalous calls, but in far more normal ones) ranks below the pod with the fault.
 */
export function RootCauseTables({ ranking }: { ranking: RootCauseRanking }) {
  return (
    <>
      <EuiText size="s" color="subdued">
        <p data-test-subj="rootCauseSummary">
          {ranking.anomalous_events} anomalous of {ranking.events} calls
        </p>
      </EuiText>
      <EuiFlexGroup>
        <EuiFlexItem>
          <EuiTitle size="xxs">
            <h3>Pods</h3>
          </EuiTitle>
          <EuiBasicTable
            items={ranking.pods}
            columns={[{ field: 'pod', name: 'Pod' }, { field: 'service', name: 'Service' }, ...COUNTS]}
            rowProps={() => ({ 'data-test-subj': 'rootCausePodRow' })}
            noItemsMessage="No anomalous calls in this range"
            data-test-subj="rootCausePods"
          />
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiTitle size="xxs">
            <h3>Services</h3>
          </EuiTitle>
          <EuiBasicTable
            items={ranking.services}
            columns={[{ field: 'service', name: 'Service' }, ...COUNTS]}
            rowProps={() => ({ 'data-test-subj': 'rootCauseServiceRow' })}
            noItemsMessage="No anomalous calls in this range"
            data-test-subj="rootCauseServices"
          />
        </EuiFlexItem>
      </EuiFlexGroup>
    </>
  );
}

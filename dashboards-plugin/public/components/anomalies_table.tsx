import React from 'react';
import { EuiBadge, EuiBasicTable, EuiBasicTableColumn, EuiButtonEmpty } from '@elastic/eui';
import type { AnomalyResult, Contribution } from '../../common/types';
import { formatEntity, formatScore, formatTime } from '../format';

export interface AnomaliesTableProps {
  anomalies: AnomalyResult[];
  classLabels?: Record<string, string>;
  onSelect: (anomaly: AnomalyResult) => void;
}

function topContributions(contributions?: Contribution[]): string {
  return (contributions ?? [])
    .slice()
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3)
    .map((c) => `${c.field} ${(c.weight * 100).toFixed(0)}%`)
    .join(', ');
}

/** Top anomalies by score; the class column appears only when the results carry classes. */
export function AnomaliesTable({ anomalies, classLabels = {}, onSelect }: AnomaliesTableProps) {
  const hasClass = anomalies.some((a) => a.class !== undefined && a.class !== null);
  const hasContributions = anomalies.some((a) => a.contributions?.length);
  const columns: Array<EuiBasicTableColumn<AnomalyResult>> = [
    { field: 'data_end_time', name: 'Time', render: (t: number) => formatTime(t) },
    { field: 'entity_key', name: 'Entity', render: (_: unknown, a) => formatEntity(a.entity, a.entity_key) },
    { field: 'score', name: 'Score', dataType: 'number', render: (s: number) => formatScore(s) },
    { field: 'anomaly_grade', name: 'Grade', dataType: 'number', render: (g?: number) => formatScore(g) },
  ];
  if (hasClass) {
    columns.push({
      field: 'class',
      name: 'Class',
      render: (c: string | null) => (c ? <EuiBadge>{classLabels[c] || c}</EuiBadge> : '—'),
    });
  }
  if (hasContributions) {
    columns.push({ field: 'contributions', name: 'Top contributions', render: (c?: Contribution[]) => topContributions(c) });
  }
  columns.push({
    name: 'Evidence',
    render: (a: AnomalyResult) => (
      <EuiButtonEmpty size="xs" iconType="inspect" onClick={() => onSelect(a)} data-test-subj="openEvidence">
        Evidence
      </EuiButtonEmpty>
    ),
  });
  return (
    <EuiBasicTable
      items={anomalies}
      columns={columns}
      rowProps={(a: AnomalyResult) => ({
        'data-test-subj': 'anomalyRow',
        'data-time': a.data_end_time,
        onClick: () => onSelect(a),
        style: { cursor: 'pointer' },
      })}
      noItemsMessage="No anomalies in this range"
      data-test-subj="anomaliesTable"
    />
  );
}

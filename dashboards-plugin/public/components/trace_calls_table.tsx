import React from 'react';
import { EuiBasicTable, EuiBasicTableColumn, EuiCode, EuiLink } from '@elastic/eui';
import { discoverUrl, SPAN_FIELDS } from '../../common';
import type { TraceCall } from '../../common/types';
import { formatScore, formatTime } from '../format';

/** Where the detector's spans are, for the Discover link of each call. */
export interface SpanIndices {
  indices: string[];
  timeField?: string;
}

export interface TraceCallsTableProps {
  calls: TraceCall[];
  spans: SpanIndices;
  basePath: string;
}

/** Discover shows a call's whole trace: an hour on each side of the call, so that long traces are not cut. */
const TRACE_WINDOW_MS = 3_600_000;

export function traceDiscoverUrl(basePath: string, spans: SpanIndices, call: TraceCall): string {
  return discoverUrl(basePath, {
    indices: spans.indices,
    timeField: spans.timeField,
    from: call.time - TRACE_WINDOW_MS,
    to: call.time + TRACE_WINDOW_MS,
    kql: `${SPAN_FIELDS.traceId}:${JSON.stringify(call.trace_id)}`,
  });
}

/** The top anomalous calls: caller pod → callee pod, the callee's operation and code context, the score, the trace in Discover. */
export function TraceCallsTable({ calls, spans, basePath }: TraceCallsTableProps) {
  const columns: Array<EuiBasicTableColumn<TraceCall>> = [
    { field: 'time', name: 'Time', render: (t: number) => formatTime(t) },
    { field: 'source', name: 'Call', render: (_: unknown, c) => `${c.source} → ${c.destination}` },
    { field: 'operation', name: 'Operation', render: (o?: string) => o || '—' },
    {
      field: 'code_context',
      name: 'Code context',
      render: (text?: string) => (text ? <EuiCode data-test-subj="callCodeContext">{text}</EuiCode> : '—'),
    },
    { field: 'score', name: 'Score', dataType: 'number', render: (s: number) => formatScore(s) },
    {
      field: 'trace_id',
      name: 'Trace',
      render: (_: unknown, c) => (
        <EuiLink href={traceDiscoverUrl(basePath, spans, c)} target="_blank" data-test-subj="callTraceLink">
          {c.trace_id}
        </EuiLink>
      ),
    },
  ];
  return (
    <EuiBasicTable
      items={calls}
      columns={columns}
      rowProps={() => ({ 'data-test-subj': 'callRow' })}
      noItemsMessage="No anomalous calls in this range"
      data-test-subj="traceCallsTable"
    />
  );
}

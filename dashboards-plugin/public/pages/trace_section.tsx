import React from 'react';
import { EuiCallOut, EuiPanel, EuiSpacer, EuiTitle } from '@elastic/eui';
import { RootCauseTables } from '../components/root_cause_tables';
import { ServiceScoreChart } from '../components/service_score_chart';
import { SpanIndices, TraceCallsTable } from '../components/trace_calls_table';
import { PanelServices } from '../services';
import { useAsync } from '../use_async';

export interface TraceSectionProps {
  services: PanelServices;
  id: string;
  range: { start: string; end: string };
  spans: SpanIndices;
}

/** The part of the Detector page for a trace detector: score per service, the top anomalous calls, the root-cause ranking. */
export function TraceSection({ services, id, range, spans }: TraceSectionProps) {
  const { api, basePath } = services;
  const q = { from: range.start, to: range.end };
  const trace = useAsync(() => api.traceResults(id, q), [id, range.start, range.end]);
  const ranking = useAsync(() => api.rootCause(id, q), [id, range.start, range.end]);
  return (
    <div data-test-subj="traceSection">
      {trace.error && <EuiCallOut color="danger" title="Could not load the calls">{trace.error}</EuiCallOut>}
      {trace.data && (
        <>
          <EuiPanel>
            <EuiTitle size="xs">
              <h2>Score per service</h2>
            </EuiTitle>
            <ServiceScoreChart from={trace.data.from} to={trace.data.to} services={trace.data.services} />
          </EuiPanel>
          <EuiSpacer />
          <EuiPanel>
            <EuiTitle size="xs">
              <h2>Top anomalous calls</h2>
            </EuiTitle>
            <TraceCallsTable calls={trace.data.calls} spans={spans} basePath={basePath} />
          </EuiPanel>
          <EuiSpacer />
        </>
      )}
      {ranking.error && <EuiCallOut color="danger" title="Could not load the root-cause ranking">{ranking.error}</EuiCallOut>}
      {ranking.data && (
        <EuiPanel>
          <EuiTitle size="xs">
            <h2>Root cause</h2>
          </EuiTitle>
          <RootCauseTables ranking={ranking.data} />
        </EuiPanel>
      )}
    </div>
  );
}

// @vitest-environment jsdom
import '../../test/setup_dom';
import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AnomalyResult, Evidence } from '../../common/types';
import { AnomaliesTable } from './anomalies_table';
import { ClassesPanel } from './classes_panel';
import { EvidenceView, spanRows } from './evidence_view';
import { ScoreChart } from './score_chart';
import { RootCauseTables } from './root_cause_tables';
import { TraceCallsTable } from './trace_calls_table';

afterEach(cleanup);

const anomaly = (over: Partial<AnomalyResult> = {}): AnomalyResult => ({
  id: 'r1',
  detector_id: 'd',
  entity: { host: 'web-2' },
  entity_key: 'host=web-2',
  data_start_time: Date.parse('2025-01-01T10:00:00Z'),
  data_end_time: Date.parse('2025-01-01T10:01:00Z'),
  score: 0.97,
  anomaly_grade: 0.9,
  is_anomaly: true,
  threshold: 0.7,
  contributions: [
    { field: 'cpu', weight: 0.8 },
    { field: 'mem', weight: 0.2 },
  ],
  ...over,
});

describe('AnomaliesTable', () => {
  it('shows entity, score and contributions, and no class column for metric results', () => {
    const onSelect = vi.fn();
    render(<AnomaliesTable anomalies={[anomaly()]} onSelect={onSelect} />);
    expect(screen.getByText('host=web-2')).toBeTruthy();
    expect(screen.getByText('0.970')).toBeTruthy();
    expect(screen.getByText('cpu 80%, mem 20%')).toBeTruthy();
    expect(screen.queryByText('Class')).toBeNull();
    fireEvent.click(screen.getByTestId('openEvidence'));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'r1' }));
  });

  it('adds the class column, with labels, when results carry classes', () => {
    render(<AnomaliesTable anomalies={[anomaly({ class: 'c3', contributions: undefined })]} classLabels={{ c3: 'db errors' }} onSelect={() => {}} />);
    expect(screen.getAllByText('Class').length).toBeGreaterThan(0);
    expect(screen.getByText('db errors')).toBeTruthy();
  });
});

describe('ClassesPanel', () => {
  it('shows sizes and typical sequences, and saves edited labels', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(
      <ClassesPanel
        classes={[{ key: 'c1', count: 12, anomalies: 2, examples: [anomaly({ id: 'e1', sequence: ['login', 'query', 'logout'] })] }]}
        labels={{}}
        onSave={onSave}
      />
    );
    expect(screen.getByText('12')).toBeTruthy();
    expect(screen.getByText('login → query → logout')).toBeTruthy();
    const save = screen.getByText('Save labels').closest('button')!;
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Label of class c1'), { target: { value: 'sessions' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ c1: 'sessions' }));
  });

  it("shows why labels were not saved (the backend refuses changes to a running detector)", async () => {
    const onSave = vi.fn().mockRejectedValue(Object.assign(new Error('409'), { body: { message: 'detector [d] is running: stop it before changing it' } }));
    render(<ClassesPanel classes={[{ key: 'c1', count: 1, anomalies: 0, examples: [] }]} labels={{}} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText('Label of class c1'), { target: { value: 'x' } });
    fireEvent.click(screen.getByText('Save labels').closest('button')!);
    await waitFor(() => expect(screen.getByText('Labels not saved: detector [d] is running: stop it before changing it')).toBeTruthy());
  });
});

describe('ScoreChart', () => {
  it('mounts with its series and anomalies', () => {
    const a = anomaly();
    const { container } = render(
      <ScoreChart from={a.data_start_time - 3_600_000} to={a.data_end_time + 3_600_000} series={[{ time: a.data_start_time, score: a.score }]} threshold={0.7} anomalies={[a]} />
    );
    const el = container.querySelector('[data-test-subj="scoreChart"]')!;
    expect(el.getAttribute('data-points')).toBe('1');
    expect(el.getAttribute('data-anomalies')).toBe('1');
  });
});

describe('EvidenceView', () => {
  const base: Omit<Evidence, 'kind' | 'documents'> = {
    result: anomaly(),
    timeField: '@timestamp',
    fields: [],
    window: { from: 0, to: 1 },
    highlight: [],
    total: 2,
    discover: { indices: ['x'], from: 0, to: 1, kql: '' },
  };

  it('orders spans by start and indents children under their parent', () => {
    const docs = [
      { _id: 'c', _index: 'j', _source: { traceID: 't', spanID: 'c', operationName: 'child', startTime: 20, duration: 5, references: [{ refType: 'CHILD_OF', spanID: 'p' }], process: { serviceName: 'svc-b' } } },
      { _id: 'p', _index: 'j', _source: { traceID: 't', spanID: 'p', operationName: 'root', startTime: 10, duration: 50, references: [], process: { serviceName: 'svc-a' } } },
    ];
    expect(spanRows(docs).map((r) => [r.operation, r.depth, r.service])).toEqual([
      ['root', 0, 'svc-a'],
      ['child', 1, 'svc-b'],
    ]);
    render(<EvidenceView evidence={{ ...base, kind: 'spans', documents: docs }} />);
    expect(screen.getByText('child')).toBeTruthy();
    expect(screen.getByText('0.1 ms')).toBeTruthy();
  });

  it('lists the points of the window, both ends included, and marks the scored point', () => {
    const docs = [0, 60_000, 120_000, 180_000].map((t) => ({ _id: `m${t}`, _index: 'm', _source: { '@timestamp': t, cpu: t / 1000 } }));
    const { container } = render(
      <EvidenceView
        evidence={{ ...base, kind: 'points', fields: ['cpu'], window: { from: 60_000, to: 120_000 }, highlight: ['m120000'], documents: docs }}
      />
    );
    const el = container.querySelector('[data-test-subj="evidencePoints"]')!;
    expect(el.getAttribute('data-points')).toBe('4');
    expect(el.getAttribute('data-window-points')).toBe('2');
    expect(container.querySelectorAll('[data-test-subj="scoredPoint"]').length).toBe(1);
    expect(container.querySelectorAll('[data-test-subj="windowPoint"]').length).toBe(1);
  });

  it('shows log lines with their templates', () => {
    render(
      <EvidenceView
        evidence={{
          ...base,
          kind: 'logs',
          documents: [{ _id: 'l', _index: 'logs', _source: { '@timestamp': '2025-01-01T10:00:00Z', message: 'ERROR db down', log_template: { template: 'ERROR <*> down' } } }],
        }}
      />
    );
    expect(screen.getByText('ERROR db down')).toBeTruthy();
    expect(screen.getByText('ERROR <*> down')).toBeTruthy();
  });
});

describe('TraceCallsTable', () => {
  it('shows each call with its operation, code context, score and a Discover link to its trace', () => {
    render(
      <TraceCallsTable
        calls={[
          {
            id: 'r1',
            trace_id: 'abc123',
            span_id: 's2',
            time: Date.parse('2025-01-01T10:00:00Z'),
            source: 'gateway-1',
            source_service: 'gateway',
            destination: 'payment-1',
            destination_service: 'payment',
            operation: 'POST /pay',
            code_context: 'PaymentService.charge: db timeout',
            score: 0.93,
          },
        ]}
        spans={{ indices: ['jaeger-span-*'], timeField: 'startTimeMillis' }}
        basePath="/osd"
      />
    );
    expect(screen.getAllByTestId('callRow')).toHaveLength(1);
    expect(screen.getByText('gateway-1 → payment-1')).toBeTruthy();
    expect(screen.getByText('POST /pay')).toBeTruthy();
    expect(screen.getByTestId('callCodeContext').textContent).toBe('PaymentService.charge: db timeout');
    expect(screen.getByText('0.930')).toBeTruthy();
    const href = screen.getByTestId('callTraceLink').getAttribute('href') ?? '';
    expect(href.startsWith('/osd/app/data-explorer/discover#')).toBe(true);
    expect(decodeURIComponent(href)).toContain('traceID:"abc123"');
  });
});

describe('RootCauseTables', () => {
  it('lists the ranked pods and services with their share and rate', () => {
    render(
      <RootCauseTables
        ranking={{
          detector_id: 'd',
          from: 0,
          to: 1,
          anomalous_events: 20,
          events: 104,
          pods: [
            { pod: 'payment-1', service: 'payment', score: 0.736, share: 0.9, rate: 0.818, anomalous: 18, events: 22 },
            { pod: 'gateway-1', service: 'gateway', score: 0.196, share: 1, rate: 0.196, anomalous: 20, events: 102 },
          ],
          services: [{ service: 'payment', score: 0.386, share: 0.9, rate: 0.429, anomalous: 18, events: 42 }],
        }}
      />
    );
    expect(screen.getByTestId('rootCauseSummary').textContent).toBe('20 anomalous of 104 calls');
    const pods = screen.getAllByTestId('rootCausePodRow');
    expect(pods).toHaveLength(2);
    expect(pods[0].textContent).toContain('payment-1');
    expect(pods[0].textContent).toContain('90%');
    expect(pods[1].textContent).toContain('gateway-1');
    const services = screen.getAllByTestId('rootCauseServiceRow');
    expect(services).toHaveLength(1);
    expect(services[0].textContent).toContain('0.386');
  });
});

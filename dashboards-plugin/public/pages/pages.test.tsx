// @vitest-environment jsdom
import '../../test/setup_dom';
import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AiopsApp } from '../app';
import type { PanelApi, PanelHistory } from '../services';

afterEach(cleanup);

function memoryHistory(initial: string): PanelHistory & { paths: string[] } {
  let pathname = initial;
  const listeners = new Set<(l: { pathname: string; search: string }) => void>();
  const paths = [initial];
  return {
    paths,
    get location() {
      return { pathname, search: '' };
    },
    push(path) {
      pathname = path;
      paths.push(path);
      listeners.forEach((l) => l({ pathname, search: '' }));
    },
    listen(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

const summary = { id: 'd1', name: 'hosts', type: 'metric_knn', family: 'metric', state: 'stopped', lastRun: null, anomalies24h: 4 } as const;

function fakeApi(over: Partial<Record<keyof PanelApi, any>> = {}): PanelApi {
  return {
    listDetectors: vi.fn().mockResolvedValue({ detectors: [summary] }),
    startDetector: vi.fn().mockResolvedValue({}),
    stopDetector: vi.fn().mockResolvedValue({}),
    getDetector: vi.fn().mockResolvedValue({ id: 'd1', detector: { name: 'hosts', type: 'metric_knn', source: { indices: ['m'] } }, profile: { state: 'running' } }),
    results: vi.fn().mockResolvedValue({
      from: 0,
      to: 3_600_000,
      interval_ms: 60_000,
      total: 60,
      threshold: 0.7,
      series: [{ time: 60_000, score: 0.2 }],
      anomalies: [{ id: 'r1', detector_id: 'd1', entity_key: 'host=web-2', data_start_time: 120_000, data_end_time: 180_000, score: 0.95, is_anomaly: true }],
      entities: [{ key: 'host=web-2', count: 60, anomalies: 1 }],
      classes: [],
      sequence_labels: {},
    }),
    evidence: vi.fn().mockReturnValue(new Promise(() => {})),
    ...over,
  } as unknown as PanelApi;
}

describe('Detectors page', () => {
  it('lists detectors, starts one and opens it', async () => {
    const api = fakeApi();
    const history = memoryHistory('/detectors');
    render(<AiopsApp services={{ api, history, basePath: '' }} />);
    await screen.findByText('hosts');
    expect(screen.getByText('metric_knn')).toBeTruthy();
    expect(screen.getByText('4')).toBeTruthy();
    fireEvent.click(screen.getByText('Start'));
    await waitFor(() => expect(api.startDetector).toHaveBeenCalledWith('d1'));
    fireEvent.click(screen.getByText('hosts'));
    expect(history.paths.at(-1)).toBe('/detectors/d1');
  });

  it('says why when detectors cannot be listed', async () => {
    const api = fakeApi({ listDetectors: vi.fn().mockRejectedValue({ body: { message: 'no handler found for uri' } }) });
    render(<AiopsApp services={{ api, history: memoryHistory('/'), basePath: '' }} />);
    expect(await screen.findByText('no handler found for uri')).toBeTruthy();
  });
});

describe('Detector page', () => {
  it('shows the range results, filters by entity and opens the evidence of an anomaly', async () => {
    const api = fakeApi();
    render(<AiopsApp services={{ api, history: memoryHistory('/detectors/d1'), basePath: '' }} />);
    await screen.findByTestId('scoreChart');
    expect(api.results).toHaveBeenCalledWith('d1', { from: 'now-24h', to: 'now', entity_key: '' });
    expect(screen.queryByTestId('classesPanel')).toBeNull();
    fireEvent.change(screen.getByTestId('entitySelect'), { target: { value: 'host=web-2' } });
    await waitFor(() => expect(api.results).toHaveBeenLastCalledWith('d1', { from: 'now-24h', to: 'now', entity_key: 'host=web-2' }));
    const row = (await screen.findAllByTestId('anomalyRow'))[0];
    fireEvent.click(row);
    await screen.findByTestId('evidenceFlyout');
    expect(api.evidence).toHaveBeenCalledWith('d1', 'r1');
  });
});

describe('Detector page of a trace detector', () => {
  it('adds the score per service, the top anomalous calls and the root-cause ranking', async () => {
    const api = fakeApi({
      getDetector: vi.fn().mockResolvedValue({
        id: 't1',
        detector: { name: 'calls', type: 'trace_graph', source: { indices: ['jaeger-span-*'], time_field: 'startTimeMillis' } },
        profile: { state: 'running' },
      }),
      traceResults: vi.fn().mockResolvedValue({
        from: 0,
        to: 3_600_000,
        interval_ms: 60_000,
        services: [
          { service: 'payment', points: [{ time: 60_000, score: 0.9 }] },
          { service: 'cart', points: [{ time: 60_000, score: 0.2 }] },
        ],
        calls: [
          {
            id: 'r1',
            trace_id: 'abc123',
            time: 60_000,
            source: 'gateway-1',
            source_service: 'gateway',
            destination: 'payment-1',
            destination_service: 'payment',
            operation: 'POST /pay',
            code_context: 'db timeout',
            score: 0.9,
          },
        ],
      }),
      rootCause: vi.fn().mockResolvedValue({
        detector_id: 't1',
        from: 0,
        to: 3_600_000,
        anomalous_events: 20,
        events: 104,
        pods: [{ pod: 'payment-1', service: 'payment', score: 0.74, share: 0.9, rate: 0.82, anomalous: 18, events: 22 }],
        services: [{ service: 'payment', score: 0.39, share: 0.9, rate: 0.43, anomalous: 18, events: 42 }],
      }),
    });
    render(<AiopsApp services={{ api, history: memoryHistory('/detectors/t1'), basePath: '' }} />);
    await screen.findByTestId('traceSection');
    expect((await screen.findByTestId('serviceScoreChart')).getAttribute('data-services')).toBe('payment,cart');
    expect((await screen.findAllByTestId('callRow'))[0].textContent).toContain('gateway-1 → payment-1');
    expect((await screen.findAllByTestId('rootCausePodRow'))[0].textContent).toContain('payment-1');
    expect(screen.getAllByTestId('rootCauseServiceRow')[0].textContent).toContain('payment');
    expect(api.traceResults).toHaveBeenCalledWith('t1', { from: 'now-24h', to: 'now' });
    expect(api.rootCause).toHaveBeenCalledWith('t1', { from: 'now-24h', to: 'now' });
  });

  it('shows no trace section for a metric detector', async () => {
    const api = fakeApi({ traceResults: vi.fn(), rootCause: vi.fn() });
    render(<AiopsApp services={{ api, history: memoryHistory('/detectors/d1'), basePath: '' }} />);
    await screen.findByTestId('scoreChart');
    expect(screen.queryByTestId('traceSection')).toBeNull();
    expect(api.rootCause).not.toHaveBeenCalled();
  });
});

import React, { useState } from 'react';
import {
  EuiBadge,
  EuiBasicTable,
  EuiBasicTableColumn,
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiEmptyPrompt,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLink,
  EuiSpacer,
  EuiTitle,
} from '@elastic/eui';
import type { DetectorSummary } from '../../common/types';
import { formatTime } from '../format';
import { errorMessage, PanelServices } from '../services';
import { STARTABLE, StateHealth } from '../components/state_health';
import { useAsync } from '../use_async';
import { pathOf } from '../routes';

/** Every detector with its state, last run and anomalies of the last 24 hours; start and stop. */
export function DetectorsPage({ services }: { services: PanelServices }) {
  const { api, history } = services;
  const list = useAsync(() => api.listDetectors(), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const toggle = async (d: DetectorSummary) => {
    setBusy(d.id);
    setActionError(null);
    try {
      await (d.state === 'running' ? api.stopDetector(d.id) : api.startDetector(d.id));
      list.reload();
    } catch (e) {
      setActionError(`${d.name}: ${errorMessage(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const columns: Array<EuiBasicTableColumn<DetectorSummary>> = [
    {
      field: 'name',
      name: 'Name',
      render: (name: string, d) => (
        <EuiLink onClick={() => history.push(pathOf({ page: 'detector', id: d.id }))} data-test-subj={`detectorLink-${d.name}`}>
          {name}
        </EuiLink>
      ),
    },
    { field: 'type', name: 'Type', render: (type: string) => <EuiBadge>{type}</EuiBadge> },
    { field: 'state', name: 'State', render: (_: string, d) => <StateHealth state={d.state} error={d.error} progress={d.progress} /> },
    { field: 'lastRun', name: 'Last run', render: (t: number | null) => formatTime(t) },
    {
      field: 'anomalies24h',
      name: 'Anomalies (24 h)',
      dataType: 'number',
      render: (n: number) => (n > 0 ? <EuiBadge color="danger">{n}</EuiBadge> : '0'),
    },
    {
      name: 'Actions',
      render: (d: DetectorSummary) => (
        <EuiButtonEmpty
          size="s"
          isLoading={busy === d.id}
          isDisabled={!STARTABLE.includes(d.state)}
          title={STARTABLE.includes(d.state) ? undefined : `A ${d.state} detector cannot start: train it first`}
          iconType={d.state === 'running' ? 'stop' : 'play'}
          onClick={() => toggle(d)}
          data-test-subj={`detectorToggle-${d.name}`}
        >
          {d.state === 'running' ? 'Stop' : 'Start'}
        </EuiButtonEmpty>
      ),
    },
  ];

  return (
    <>
      <EuiFlexGroup alignItems="center">
        <EuiFlexItem>
          <EuiTitle size="m">
            <h1>Detectors</h1>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton iconType="refresh" onClick={list.reload} isLoading={list.loading}>
            Refresh
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer />
      {list.error && (
        <EuiCallOut color="danger" title="Could not load detectors" data-test-subj="detectorsError">
          {list.error}
        </EuiCallOut>
      )}
      {actionError && <EuiCallOut color="danger" title={actionError} />}
      {!list.error && list.data && list.data.detectors.length === 0 ? (
        <EuiEmptyPrompt title={<h2>No detectors yet</h2>} body={<p>Create one with POST _plugins/_aiops/detectors.</p>} />
      ) : (
        <EuiBasicTable
          items={list.data?.detectors ?? []}
          columns={columns}
          loading={list.loading}
          rowProps={(d: DetectorSummary) => ({ 'data-test-subj': `detectorRow-${d.name}` })}
          data-test-subj="detectorsTable"
        />
      )}
    </>
  );
}

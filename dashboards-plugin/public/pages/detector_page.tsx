import React, { useState } from 'react';
import {
  EuiBadge,
  EuiButtonEmpty,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiPanel,
  EuiSelect,
  EuiSpacer,
  EuiStat,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { familyOf } from '../../common/constants';
import type { AnomalyResult } from '../../common/types';
import { AnomaliesTable } from '../components/anomalies_table';
import { ClassesPanel } from '../components/classes_panel';
import { EvidenceFlyout } from '../components/evidence_flyout';
import { RangePicker } from '../components/range_picker';
import { ScoreChart } from '../components/score_chart';
import { STARTABLE, StateHealth } from '../components/state_health';
import { formatScore, formatTime } from '../format';
import { pathOf } from '../routes';
import { errorMessage, PanelServices } from '../services';
import { useAsync } from '../use_async';
import { TraceSection } from './trace_section';

/**
 * One detector: score over time with threshold and anomaly markers, top anomalies, classes when the
 * results carry them, and each anomaly's evidence; what is shown follows the fields of the result
 * documents. A trace detector adds its calls: score per service, top anomalous calls, root cause.
 */
export function DetectorPage({ services, id }: { services: PanelServices; id: string }) {
  const { api, history } = services;
  const [range, setRange] = useState({ start: 'now-24h', end: 'now' });
  const [entity, setEntity] = useState('');
  const [selected, setSelected] = useState<AnomalyResult | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const details = useAsync(() => api.getDetector(id), [id]);
  const results = useAsync(() => api.results(id, { from: range.start, to: range.end, entity_key: entity }), [id, range.start, range.end, entity]);
  const d = details.data;
  const view = results.data;
  const labels = d?.detector?.class_labels ?? {};

  const toggle = async () => {
    if (!d) return;
    setActionError(null);
    try {
      await (d.profile.state === 'running' ? api.stopDetector(id) : api.startDetector(id));
      details.reload();
    } catch (e) {
      setActionError(errorMessage(e));
    }
  };

  return (
    <>
      <div>
        <EuiButtonEmpty iconType="arrowLeft" flush="left" size="s" onClick={() => history.push(pathOf({ page: 'detectors' }))}>
          Detectors
        </EuiButtonEmpty>
      </div>
      {details.error && <EuiCallOut color="danger" title="Could not load the detector">{details.error}</EuiCallOut>}
      {actionError && <EuiCallOut color="danger" title={actionError} />}
      {d && (
        <EuiFlexGroup alignItems="center" gutterSize="m" responsive={false}>
          <EuiFlexItem grow={false}>
            <EuiTitle size="m">
              <h1 data-test-subj="detectorName">{d.detector.name}</h1>
            </EuiTitle>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <EuiBadge>{d.detector.type}</EuiBadge>
          </EuiFlexItem>
          <EuiFlexItem grow={false}>
            <StateHealth state={d.profile.state} error={d.profile.error} progress={d.profile.training?.progress} />
          </EuiFlexItem>
          <EuiFlexItem />
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty
              iconType={d.profile.state === 'running' ? 'stop' : 'play'}
              onClick={toggle}
              isDisabled={!STARTABLE.includes(d.profile.state)}
              data-test-subj="detectorToggle"
            >
              {d.profile.state === 'running' ? 'Stop' : 'Start'}
            </EuiButtonEmpty>
          </EuiFlexItem>
        </EuiFlexGroup>
      )}
      {d?.detector.description && (
        <EuiText size="s" color="subdued">
          <p>{d.detector.description}</p>
        </EuiText>
      )}
      <EuiSpacer />
      <EuiFlexGroup alignItems="flexEnd">
        <EuiFlexItem grow={false} style={{ minWidth: 240 }}>
          <EuiFormRow label="Entity">
            <EuiSelect
              data-test-subj="entitySelect"
              value={entity}
              onChange={(e) => setEntity(e.target.value)}
              options={[
                { value: '', text: 'All entities (max score)' },
                ...(view?.entities ?? []).map((b) => ({ value: b.key, text: `${b.key} (${b.anomalies} anomalies)` })),
                ...(entity && !view?.entities.some((b) => b.key === entity) ? [{ value: entity, text: entity }] : []),
              ]}
            />
          </EuiFormRow>
        </EuiFlexItem>
        <RangePicker range={range} onChange={setRange} onRefresh={results.reload} loading={results.loading} />
      </EuiFlexGroup>
      <EuiSpacer />
      {results.error && <EuiCallOut color="danger" title="Could not load results">{results.error}</EuiCallOut>}
      {view && (
        <>
          <EuiFlexGroup>
            <EuiFlexItem>
              <EuiStat title={view.total} description="Results" titleSize="s" />
            </EuiFlexItem>
            <EuiFlexItem>
              <EuiStat title={view.anomalies.length} description="Anomalies (top)" titleSize="s" titleColor="danger" />
            </EuiFlexItem>
            <EuiFlexItem>
              <EuiStat title={formatScore(view.threshold)} description={entity ? 'Threshold' : 'Threshold (highest entity)'} titleSize="s" />
            </EuiFlexItem>
            <EuiFlexItem>
              <EuiStat title={formatTime(d?.profile.last_run?.time as number)} description="Last run" titleSize="s" />
            </EuiFlexItem>
          </EuiFlexGroup>
          <EuiSpacer />
          <EuiPanel>
            <EuiTitle size="xs">
              <h2>Anomaly score</h2>
            </EuiTitle>
            <ScoreChart
              from={view.from}
              to={view.to}
              series={view.series}
              threshold={view.threshold}
              anomalies={view.anomalies}
              onAnomalyClick={setSelected}
            />
          </EuiPanel>
          <EuiSpacer />
          {view.classes.length > 0 && (
            <>
              <EuiPanel data-test-subj="classesPanel">
                <EuiTitle size="xs">
                  <h2>Classes</h2>
                </EuiTitle>
                <ClassesPanel
                  classes={view.classes}
                  labels={labels}
                  sequenceLabels={view.sequence_labels}
                  onSave={async (next) => {
                    await api.setClassLabels(id, next);
                    details.reload();
                  }}
                />
              </EuiPanel>
              <EuiSpacer />
            </>
          )}
          <EuiPanel>
            <EuiTitle size="xs">
              <h2>Top anomalies</h2>
            </EuiTitle>
            <AnomaliesTable anomalies={view.anomalies} classLabels={labels} onSelect={setSelected} />
          </EuiPanel>
        </>
      )}
      {d && familyOf(d.detector.type) === 'trace' && (
        <>
          <EuiSpacer />
          <TraceSection
            services={services}
            id={id}
            range={range}
            spans={{ indices: d.detector.source.indices, timeField: d.detector.source.time_field }}
          />
        </>
      )}
      {selected && <EvidenceFlyout services={services} detectorId={id} anomaly={selected} onClose={() => setSelected(null)} />}
    </>
  );
}

import React, { useState } from 'react';
import { Axis, BarSeries, Chart, LineSeries, Position, ScaleType, Settings, niceTimeFormatter } from '@elastic/charts';
import {
  EuiBasicTable,
  EuiCallOut,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiPanel,
  EuiSpacer,
  EuiTitle,
} from '@elastic/eui';
import { parseTime } from '../../common/time';
import type { LogTemplate } from '../../common/types';
import { RangePicker } from '../components/range_picker';
import { formatTime } from '../format';
import type { PanelServices } from '../services';
import { useAsync } from '../use_async';

/** Log templates: the most frequent ones, templates first seen over time, and lines per top template over time. */
export function TemplatesPage({ services }: { services: PanelServices }) {
  const { api } = services;
  const [namespace, setNamespace] = useState('');
  const [range, setRange] = useState({ start: 'now-7d', end: 'now' });
  const [indices, setIndices] = useState('*');
  const top = useAsync(() => api.templates({ namespace, size: 50, sort: 'count' }), [namespace]);
  const timeline = useAsync(() => api.templateTimeline({ namespace, from: range.start, to: range.end }), [namespace, range.start, range.end]);
  const occurrences = useAsync(
    () => api.templateOccurrences({ indices, from: range.start, to: range.end, size: 5 }),
    [indices, range.start, range.end]
  );
  const from = parseTime(range.start) ?? 0;
  const to = parseTime(range.end) ?? Date.now();

  const lines = (occurrences.data?.series ?? []).flatMap((s) =>
    s.points.map((p) => ({ time: p.time, count: p.count, template: s.template ?? s.id }))
  );

  return (
    <>
      <EuiTitle size="m">
        <h1>Log templates</h1>
      </EuiTitle>
      <EuiSpacer />
      <EuiFlexGroup alignItems="flexEnd">
        <EuiFlexItem grow={false}>
          <EuiFormRow label="Namespace">
            <EuiFieldText value={namespace} placeholder="all" onChange={(e) => setNamespace(e.target.value)} data-test-subj="namespaceInput" />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiFormRow label="Log indices">
            <EuiFieldText value={indices} onChange={(e) => setIndices(e.target.value)} data-test-subj="indicesInput" />
          </EuiFormRow>
        </EuiFlexItem>
        <RangePicker
          range={range}
          onChange={setRange}
          onRefresh={() => {
            top.reload();
            timeline.reload();
            occurrences.reload();
          }}
        />
      </EuiFlexGroup>
      <EuiSpacer />
      <EuiFlexGroup>
        <EuiFlexItem>
          <EuiPanel>
            <EuiTitle size="xs">
              <h2>New templates over time</h2>
            </EuiTitle>
            {timeline.error && <EuiCallOut color="danger" title={timeline.error} />}
            <div style={{ height: 200 }} data-test-subj="newTemplatesChart" data-buckets={timeline.data?.buckets.length ?? 0}>
              <Chart>
                <Settings showLegend={false} xDomain={{ min: from, max: to, minInterval: timeline.data?.interval_ms }} />
                <Axis id="x-time" position={Position.Bottom} tickFormat={niceTimeFormatter([from, to])} />
                <Axis id="y-count" position={Position.Left} ticks={4} />
                <BarSeries
                  id="new"
                  name="new templates"
                  xScaleType={ScaleType.Time}
                  yScaleType={ScaleType.Linear}
                  data={timeline.data?.buckets ?? []}
                  xAccessor="time"
                  yAccessors={['count']}
                />
              </Chart>
            </div>
          </EuiPanel>
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiPanel>
            <EuiTitle size="xs">
              <h2>Top templates over time (lines in {indices})</h2>
            </EuiTitle>
            {occurrences.error && <EuiCallOut color="danger" title={occurrences.error} />}
            <div style={{ height: 200 }} data-test-subj="topTemplatesChart" data-series={occurrences.data?.series.length ?? 0}>
              <Chart>
                <Settings showLegend legendPosition={Position.Bottom} xDomain={{ min: from, max: to }} />
                <Axis id="x-time" position={Position.Bottom} tickFormat={niceTimeFormatter([from, to])} />
                <Axis id="y-count" position={Position.Left} ticks={4} />
                <LineSeries
                  id="lines"
                  xScaleType={ScaleType.Time}
                  yScaleType={ScaleType.Linear}
                  data={lines}
                  xAccessor="time"
                  yAccessors={['count']}
                  splitSeriesAccessors={['template']}
                />
              </Chart>
            </div>
          </EuiPanel>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer />
      <EuiPanel>
        <EuiTitle size="xs">
          <h2>Top templates</h2>
        </EuiTitle>
        {top.error && <EuiCallOut color="danger" title="Could not load templates">{top.error}</EuiCallOut>}
        <EuiBasicTable<LogTemplate>
          data-test-subj="templatesTable"
          loading={top.loading}
          items={top.data?.templates ?? []}
          rowProps={() => ({ 'data-test-subj': 'templateRow' })}
          columns={[
            { field: 'template', name: 'Template', width: '40%', render: (t: string) => <code>{t}</code> },
            { field: 'namespace', name: 'Namespace' },
            { field: 'count', name: 'Count', dataType: 'number' },
            { field: 'first_seen', name: 'First seen', render: (t: string) => formatTime(parseTime(t)) },
            { field: 'last_seen', name: 'Last seen', render: (t: string) => formatTime(parseTime(t)) },
            { field: 'example', name: 'Example', width: '25%' },
          ]}
        />
      </EuiPanel>
      {timeline.data && timeline.data.newest.length > 0 && (
        <>
          <EuiSpacer />
          <EuiPanel>
            <EuiTitle size="xs">
              <h2>Newest templates</h2>
            </EuiTitle>
            <EuiBasicTable<LogTemplate>
              data-test-subj="newestTemplatesTable"
              items={timeline.data.newest}
              columns={[
                { field: 'first_seen', name: 'First seen', render: (t: string) => formatTime(parseTime(t)) },
                { field: 'template', name: 'Template', render: (t: string) => <code>{t}</code> },
                { field: 'namespace', name: 'Namespace' },
                { field: 'count', name: 'Count', dataType: 'number' },
              ]}
            />
          </EuiPanel>
        </>
      )}
    </>
  );
}

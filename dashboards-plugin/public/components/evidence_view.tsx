import React from 'react';
import {
  AnnotationDomainType,
  Axis,
  Chart,
  LineSeries,
  Position,
  RectAnnotation,
  ScaleType,
  Settings,
  niceTimeFormatter,
} from '@elastic/charts';
import { EuiBasicTable, EuiCodeBlock, EuiText } from '@elastic/eui';
import { LOG_MESSAGE_FIELDS, SPAN_FIELDS } from '../../common/fields';
import { parseTime } from '../../common/time';
import type { Evidence, EvidenceDoc } from '../../common/types';
import { fieldValue, formatTime } from '../format';

/** The source documents behind an anomaly, shown as what they are: metric points, spans or log lines. */
export function EvidenceView({ evidence }: { evidence: Evidence }) {
  switch (evidence.kind) {
    case 'points':
      return <MetricPoints evidence={evidence} />;
    case 'spans':
      return <Spans docs={evidence.documents} />;
    case 'logs':
      return <LogLines docs={evidence.documents} timeField={evidence.timeField} />;
    default:
      return <RawDocuments docs={evidence.documents} />;
  }
}

function timeOf(doc: EvidenceDoc, timeField?: string): number | null {
  const v = timeField ? fieldValue(doc._source, timeField) : undefined;
  return parseTime(v as any);
}

function MetricPoints({ evidence }: { evidence: Evidence }) {
  const { documents, timeField, window } = evidence;
  const numeric = evidence.fields.length
    ? evidence.fields
    : Object.keys(documents[0]?._source ?? {}).filter((f) => typeof documents[0]._source[f] === 'number');
  const scored = new Set(evidence.highlight ?? []);
  const points = documents
    .map((d) => ({ id: d._id, time: timeOf(d, timeField), ...Object.fromEntries(numeric.map((f) => [f, fieldValue(d._source, f)])) }))
    .filter((p) => p.time !== null);
  // Both ends of a result's window are points of it (the scored point is the last one).
  const inWindow = points.filter((p) => p.time! >= window.from && p.time! <= window.to);
  const from = evidence.discover.from;
  const to = evidence.discover.to;
  return (
    <div data-test-subj="evidencePoints" data-points={points.length} data-window-points={inWindow.length}>
      {numeric.map((field) => (
        <div key={field} style={{ height: 140, marginBottom: 8 }}>
          <EuiText size="xs">
            <strong>{field}</strong>
          </EuiText>
          <Chart>
            <Settings showLegend={false} xDomain={{ min: from, max: to }} />
            <Axis id="x-time" position={Position.Bottom} tickFormat={niceTimeFormatter([from, to])} />
            <Axis id="y-value" position={Position.Left} ticks={3} />
            <RectAnnotation
              id="window"
              dataValues={[{ coordinates: { x0: window.from, x1: Math.max(window.to, window.from + 1) } }]}
              style={{ fill: '#BD271E', opacity: 0.15 }}
            />
            <LineSeries
              id={field}
              xScaleType={ScaleType.Time}
              yScaleType={ScaleType.Linear}
              data={points}
              xAccessor="time"
              yAccessors={[field]}
            />
          </Chart>
        </div>
      ))}
      <EuiBasicTable
        items={inWindow}
        rowProps={(p: { id: string }) => ({ 'data-test-subj': scored.has(p.id) ? 'scoredPoint' : 'windowPoint', style: scored.has(p.id) ? { fontWeight: 600 } : undefined })}
        columns={[
          { field: 'time', name: 'Time', render: (t: number, p: { id: string }) => `${formatTime(t)}${scored.has(p.id) ? ' (scored)' : ''}` },
          ...numeric.map((f) => ({ field: f, name: f, dataType: 'number' as const, render: (v: unknown) => (typeof v === 'number' ? v.toFixed(3) : String(v ?? '—')) })),
        ]}
        noItemsMessage="No points inside the anomalous window"
      />
    </div>
  );
}

interface SpanRow {
  id: string;
  depth: number;
  service: string;
  operation: string;
  startUs: number;
  durationUs: number;
}

/** Spans of one or more traces in start order, indented under their parents, with duration bars. */
export function spanRows(docs: EvidenceDoc[]): SpanRow[] {
  const byId = new Map(docs.map((d) => [String(d._source[SPAN_FIELDS.spanId]), d]));
  const parentOf = (d: EvidenceDoc) => {
    const refs = (d._source[SPAN_FIELDS.references] as any[]) ?? [];
    return refs.find((r) => r?.refType === 'CHILD_OF')?.spanID as string | undefined;
  };
  const depth = (d: EvidenceDoc, seen = new Set<string>()): number => {
    const p = parentOf(d);
    if (!p || !byId.has(p) || seen.has(p)) return 0;
    seen.add(p);
    return 1 + depth(byId.get(p)!, seen);
  };
  return docs
    .map((d) => ({
      id: d._id,
      depth: depth(d),
      service: String(fieldValue(d._source, SPAN_FIELDS.service) ?? ''),
      operation: String(d._source[SPAN_FIELDS.operation] ?? ''),
      startUs: Number(d._source[SPAN_FIELDS.start] ?? 0),
      durationUs: Number(d._source[SPAN_FIELDS.duration] ?? 0),
    }))
    .sort((a, b) => a.startUs - b.startUs);
}

function Spans({ docs }: { docs: EvidenceDoc[] }) {
  const rows = spanRows(docs);
  const t0 = Math.min(...rows.map((r) => r.startUs));
  const t1 = Math.max(...rows.map((r) => r.startUs + r.durationUs));
  const span = Math.max(1, t1 - t0);
  return (
    <EuiBasicTable
      data-test-subj="evidenceSpans"
      items={rows}
      columns={[
        { field: 'service', name: 'Service', width: '20%' },
        {
          field: 'operation',
          name: 'Operation',
          render: (op: string, r: SpanRow) => <span style={{ paddingLeft: r.depth * 12 }}>{op}</span>,
        },
        { field: 'durationUs', name: 'Duration', width: '12%', render: (us: number) => `${(us / 1000).toFixed(1)} ms` },
        {
          name: 'Timeline',
          width: '30%',
          render: (r: SpanRow) => (
            <div style={{ position: 'relative', height: 10, width: '100%', background: '#F5F7FA' }}>
              <div
                style={{
                  position: 'absolute',
                  left: `${((r.startUs - t0) / span) * 100}%`,
                  width: `${Math.max(0.5, (r.durationUs / span) * 100)}%`,
                  height: '100%',
                  background: '#006BB4',
                }}
              />
            </div>
          ),
        },
      ]}
    />
  );
}

interface LogRow {
  id: string;
  time: number | null;
  message: string;
  template: string;
}

function LogLines({ docs, timeField }: { docs: EvidenceDoc[]; timeField?: string }) {
  const messageField = LOG_MESSAGE_FIELDS.find((f) => docs.some((d) => f in d._source)) ?? 'message';
  return (
    <EuiBasicTable<LogRow>
      data-test-subj="evidenceLogs"
      items={docs.map((d) => ({
        id: d._id,
        time: timeOf(d, timeField),
        message: String(d._source[messageField] ?? ''),
        template: String(fieldValue(d._source, 'log_template.template') ?? ''),
      }))}
      columns={[
        { field: 'time', name: 'Time', width: '20%', render: (t: number | null) => formatTime(t) },
        { field: 'message', name: 'Line', render: (m: string) => <code>{m}</code> },
        { field: 'template', name: 'Template', width: '30%' },
      ]}
    />
  );
}

function RawDocuments({ docs }: { docs: EvidenceDoc[] }) {
  return (
    <div data-test-subj="evidenceDocuments">
      {docs.map((d) => (
        <EuiCodeBlock key={`${d._index}/${d._id}`} language="json" paddingSize="s" fontSize="s">
          {JSON.stringify(d._source, null, 2)}
        </EuiCodeBlock>
      ))}
    </div>
  );
}

import React from 'react';
import {
  AnnotationDomainType,
  Axis,
  BubbleSeries,
  Chart,
  LineAnnotation,
  LineSeries,
  Position,
  ScaleType,
  Settings,
  niceTimeFormatter,
} from '@elastic/charts';
import { EuiIcon } from '@elastic/eui';
import type { AnomalyResult, ScorePoint } from '../../common/types';
import { formatEntity, formatScore, formatTime } from '../format';

export interface ScoreChartProps {
  from: number;
  to: number;
  series: ScorePoint[];
  threshold: number | null;
  anomalies: AnomalyResult[];
  onAnomalyClick?: (anomaly: AnomalyResult) => void;
}

/** Anomaly score over time: the threshold as a horizontal line, each anomaly as a marker at its scored point (data_end_time). */
export function ScoreChart({ from, to, series, threshold, anomalies, onAnomalyClick }: ScoreChartProps) {
  const byTime = new Map(anomalies.map((a) => [a.data_end_time, a]));
  return (
    <div style={{ height: 280 }} data-test-subj="scoreChart" data-from={from} data-to={to} data-points={series.length} data-anomalies={anomalies.length}>
      <Chart>
        <Settings
          xDomain={{ min: from, max: to }}
          showLegend={false}
          onElementClick={(elements: any[]) => {
            const datum = elements?.[0]?.[0]?.datum;
            const hit = datum && byTime.get(datum.data_end_time);
            if (hit && onAnomalyClick) onAnomalyClick(hit);
          }}
        />
        <Axis id="x-time" position={Position.Bottom} tickFormat={niceTimeFormatter([from, to])} showGridLines />
        <Axis id="y-score" position={Position.Left} domain={{ min: 0, max: 1 }} tickFormat={(v: number) => v.toFixed(2)} />
        <LineSeries
          id="score"
          name="score"
          xScaleType={ScaleType.Time}
          yScaleType={ScaleType.Linear}
          data={series}
          xAccessor="time"
          yAccessors={['score']}
        />
        <BubbleSeries
          id="anomalies"
          name="anomalies"
          color="#BD271E"
          xScaleType={ScaleType.Time}
          yScaleType={ScaleType.Linear}
          data={anomalies}
          xAccessor="data_end_time"
          yAccessors={['score']}
        />
        {threshold !== null && (
          <LineAnnotation
            id="threshold"
            domainType={AnnotationDomainType.YDomain}
            dataValues={[{ dataValue: threshold, details: `threshold ${formatScore(threshold)}` }]}
            style={{ line: { stroke: '#BD271E', strokeWidth: 1, opacity: 0.8, dash: [4, 4] } }}
          />
        )}
        <LineAnnotation
          id="anomaly-markers"
          domainType={AnnotationDomainType.XDomain}
          dataValues={anomalies.map((a) => ({
            dataValue: a.data_end_time,
            details: `${formatTime(a.data_end_time)} ${formatEntity(a.entity, a.entity_key)} score ${formatScore(a.score)}`,
          }))}
          style={{ line: { stroke: '#BD271E', strokeWidth: 1, opacity: 0.3 } }}
          marker={(datum: any) => <AnomalyMarker time={datum?.dataValue} />}
          markerPosition={Position.Top}
        />
      </Chart>
    </div>
  );
}

function AnomalyMarker({ time }: { time: number }) {
  return (
    <span data-test-subj="anomalyMarker" data-time={time}>
      <EuiIcon type="alert" color="danger" size="s" />
    </span>
  );
}

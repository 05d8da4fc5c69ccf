import React from 'react';
import { Axis, Chart, LineSeries, Position, ScaleType, Settings, niceTimeFormatter } from '@elastic/charts';
import type { ServiceScoreSeries } from '../../common/types';

export interface ServiceScoreChartProps {
  from: number;
  to: number;
  services: ServiceScoreSeries[];
}

/** A trace detector's score over time, one line per callee service (the max score of the calls to it per bucket). */
export function ServiceScoreChart({ from, to, services }: ServiceScoreChartProps) {
  return (
    <div style={{ height: 280 }} data-test-subj="serviceScoreChart" data-services={services.map((s) => s.service).join(',')}>
      <Chart>
        <Settings xDomain={{ min: from, max: to }} showLegend legendPosition={Position.Right} />
        <Axis id="x-time" position={Position.Bottom} tickFormat={niceTimeFormatter([from, to])} showGridLines />
        <Axis id="y-score" position={Position.Left} domain={{ min: 0, max: 1 }} tickFormat={(v: number) => v.toFixed(2)} />
        {services.map((s) => (
          <LineSeries
            key={s.service}
            id={`service-${s.service}`}
            name={s.service}
            xScaleType={ScaleType.Time}
            yScaleType={ScaleType.Linear}
            data={s.points}
            xAccessor="time"
            yAccessors={['score']}
          />
        ))}
      </Chart>
    </div>
  );
}

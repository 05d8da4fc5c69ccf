import React from 'react';
import { EuiFlexItem, EuiFormRow, EuiSuperDatePicker } from '@elastic/eui';

/** A page's time range as date-math strings ("now-24h" … "now"), the form OUI's picker and our routes both take. */
export interface TimeRangeStrings {
  start: string;
  end: string;
}

/** The "Range" item of a page's filter row: OUI's super date picker, refresh reloading the page's data. */
export function RangePicker({
  range,
  onChange,
  onRefresh,
  loading,
}: {
  range: TimeRangeStrings;
  onChange: (range: TimeRangeStrings) => void;
  onRefresh: () => void;
  loading?: boolean;
}) {
  return (
    <EuiFlexItem>
      <EuiFormRow label="Range">
        <EuiSuperDatePicker
          start={range.start}
          end={range.end}
          onTimeChange={({ start, end }) => onChange({ start, end })}
          onRefresh={onRefresh}
          isLoading={loading}
        />
      </EuiFormRow>
    </EuiFlexItem>
  );
}

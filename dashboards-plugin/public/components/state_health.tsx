import React from 'react';
import { EuiHealth } from '@elastic/eui';
import type { DetectorState } from '../../common/types';

const COLORS: Record<DetectorState, string> = {
  running: 'success',
  trained: 'primary',
  training: 'warning',
  created: 'subdued',
  stopped: 'subdued',
  failed: 'danger',
  unknown: 'subdued',
};

export function StateHealth({ state, error }: { state: DetectorState; error?: string | null }) {
  return (
    <EuiHealth color={COLORS[state] ?? 'subdued'} title={error ?? undefined} data-test-subj="detectorState">
      {state}
    </EuiHealth>
  );
}

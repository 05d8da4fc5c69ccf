import React from 'react';
import { EuiHealth } from '@elastic/eui';
import type { DetectorState } from '../../common/types';

/** States the backend's _start accepts (it answers 409 to the others: train the detector first). */
export const STARTABLE: readonly DetectorState[] = ['trained', 'stopped', 'running'];

const COLORS: Record<DetectorState, string> = {
  running: 'success',
  trained: 'primary',
  training: 'warning',
  created: 'subdued',
  stopped: 'subdued',
  failed: 'danger',
  unknown: 'subdued',
};

export function StateHealth({ state, error, progress }: { state: DetectorState; error?: string | null; progress?: number | null }) {
  return (
    <EuiHealth color={COLORS[state] ?? 'subdued'} title={error ?? undefined} data-test-subj="detectorState" data-state={state}>
      {state}
      {state === 'training' && typeof progress === 'number' ? ` ${progress.toFixed(0)}%` : ''}
    </EuiHealth>
  );
}

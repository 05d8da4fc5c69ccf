import React, { useEffect, useState } from 'react';
import {
  EuiBasicTable,
  EuiBasicTableColumn,
  EuiButton,
  EuiCallOut,
  EuiCode,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiText,
} from '@elastic/eui';
import type { AnomalyResult, ClassBucket } from '../../common/types';
import { errorMessage } from '../services';

export interface ClassesPanelProps {
  classes: ClassBucket[];
  labels: Record<string, string>;
  onSave: (labels: Record<string, string>) => Promise<void>;
  /** Readable text for sequence items (e.g. template ids → templates). */
  sequenceLabels?: Record<string, string>;
}

/** A typical sequence of a class: the example's `sequence` when it has one, else its top contributing fields. */
function typical(example: AnomalyResult, names: Record<string, string>): string {
  if (Array.isArray(example.sequence) && example.sequence.length) return example.sequence.map((s) => names[String(s)] ?? String(s)).join(' → ');
  return (example.contributions ?? []).map((c) => c.field).join(', ');
}

/** Classes of a classifying detector: size, anomalies, typical sequences, and a label the analyst can edit. */
export function ClassesPanel({ classes, labels, onSave, sequenceLabels = {} }: ClassesPanelProps) {
  const [draft, setDraft] = useState<Record<string, string>>(labels);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  useEffect(() => setDraft(labels), [labels]);
  const dirty = classes.some((c) => (draft[c.key] ?? '') !== (labels[c.key] ?? ''));

  const columns: Array<EuiBasicTableColumn<ClassBucket>> = [
    { field: 'key', name: 'Class', render: (k: string) => <EuiCode>{k}</EuiCode>, width: '12%' },
    {
      name: 'Label',
      width: '22%',
      render: (c: ClassBucket) => (
        <EuiFieldText
          compressed
          aria-label={`Label of class ${c.key}`}
          value={draft[c.key] ?? ''}
          placeholder="name this class"
          onChange={(e) => setDraft({ ...draft, [c.key]: e.target.value })}
          data-test-subj={`classLabel-${c.key}`}
        />
      ),
    },
    { field: 'count', name: 'Size', dataType: 'number', width: '8%' },
    { field: 'anomalies', name: 'Anomalies', dataType: 'number', width: '10%' },
    {
      field: 'examples',
      name: 'Typical sequences',
      render: (examples: AnomalyResult[]) => (
        <EuiText size="xs">
          {examples.map((e) => (
            <div key={e.id}>
              <code>{typical(e, sequenceLabels) || '—'}</code>
            </div>
          ))}
        </EuiText>
      ),
    },
  ];

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      await onSave(Object.fromEntries(classes.map((c) => [c.key, draft[c.key] ?? ''])));
    } catch (e) {
      // e.g. 409 from the backend: a running detector's configuration (labels included) cannot change.
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <EuiBasicTable items={classes} columns={columns} data-test-subj="classesTable" />
      {saveError && <EuiCallOut color="danger" size="s" title={`Labels not saved: ${saveError}`} data-test-subj="classLabelsError" />}
      <EuiFlexGroup justifyContent="flexEnd">
        <EuiFlexItem grow={false}>
          <EuiButton size="s" onClick={save} isDisabled={!dirty} isLoading={saving} data-test-subj="saveClassLabels">
            Save labels
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
    </>
  );
}

import { FormEvent, useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { ReportQuery } from '@backup-posture/plugin-backup-posture-common';
import { STATUS_LABELS, STATUS_ORDER } from '../shared';
import { FilterKey } from './reportQuery';

const TEXT_FILTERS: Array<{
  key: FilterKey;
  label: string;
  placeholder: string;
}> = [
  { key: 'q', label: 'Search', placeholder: 'entity name' },
  { key: 'owner', label: 'Owner', placeholder: 'group:default/team-a' },
  { key: 'system', label: 'System', placeholder: 'system:default/orders' },
  { key: 'lifecycle', label: 'Lifecycle', placeholder: 'production' },
  {
    key: 'check',
    label: 'Check id',
    placeholder: 'vault-key-customer-managed',
  },
];

type Filters = Pick<ReportQuery, FilterKey>;

const BUILT_IN_CLOUDS: readonly string[] = ['aws', 'azure'];

/**
 * Filters for the platform report. Text filters apply on submit (so typing does not fire a request
 * per key); the cloud and status selects apply at once.
 */
export function ReportFilters(props: {
  query: ReportQuery;
  /** Clouds of the rows shown: a cloud a backend module adds is offered once it appears. */
  seenClouds?: readonly string[];
  onChange: (filters: Filters) => void;
}) {
  const { query, onChange } = props;
  const moduleClouds = [
    ...new Set([...(props.seenClouds ?? []), query.cloud ?? '']),
  ]
    .filter(c => c && !BUILT_IN_CLOUDS.includes(c))
    .sort();
  const current: Filters = {
    q: query.q,
    owner: query.owner,
    system: query.system,
    lifecycle: query.lifecycle,
    check: query.check,
    cloud: query.cloud,
    status: query.status,
  };
  const [draft, setDraft] = useState<Filters>(current);
  const currentKey = JSON.stringify(current);
  useEffect(() => setDraft(JSON.parse(currentKey)), [currentKey]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(draft);
  };
  return (
    <form onSubmit={submit} aria-label="Report filters">
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="flex-end"
        style={{ gap: 12 }}
      >
        {TEXT_FILTERS.map(f => (
          <TextField
            key={f.key}
            label={f.label}
            placeholder={f.placeholder}
            size="small"
            value={draft[f.key] ?? ''}
            onChange={e => setDraft({ ...draft, [f.key]: e.target.value })}
            inputProps={{ 'aria-label': f.label }}
          />
        ))}
        <TextField
          select
          label="Cloud"
          size="small"
          style={{ minWidth: 110 }}
          value={draft.cloud ?? ''}
          onChange={e =>
            onChange({
              ...draft,
              cloud: (e.target.value || undefined) as Filters['cloud'],
            })
          }
          // The name goes on the element a screen reader focuses (MUI's select button).
          SelectProps={{
            SelectDisplayProps: { 'aria-label': 'Cloud' } as object,
          }}
        >
          <MenuItem value="">Any</MenuItem>
          <MenuItem value="aws">AWS</MenuItem>
          <MenuItem value="azure">Azure</MenuItem>
          {moduleClouds.map(cloud => (
            <MenuItem key={cloud} value={cloud}>
              {cloud}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Check status"
          size="small"
          style={{ minWidth: 150 }}
          value={draft.status ?? ''}
          onChange={e =>
            onChange({
              ...draft,
              status: (e.target.value || undefined) as Filters['status'],
            })
          }
          helperText={draft.check ? `of ${draft.check}` : 'of any check'}
          SelectProps={{
            SelectDisplayProps: { 'aria-label': 'Check status' } as object,
          }}
        >
          <MenuItem value="">Any</MenuItem>
          {STATUS_ORDER.map(status => (
            <MenuItem key={status} value={status}>
              {STATUS_LABELS[status]}
            </MenuItem>
          ))}
        </TextField>
        <Button type="submit" variant="contained" color="primary" size="small">
          Apply filters
        </Button>
        <Button size="small" onClick={() => onChange({})}>
          Clear
        </Button>
      </Box>
    </form>
  );
}

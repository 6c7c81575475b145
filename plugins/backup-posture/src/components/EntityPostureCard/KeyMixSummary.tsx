import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  KeyManagerKind,
  KeyMix,
} from '@backup-posture/plugin-backup-posture-common';
import { KeyManagerChip } from '../shared';

/** Recovery points per key manager, as icon + text + count. */
export function KeyMixSummary(props: { mix: KeyMix }) {
  const { mix } = props;
  const rows: Array<[KeyManagerKind, number]> = [
    ['customer', mix.customer],
    ['aws-managed', mix.awsManaged],
    ['aws-owned', mix.awsOwned],
  ];
  if (mix.platformManaged > 0)
    rows.push(['platform-managed', mix.platformManaged]);
  if (mix.unknown > 0) rows.push(['unknown', mix.unknown]);
  return (
    <Box data-testid="backup-posture-key-mix">
      <Typography variant="subtitle2">Recovery points by key</Typography>
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mt={0.5}>
        {rows.map(([manager, count]) => (
          <Box key={manager} display="flex" alignItems="center">
            <KeyManagerChip manager={manager} />
            <Box ml={0.5}>
              <Typography variant="body2">{count}</Typography>
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { CodeSnippet } from '@backstage/core-components';
import { CheckResult } from '@backup-posture/plugin-backup-posture-common';
import { StatusLabel, formatTimestamp } from '../shared';

/** Why a check matters, what it found, and how to fix it (console, CLI, Terraform). */
export function CheckDetails(props: { check: CheckResult }) {
  const { check } = props;
  const { remediation } = check;
  return (
    <Box py={1}>
      <Typography variant="subtitle2">Why it matters</Typography>
      <Typography variant="body2" paragraph>
        {remediation.why}
      </Typography>
      <Typography variant="subtitle2">Findings</Typography>
      <ul style={{ marginTop: 0 }}>
        {check.findings.map((finding, i) => (
          <li key={`${finding.subject}-${i}`}>
            <StatusLabel status={finding.status} />{' '}
            <code>{finding.subject}</code>: {finding.message}
            {finding.explanation && (
              <Typography variant="body2">
                What AWS means: {finding.explanation}
              </Typography>
            )}
            {finding.exception && (
              <Typography variant="body2">
                Accepted exception: {finding.exception.justification} (approved
                by {finding.exception.approver}, expires{' '}
                {formatTimestamp(finding.exception.expiresAt)})
              </Typography>
            )}
          </li>
        ))}
      </ul>
      <Typography variant="subtitle2">How to fix: console</Typography>
      <ol style={{ marginTop: 0 }}>
        {remediation.console.map((step, i) => (
          <li key={i}>
            <Typography variant="body2">{step}</Typography>
          </li>
        ))}
      </ol>
      {remediation.cli && (
        <>
          <Typography variant="subtitle2">How to fix: CLI</Typography>
          <CodeSnippet
            language="bash"
            text={remediation.cli}
            showCopyCodeButton
          />
        </>
      )}
      {remediation.terraform && (
        <>
          <Typography variant="subtitle2">How to fix: Terraform</Typography>
          <CodeSnippet
            language="hcl"
            text={remediation.terraform}
            showCopyCodeButton
          />
        </>
      )}
    </Box>
  );
}

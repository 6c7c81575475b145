import { CheckResult } from '@backup-posture/plugin-backup-posture-common';

/** What an assistant needs of a check result: status, why (findings, remediation) and the fix. */
export function checkSummaryOf(c: CheckResult) {
  return {
    checkId: c.checkId,
    title: c.title,
    severity: c.severity,
    status: c.status,
    summary: c.summary,
    findings: c.findings
      .filter(f => f.status === c.status)
      .map(f => ({
        subject: f.subject,
        status: f.status,
        message: f.message,
        ...(f.explanation ? { explanation: f.explanation } : {}),
      })),
    why: c.remediation.why,
    fix: c.remediation.console,
  };
}

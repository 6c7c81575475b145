/**
 * The shape of every Azure Recovery Services vault check (rules Z1–Z6): a definition and a judge
 * of one vault. Vaults an entity names that were not found, and verdicts over a subscription whose
 * scan failed, are \`unknown\`; a verdict relying on a key says when this scan's read of it failed.
 */
import { AzureKeyFact, AzureRecoveryVaultFact } from '../../../inventory';
import { CheckStatus, Finding } from '../../../posture';
import { AzureContext } from '../../azure/context';
import { withKeyReads } from '../../keyFreshness';
import { AzureCheck } from '../azureTypes';
import { finding } from '../types';

/** One vault's verdict, or nothing when the check does not apply to it. */
export type Judge = (
  vault: AzureRecoveryVaultFact,
  ctx: AzureContext,
) =>
  | {
      status: CheckStatus;
      message: string;
      evidence?: Record<string, string | number | boolean | null | undefined>;
      /** The key fact the verdict relies on: a failed read of it in this scan is said. */
      keyFact?: AzureKeyFact;
    }
  | undefined;

/** An Azure vault check from its definition and its judge of one vault. */
export function azureVaultCheck(options: {
  definition: AzureCheck['definition'];
  judge: Judge;
}): AzureCheck {
  const { definition, judge } = options;
  return {
    definition,
    evaluate({ ctx }) {
      const out: Finding[] = (ctx.azure.unresolvedVaultIds ?? []).map(
        vaultId => {
          const sub = /^\/subscriptions\/([^/]+)/i.exec(vaultId)?.[1] ?? '';
          return finding(
            vaultId,
            'unknown',
            `vault not found: ${ctx.scopeError(sub) ?? `subscription ${sub} is not scanned, or the vault was deleted`}`,
          );
        },
      );
      for (const vault of ctx.azure.vaults) {
        const scopeError = ctx.scopeError(vault.subscriptionId);
        const verdict = judge(vault, ctx);
        if (!verdict) continue;
        const judged =
          scopeError && verdict.status === 'pass'
            ? finding(
                vault.id,
                'unknown',
                `${verdict.message}, but ${scopeError}`,
                verdict.evidence,
              )
            : finding(
                vault.id,
                verdict.status,
                verdict.message,
                verdict.evidence,
              );
        out.push(withKeyReads(judged, [{ fact: verdict.keyFact }]));
      }
      return out;
    },
  };
}

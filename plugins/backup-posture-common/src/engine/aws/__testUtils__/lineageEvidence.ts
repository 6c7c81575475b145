/**
 * Shared by the key lineage tests beside this folder (lineageEvidence, lineageSameKey,
 * lineagePoints, lineagePredictedKeys and lineageChains): an entity's lineage, a vault's node in a
 * chain, and the keys and vaults most of them use.
 */
import { LineageChain, LineageLink } from '../../../posture';
import { evaluatePosture } from '../../index';
import {
  CENTRAL,
  cmk,
  entity,
  NOW,
  orgCopyPolicy,
  OSAKA,
  PROD,
  TOKYO,
  vault,
} from '../../__fixtures__/builders';

export const lineageOf = (inv: ReturnType<typeof entity>): LineageChain[] =>
  evaluatePosture(inv, { now: NOW }).lineage;

export const node = (chain: LineageChain, vaultName: string): LineageLink => {
  const found = chain.links.find(l => l.vaultName === vaultName);
  if (!found) throw new Error(`no node for vault ${vaultName}`);
  return found;
};

export const prodKey = cmk(PROD, TOKYO, 'prod-key');
export const oldKey = cmk(PROD, TOKYO, 'old-key');
export const osakaKey = cmk(PROD, OSAKA, 'osaka-key');
export const centralKey = cmk(CENTRAL, TOKYO, 'central-key');
export const primaryVault = vault(PROD, TOKYO, 'primary', prodKey);
export const osakaVault = vault(PROD, OSAKA, 'dr', osakaKey);
export const centralVault = vault(CENTRAL, TOKYO, 'central', centralKey, {
  accessPolicy: orgCopyPolicy(),
});

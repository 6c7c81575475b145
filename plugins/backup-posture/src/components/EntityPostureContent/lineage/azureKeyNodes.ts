/** Azure: the key vault and key behind a Recovery Services vault, as nodes of their own. */
import { edgeOf } from './graphEdges';
import { PlaceLabels } from './graphNodes';
import { LineageGraphEdge, LineageGraphNode } from './graphTypes';

/** Azure: a vault's key vault and key as nodes of their own (vault → key vault → key version). */
export function azureKeyNodes(
  vault: LineageGraphNode,
  labels: PlaceLabels,
): { nodes: LineageGraphNode[]; edges: LineageGraphEdge[] } {
  const key = vault.key;
  if (vault.cloud !== 'azure' || !key?.keyVault)
    return { nodes: [], edges: [] };
  const byRule = (rule: string) => (issue: string) =>
    issue.endsWith(`(rule ${rule})`);
  const kvIssues = vault.issues.filter(byRule('Z4'));
  const keyIssues = vault.issues.filter(byRule('Z5'));
  vault.issues = vault.issues.filter(
    issue => !kvIssues.includes(issue) && !keyIssues.includes(issue),
  );
  const kvRegion = key.keyVault.location ?? vault.region;
  const common = {
    cloud: vault.cloud,
    account: vault.account,
    region: kvRegion,
    lane: `${vault.account}|${kvRegion}`,
    parentUnknown: false,
    blocked: false,
    key,
  };
  const keyVault: LineageGraphNode = {
    ...common,
    id: `${vault.id}#key-vault`,
    label: labels.of(`azure-key-vault|${vault.account}|${key.keyVault.name}`),
    role: 'key-vault',
    title: key.keyVault.name,
    detail: key.keyVault.location
      ? `in ${key.keyVault.location}`
      : 'location unknown',
    issues: kvIssues,
    parentId: vault.id,
    depth: vault.depth + 1,
  };
  const keyName = key.alias?.split('/').pop() ?? 'key';
  const keyNode: LineageGraphNode = {
    ...common,
    id: `${vault.id}#key`,
    label: labels.of(`azure-key|${key.keyArn ?? keyVault.id}`),
    role: 'key',
    title: keyName,
    detail: key.pinnedVersion
      ? `version ${key.pinnedVersion.slice(0, 8)}… (pinned)`
      : 'latest version (versionless URI)',
    issues: keyIssues,
    parentId: keyVault.id,
    depth: vault.depth + 2,
  };
  return {
    nodes: [keyVault, keyNode],
    edges: [
      edgeOf(vault.id, keyVault.id, 'key held in'),
      edgeOf(keyVault.id, keyNode.id, 'key version'),
    ],
  };
}

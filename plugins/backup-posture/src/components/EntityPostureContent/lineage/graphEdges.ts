/** The arrows of a lineage graph: parent → child, labelled with the rule or copy job and its state. */
import { LineageEdge } from '@backup-posture/plugin-backup-posture-common';
import { LineageGraphEdge, LineageGraphNode } from './graphTypes';

const VIA_WORDS: Record<LineageEdge['kind'], string> = {
  'backup-rule': 'backup rule',
  'copy-action': 'copy rule',
  'copy-job': 'copy job',
};

/** The rule or job name without the words the kind already says (`copy job 7f3a` → `7f3a`). */
function edgeName(kindText: string, label?: string): string | undefined {
  const name = label?.trim();
  if (!name || kindText.toLowerCase().startsWith(name.toLowerCase()))
    return undefined;
  const prefix = `${kindText.toLowerCase()} `;
  return name.toLowerCase().startsWith(prefix)
    ? name.slice(prefix.length)
    : name;
}

export function edgeOf(
  from: string,
  to: string,
  kindText: string,
  rawName?: string,
  state?: string,
): LineageGraphEdge {
  const name = edgeName(kindText, rawName);
  const label = [kindText, name, state ? `(${state})` : undefined]
    .filter(Boolean)
    .join(' ');
  return {
    from,
    to,
    label,
    kindText,
    name,
    state,
    failed: /fail|abort|block/i.test(state ?? ''),
  };
}

/** The arrow into a node from its parent, if it has one in the graph. */
export function edgeInto(node: LineageGraphNode): LineageGraphEdge | undefined {
  if (!node.parentId) return undefined;
  if (node.blocked) {
    return edgeOf(
      node.parentId,
      node.id,
      node.via ? VIA_WORDS[node.via.kind] : 'copy',
      node.via?.label,
      'BLOCKED (rule B4)',
    );
  }
  if (node.via) {
    return edgeOf(
      node.parentId,
      node.id,
      VIA_WORDS[node.via.kind],
      node.via.label,
      node.via.state ?? (node.role === 'copy' ? node.copyState : undefined),
    );
  }
  return edgeOf(
    node.parentId,
    node.id,
    node.role === 'primary' ? 'backup' : 'copy',
    undefined,
    node.role === 'copy' ? node.copyState : undefined,
  );
}

// A V8 sampling heap profile (the inspector's SamplingHeapProfile tree) as sites: the bytes
// each function keeps, by name, file and line (where the function starts: V8 samples per
// call frame). An allocation made inside Node or V8 itself (`repeat`, `node:buffer`) is
// charged to the nearest frame of the program's own code above it, since that is the line
// to look at; one with no such frame keeps its own. Shared by the agent (run) and the
// inspector session (attach).

import { SiteTable, SITES_KEPT, type ProfileSites } from '../../../sources/site-table.cjs';

export interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

// skipUnder: a directory whose frames are not the program's (rssdoctor's own agent): what
// they keep is left out, and their callees' bytes go to the program's frame above them.
export function profileSites(
  head: ProfileNode,
  skipUnder: string | null,
  kept = SITES_KEPT,
): ProfileSites {
  const table = new SiteTable();
  // Iterative: a deep recursion in the program gives a deep tree.
  const stack: Array<{ node: ProfileNode; owner: ProfileNode | null }> = [
    { node: head, owner: null },
  ];
  while (stack.length > 0) {
    const { node, owner } = stack.pop()!;
    const url = node.callFrame.url;
    if (skipUnder !== null && url.startsWith(skipUnder)) continue;
    const own = isProgramCode(url) ? node : owner;
    if (node.selfSize > 0) {
      const frame = (own ?? node).callFrame;
      table.add(
        {
          function: frame.functionName === '' ? '(anonymous)' : frame.functionName,
          file: frame.url === '' ? null : frame.url,
          line: frame.url === '' ? null : frame.lineNumber + 1,
        },
        node.selfSize,
      );
    }
    for (const child of node.children) stack.push({ node: child, owner: own });
  }
  return table.largest(kept);
}

// Node's own modules (`node:…`), V8's builtins (no url) and native frames are not the
// program's code.
function isProgramCode(url: string): boolean {
  return url !== '' && !url.startsWith('node:') && !url.startsWith('internal/');
}

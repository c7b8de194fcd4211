import type { Nodes } from 'mdast';

/**
 * Visits `root` and its descendants in document order without recursion, so
 * no nesting depth can overflow the stack. Returning false from `enter` skips
 * the node's children.
 */
export function walk(root: Nodes, enter: (node: Nodes) => boolean | void): void {
  const stack: Nodes[] = [root];
  while (stack.length) {
    const node = stack.pop() as Nodes;
    if (enter(node) === false || !('children' in node)) continue;
    const children = node.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Nodes);
  }
}

/** The text of a node: its text and inline code, as mdast-util-to-string gives it, without recursion. */
export function textOf(node: Nodes): string {
  let out = '';
  walk(node, (n) => {
    if (n.type === 'text' || n.type === 'inlineCode') out += n.value;
    else if (n.type === 'image' || n.type === 'imageReference') out += n.alt ?? '';
  });
  return out;
}

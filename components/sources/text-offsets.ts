// Maps a DOM selection in a rendered source text back to offsets in the stored string. Every
// character of the text sits in exactly one element marked data-start (its offset), holding one
// text node; markers and anchors between them hold no text of the source and are skipped.

/** The string offset of a DOM boundary point (node, offset), clamped to the text. */
function pointOffset(box: HTMLElement, segments: HTMLElement[], node: Node, offset: number, length: number): number {
  const parent = node.nodeType === Node.TEXT_NODE ? node.parentElement : null;
  if (parent && parent.dataset.start !== undefined && parent.parentElement === box) return Math.min(Number(parent.dataset.start) + offset, length);
  const probe = document.createRange();
  probe.setStart(node, offset);
  let at = 0;
  for (const segment of segments) {
    // A segment whose end is at or before the point counts in full; the first one after it ends the walk.
    if (probe.comparePoint(segment, segment.childNodes.length) > 0) break;
    at = Number(segment.dataset.start) + (segment.textContent?.length ?? 0);
  }
  return Math.min(at, length);
}

/** The selected span of the text inside `box`, or null when the selection is empty or elsewhere. */
export function selectedSpan(box: HTMLElement, length: number): { start: number; end: number } | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(box)) return null;
  const segments = Array.from(box.children).filter((el): el is HTMLElement => el instanceof HTMLElement && el.dataset.start !== undefined);
  const start = pointOffset(box, segments, range.startContainer, range.startOffset, length);
  const end = pointOffset(box, segments, range.endContainer, range.endOffset, length);
  return end > start ? { start, end } : null;
}

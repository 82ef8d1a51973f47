// A time-ordered list drawn whole (the live view's series) stays under `max` points: past
// it, the older half keeps every other point, so density falls with age and a day-long
// run draws from at most `max` points. Records, which come in many series, are thinned
// per series instead (recording/thin-records.ts).

export function halveOlder<T>(list: T[], max: number): void {
  if (list.length <= max) return;
  // At least two, so that a short list loses a point too.
  const olderCount = Math.max(2, Math.floor(list.length / 2));
  let kept = 0;
  for (let i = 0; i < olderCount; i += 2) list[kept++] = list[i]!;
  list.splice(kept, olderCount - kept);
}

// How a run or a watch ends: one last forced full GC, where the memory lies, the release
// probe when asked, then (a run's, not attach's) the stop. The stop comes whatever the steps before it did: a probe that fails
// (a write to a closed socket, a refused attach) is told, never a target left running.

export interface EndSteps {
  finalProbe: () => Promise<void>;
  snapshot: () => void;
  // Null without --probe-release.
  releaseProbe: (() => Promise<void>) | null;
  // Null for attach: the target keeps running.
  stop: (() => Promise<void>) | null;
  failed: (step: string, error: unknown) => void;
}

export async function endSequence(steps: EndSteps): Promise<void> {
  let step = 'the final probe';
  try {
    await steps.finalProbe();
    step = 'the anon-map snapshot';
    steps.snapshot();
    step = 'the release probe';
    await steps.releaseProbe?.();
  } catch (error) {
    steps.failed(step, error);
  }
  await steps.stop?.();
}

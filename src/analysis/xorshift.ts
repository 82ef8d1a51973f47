// xorshift32 (G. Marsaglia, "Xorshift RNGs", J. Stat. Software 8(14), 2003): small, fast,
// seeded, and the same on every platform, so a sampled statistic is reproducible.
// Returns numbers in [0, 1).
export function xorshift32(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

// A seeded random sequence for tests, fuzzers and the benchmark archive: the same seed gives the
// same sequence everywhere, so a failing run can be replayed.

/** mulberry32: small, fast, good enough to spread inputs and pick words. Numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sequence with the two questions fuzzers ask of it: an integer below `n`, and one of `items`. */
export function seededPicker(seed: number) {
  const next = seededRandom(seed);
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] };
}

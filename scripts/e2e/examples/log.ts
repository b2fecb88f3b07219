/** The run's progress lines, each stamped with the time since the run started. */
import { performance } from 'node:perf_hooks';

const t0 = performance.now();

export const elapsed = (since = t0) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

export const say = (line: string) => console.log(`[e2e ${elapsed()}] ${line}`);

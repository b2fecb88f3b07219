/** How the bench writes its figures, and the statistics behind them. */
export const MiB = 1024 * 1024;

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const millis = (ms: number) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
export const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
export const signed = (bytes: number) => `${bytes >= 0 ? '+' : ''}${mib(bytes)}`;

/** this ÷ baseline, with how many times less (or more) when they differ much. */
export function ratio(ours: number, baseline: number, less = 'less', more = 'more'): string {
	if (!Number.isFinite(ours) || !Number.isFinite(baseline) || baseline === 0) return '—';
	const r = ours / baseline;
	if (r === 0) return `0 (none vs ${baseline})`;
	if (r < 0.8) return `${r.toFixed(3)} (${(1 / r).toFixed(1)}× ${less})`;
	if (r > 1.25) return `${r.toFixed(2)} (${r.toFixed(1)}× ${more})`;
	return r.toFixed(2);
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

import type { MediaKind } from './types';

/** Per-kind defaults that differ between Wan Video and Wan Image. */
export const KIND_DEFAULTS: Record<
	MediaKind,
	{ pollIntervalSeconds: number; timeoutSeconds: number; aspectRatio: string }
> = {
	video: { pollIntervalSeconds: 10, timeoutSeconds: 900, aspectRatio: '16:9' },
	image: { pollIntervalSeconds: 3, timeoutSeconds: 300, aspectRatio: '1:1' },
};

import { invalidInput } from '../inputError';
import type { ImageSizeLimits } from '../modelSpec';
import type { GenerationRequest } from '../request';
import type { ImageSize } from '../types';

/**
 * Wan 2.7 image `resolution` tiers, as providers that take a tier instead of a size name them (APIXO's
 * wan-2-7-image, https://apixo.ai/de/docs/models/image/wan-2-7-image, in lower case; Kie.ai's
 * wan/2-7-image-pro, https://docs.kie.ai/market/wan/2-7-image-pro, in capitals), named in the Size option by
 * their square size, as Alibaba sizes them (1K ≈ 1024×1024). The output of an edit keeps its input's shape
 * at the tier's pixel count.
 */
const TIERS = { '1k': 1024, '2k': 2048, '4k': 4096 } as const;

export type ImageTier = keyof typeof TIERS;

const sizeText = (tier: ImageTier) => `${TIERS[tier]}x${TIERS[tier]}`;

/** The Size limits of a model whose largest tier is `top`: square sizes from 1K up to it. */
export function tierSizeLimits(top: ImageTier): ImageSizeLimits {
	return { minPixels: TIERS['1k'] ** 2, maxPixels: TIERS[top] ** 2, minAspect: 1, maxAspect: 1 };
}

/** The tier a Size names, if it names one. */
export function tierOf(size: ImageSize | undefined): ImageTier | undefined {
	if (!size || size.width !== size.height) return undefined;
	return (Object.keys(TIERS) as ImageTier[]).find((tier) => TIERS[tier] === size.width);
}

/**
 * Refuses a Size that names no tier the request may have: the model's limits bound the largest, and 4K
 * takes no image set (APIXO: "4k only when mode=omni-image-pro, no image_urls, and enable_sequential=false";
 * Kie.ai: 4K "only for text-to-image in Standard Mode").
 */
export function imageTierCheck(providerName: string): (request: GenerationRequest) => void {
	return (request) => {
		const { size, spec } = request;
		if (!size || !spec.sizeLimits) return;
		const maxPixels = spec.sizeLimits.maxPixels;
		const allowed = (Object.keys(TIERS) as ImageTier[]).filter(
			(tier) => TIERS[tier] ** 2 <= maxPixels && !(tier === '4k' && request.imageSet),
		);
		const tier = tierOf(size);
		if (tier && allowed.includes(tier)) return;
		const listed = allowed.map((entry) => `${sizeText(entry)} (${entry.toUpperCase()})`).join(', ');
		throw invalidInput(
			'Size',
			`${size.width}x${size.height}`,
			`${providerName} takes a resolution tier, not an exact size; allowed here: ${listed}${request.imageSet ? ' (4K takes no image set)' : ''}.`,
		);
	};
}

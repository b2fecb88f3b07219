import type { IDataObject } from 'n8n-workflow';

import { asRecord, pathOf } from '../json';
import type { GenerationRequest } from '../request';
import { IMAGE_SIZES, VIDEO_SIZES } from '../sizes';
import type { ImageSize } from '../types';

/** Drops `undefined` fields, so optional provider fields are sent only when set. */
export function compact(body: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(body).filter(([, value]) => value !== undefined),
	) as IDataObject;
}

/** An object field sent only when it has fields set: `compact`, or `undefined` when nothing is left. */
export function compactOrNone(body: IDataObject): IDataObject | undefined {
	const compacted = compact(body);
	return Object.keys(compacted).length > 0 ? compacted : undefined;
}

/** The provider's usage object at `path`, as the provider names its fields; none when absent or empty. */
export function usageAt(body: unknown, ...path: string[]): IDataObject | undefined {
	const usage = asRecord(pathOf(body, ...path));
	return usage && Object.keys(usage).length > 0 ? (usage as IDataObject) : undefined;
}

/** A list field sent only when it has entries. */
export function listIfAny<T>(values: T[]): T[] | undefined {
	return values.length > 0 ? values : undefined;
}

/** Merges `extra` into `body`: objects merge key by key, anything else replaces. */
export function deepMerge(body: IDataObject, extra: IDataObject): IDataObject {
	const merged: IDataObject = { ...body };
	for (const [key, value] of Object.entries(extra)) {
		const target = asRecord(merged[key]);
		const source = asRecord(value);
		merged[key] =
			target && source ? deepMerge(target as IDataObject, source as IDataObject) : value;
	}
	return merged;
}

/** The image size asked for: the Size option, else the recommended size for the aspect ratio. */
export function requestedImageSize(request: GenerationRequest): ImageSize | undefined {
	return request.size ?? (request.aspectRatio ? IMAGE_SIZES[request.aspectRatio] : undefined);
}

/** The video's output size as `W*H` (Alibaba's notation) for its resolution and aspect ratio. */
export function videoSizeText(request: GenerationRequest): string | undefined {
	const { resolution, aspectRatio } = request;
	const size = resolution && aspectRatio ? VIDEO_SIZES[resolution][aspectRatio] : undefined;
	return size ? `${size.width}*${size.height}` : undefined;
}

import type { ReadFile } from './binaryMedia';
import { modelLabel } from './catalogue';
import { imageDimensions } from './imageDimensions';
import { ProblemCollector, invalidInput } from './inputError';
import type { ModelSpec } from './modelSpec';
import { MODES } from './modes';
import type { BinaryFile, GenerationRequest } from './request';
import type { ImageSize } from './types';

type ImagePixels = NonNullable<ModelSpec['imagePixels']>;

function pixelsAllowed(pixels: ImagePixels): string {
	const ratio = pixels.maxAspect ? `, from 1:${pixels.maxAspect} to ${pixels.maxAspect}:1` : '';
	return `${pixels.min}–${pixels.max} pixels a side${ratio}`;
}

/** Whether the model would refuse an image of this size. */
function refusesSize(size: ImageSize, pixels: ImagePixels): boolean {
	const sides = [size.width, size.height];
	const outside = sides.some((side) => side < pixels.min || side > pixels.max);
	const tooLong = pixels.maxAspect !== undefined && Math.max(...sides) > pixels.maxAspect * Math.min(...sides);
	return outside || tooLong;
}

function checkImage(label: string, file: BinaryFile, size: ImageSize | undefined, spec: ModelSpec, pixels: ImagePixels): void {
	if (!size) {
		throw invalidInput(label, file.field, `"${file.fileName}" (${file.mimeType}) has no image size this node can read: give a JPEG, PNG, BMP or WebP file.`);
	}
	if (refusesSize(size, pixels)) {
		throw invalidInput(
			label,
			file.field,
			`"${file.fileName}" is ${size.width}×${size.height} pixels; ${modelLabel(spec)} takes images of ${pixelsAllowed(pixels)}.`,
		);
	}
}

/**
 * Refuses, before any request, every image from a binary field whose pixel size the model does not take.
 * Images are read whole: validation has already held them to the model's size limit (20 MB at most).
 */
export async function checkImageFiles(readFile: ReadFile, request: GenerationRequest): Promise<void> {
	const pixels = request.spec.imagePixels;
	if (!pixels) return;
	const problems = new ProblemCollector();
	for (const slot of MODES[request.mode].slots) {
		for (const { file, type } of request.media[slot.slot] ?? []) {
			if (!file || type !== 'image') continue;
			const size = imageDimensions(await readFile(file.field));
			problems.check(() => checkImage(slot.label, file, size, request.spec, pixels));
		}
	}
	problems.throwIfAny();
}

import type { ModelSpec } from './modelSpec';
import { MODES, type GenerationMode, type MediaSlotSpec } from './modes';
import { PROVIDERS } from './providers';
import type { MediaKind, ProviderId } from './types';

/** A model key as the panel names it: `wan2.6-flash` → "Wan 2.6 Flash", `wan3.0-prime` → "Wan 3.0 Prime". */
export function modelName(model: string): string {
	return model.replace(/^wan/, 'Wan ').replace(/-(\w)/g, (_, letter: string) => ` ${letter.toUpperCase()}`);
}

/** A model as the panel names it, with the provider's id: "Wan 2.6 (wan2.6-t2v)". */
export function modelLabel(spec: ModelSpec): string {
	return `${modelName(spec.model)} (${spec.modelId})`;
}

/** Every model of every provider, from the providers' own folders. */
export const CATALOGUE: readonly ModelSpec[] = Object.values(PROVIDERS).flatMap((adapter) =>
	adapter.models.map((entry): ModelSpec => ({ ...entry, provider: adapter.id })),
);

export function findModel(provider: ProviderId, mode: GenerationMode, model: string): ModelSpec | undefined {
	return CATALOGUE.find((spec) => spec.provider === provider && spec.mode === mode && spec.model === model);
}

export function modelsFor(provider: ProviderId, mode: GenerationMode): ModelSpec[] {
	return CATALOGUE.filter((spec) => spec.provider === provider && spec.mode === mode);
}

/** The modes of one kind a provider serves, in the order its models list them. */
export function modesFor(provider: ProviderId, kind: MediaKind): GenerationMode[] {
	const modes = CATALOGUE.filter((spec) => spec.provider === provider && MODES[spec.mode].kind === kind).map(
		(spec) => spec.mode,
	);
	return [...new Set(modes)];
}

/** Whether the model takes this media input (in its mode): its entry says how many entries it takes. */
export function takesSlot(spec: ModelSpec, slot: MediaSlotSpec): boolean {
	return MODES[spec.mode].slots.includes(slot) && spec.media?.[slot.slot] !== undefined;
}

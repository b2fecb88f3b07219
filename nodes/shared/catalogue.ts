import type { ModelSpec } from './modelSpec';
import { MODES } from './modes';
import { PROVIDERS } from './providers';
import type { GenerationMode, MediaKind, ProviderId } from './types';

export const MODEL_NAMES: Record<string, string> = {
	'wan2.2': 'Wan 2.2',
	'wan2.5': 'Wan 2.5',
	'wan2.6': 'Wan 2.6',
	'wan2.6-flash': 'Wan 2.6 Flash',
};

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

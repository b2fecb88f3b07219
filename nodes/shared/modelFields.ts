import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { modelsFor, modesFor } from './catalogue';
import { KIND_DEFAULTS } from './defaults';
import type { ModelSpec } from './modelSpec';
import { PROVIDER_IDS } from './providers';
import type { AspectRatio, MediaKind } from './types';

/**
 * The fields whose allowed values depend on the model (Resolution, Aspect Ratio, Duration): one copy of
 * each per group of models that allow the same values, shown only for that provider, mode and those
 * models, so the panel offers exactly what the chosen model takes, in natural order.
 */

interface FieldSpec<T extends string | number> {
	name: string;
	displayName: string;
	description?: string;
	/** The model's allowed values, in the order to offer them; absent where the model has no such field. */
	values: (spec: ModelSpec) => readonly T[] | undefined;
	optionName: (value: T) => string;
	/** Default choices in order of preference; the first value is used where none of them is allowed. */
	preferred: readonly T[];
}

const RATIO_NAMES: Record<AspectRatio, string> = {
	'16:9': '16:9 (Landscape)',
	'9:16': '9:16 (Portrait)',
	'1:1': '1:1 (Square)',
	'4:3': '4:3',
	'3:4': '3:4',
};

/** One provider's models of one mode, grouped by the values they allow (models without the field left out). */
function groupByValues<T extends string | number>(specs: ModelSpec[], field: FieldSpec<T>) {
	const groups = new Map<string, { models: string[]; values: readonly T[] }>();
	for (const spec of specs) {
		const values = field.values(spec);
		if (!values) continue;
		const key = JSON.stringify(values);
		const group = groups.get(key) ?? { models: [], values };
		group.models.push(spec.model);
		groups.set(key, group);
	}
	return [...groups.values()];
}

function perModelField<T extends string | number>(kind: MediaKind, field: FieldSpec<T>): INodeProperties[] {
	return PROVIDER_IDS.flatMap((provider) =>
		modesFor(provider, kind).flatMap((mode) =>
			groupByValues(modelsFor(provider, mode), field).map(({ models, values }): INodeProperties => {
				const preferred = field.preferred.find((value) => values.includes(value)) ?? values[0];
				return {
					displayName: field.displayName,
					name: field.name,
					type: 'options',
					displayOptions: { show: { operation: ['generate'], provider: [provider], mode: [mode], model: models } },
					options: values.map((value): INodePropertyOptions => ({ name: field.optionName(value), value })),
					default: preferred,
					...(field.description ? { description: field.description } : {}),
				};
			}),
		),
	);
}

/**
 * Where a field shows that only some models take: for each provider, the modes whose accepting models
 * are the same, and those models. Inside Options (`inCollection`) root parameters take a leading slash.
 */
export function shownForModels(
	kind: MediaKind,
	accepts: (spec: ModelSpec) => boolean,
	inCollection: boolean,
): IDisplayOptions[] {
	const root = inCollection ? '/' : '';
	return PROVIDER_IDS.flatMap((provider) => {
		const modesByModels = new Map<string, { modes: string[]; models: string[] }>();
		for (const mode of modesFor(provider, kind)) {
			const models = modelsFor(provider, mode)
				.filter(accepts)
				.map((spec) => spec.model);
			if (models.length === 0) continue;
			const key = JSON.stringify(models);
			const group = modesByModels.get(key) ?? { modes: [], models };
			group.modes.push(mode);
			modesByModels.set(key, group);
		}
		return [...modesByModels.values()].map(({ modes, models }) => ({
			show: {
				[`${root}operation`]: ['generate'],
				[`${root}provider`]: [provider],
				[`${root}mode`]: modes,
				[`${root}model`]: models,
			},
		}));
	});
}

/** A duration as the panel names it: `5 s`, or what `0` and `-1` mean. */
export function durationName(seconds: number): string {
	if (seconds === 0) return 'Same as Source Video';
	if (seconds === -1) return 'Chosen by the Model';
	return `${seconds} s`;
}

const byNumber = (values: readonly number[]) => [...values].sort((a, b) => a - b);

export function videoModelFields(): INodeProperties[] {
	return [
		...perModelField<string>('video', {
			name: 'resolution',
			displayName: 'Resolution',
			values: (spec) => spec.resolutions,
			optionName: (value) => value,
			preferred: ['720p', '1080p'],
		}),
		...aspectRatioFields('video'),
		...perModelField<number>('video', {
			name: 'duration',
			displayName: 'Duration (Seconds)',
			description: 'Length of the video',
			values: (spec) => spec.durations && byNumber(spec.durations),
			optionName: durationName,
			// An edit keeps its source's length unless asked otherwise.
			preferred: [0, 5],
		}),
	];
}

export function aspectRatioFields(kind: MediaKind): INodeProperties[] {
	return perModelField<string>(kind, {
		name: 'aspectRatio',
		displayName: 'Aspect Ratio',
		description: kind === 'video' ? 'Shape of the output. 480p serves 16:9, 9:16 and 1:1 only.' : 'Shape of the output',
		values: (spec) => spec.aspectRatios,
		optionName: (value) => RATIO_NAMES[value as AspectRatio],
		preferred: [KIND_DEFAULTS[kind].aspectRatio],
	});
}

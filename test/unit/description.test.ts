/**
 * The editor's fields follow the provider, mode and model: for every model of every provider, the
 * Resolution, Aspect Ratio and Duration the panel shows are exactly the model's own, in natural order,
 * with a default the model accepts; generation fields are hidden for Get Task.
 */
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { CATALOGUE } from '../../nodes/shared/catalogue';
import { nodeProperties } from '../../nodes/shared/description';
import { MODES } from '../../nodes/shared/modes';
import type { ModelSpec } from '../../nodes/shared/modelSpec';

/** The properties n8n shows for these root parameter values (displayOptions.show only, as the nodes use). */
function visible(properties: INodeProperties[], values: INodeParameters): INodeProperties[] {
	return properties.filter((property) =>
		Object.entries(property.displayOptions?.show ?? {}).every(([name, allowed]) =>
			(allowed as unknown[]).includes(values[name]),
		),
	);
}

function shown(spec: ModelSpec, name: string): INodeProperties[] {
	const values = { provider: spec.provider, operation: 'generate', mode: spec.mode, model: spec.model };
	return visible(nodeProperties(MODES[spec.mode].kind), values).filter((property) => property.name === name);
}

const optionValues = (property: INodeProperties) => property.options?.map((option) => (option as { value: unknown }).value);

const RATIO_ORDER = ['16:9', '9:16', '1:1', '4:3', '3:4'];
const RESOLUTION_ORDER = ['480p', '720p', '1080p'];

describe.each(CATALOGUE.map((spec) => [`${spec.provider} ${spec.mode} ${spec.model}`, spec] as const))('%s', (_name, spec) => {
	it('shows one Model field listing this model', () => {
		const [model, ...others] = shown(spec, 'model');
		expect(others).toEqual([]);
		expect(optionValues(model)).toContain(spec.model);
	});

	it("offers exactly the model's resolutions, in natural order, with a valid default", () => {
		const fields = shown(spec, 'resolution');
		if (!spec.resolutions) return expect(fields).toEqual([]);
		expect(fields).toHaveLength(1);
		expect(optionValues(fields[0])).toEqual(RESOLUTION_ORDER.filter((value) => spec.resolutions!.includes(value as never)));
		expect(spec.resolutions).toContain(fields[0].default);
	});

	it("offers exactly the model's aspect ratios, in natural order, with a valid default", () => {
		const fields = shown(spec, 'aspectRatio');
		if (!spec.aspectRatios) return expect(fields).toEqual([]);
		expect(fields).toHaveLength(1);
		expect(optionValues(fields[0])).toEqual(RATIO_ORDER.filter((value) => spec.aspectRatios!.includes(value as never)));
		expect(spec.aspectRatios).toContain(fields[0].default);
	});

	it('marks the prompt required exactly where the model needs one', () => {
		const fields = shown(spec, 'prompt');
		expect(fields).toHaveLength(1);
		expect(fields[0].required).toBe(spec.prompt.required);
	});

	it('offers in Options exactly the optional fields and media options the model takes', () => {
		const values = { provider: spec.provider, operation: 'generate', mode: spec.mode, model: spec.model };
		const options = shown(spec, 'options')[0].options as INodeProperties[];
		const rootValues = Object.fromEntries(Object.entries(values).map(([name, value]) => [`/${name}`, value]));
		const offered = visible(options, rootValues).map((option) => option.name);
		expect(new Set(offered).size).toBe(offered.length);
		const mediaOptions = MODES[spec.mode].slots
			.filter((slot) => slot.inOptions && spec.media?.[slot.slot])
			.map((slot) => slot.parameter);
		const modelOptions = [...spec.optionalFields, ...mediaOptions];
		const everyRun = ['binaryPropertyName', 'extraParameters', 'includeInputFields', 'maxConcurrency', 'modelId', 'onTimeout', 'pollInterval', 'timeout'];
		expect(offered.filter((name) => !everyRun.includes(name)).sort()).toEqual([...modelOptions].sort());
	});

	it("shows the media fields any of the provider's models takes in this mode, each once, as the mode labels it", () => {
		const allMediaNames = [...new Set(CATALOGUE.flatMap((entry) => MODES[entry.mode].slots.map((slot) => slot.parameter)))];
		const values = { provider: spec.provider, operation: 'generate', mode: spec.mode, model: spec.model };
		const fields = visible(nodeProperties(MODES[spec.mode].kind), values).filter((property) => allMediaNames.includes(property.name));
		const siblings = CATALOGUE.filter((entry) => entry.provider === spec.provider && entry.mode === spec.mode);
		const taken = MODES[spec.mode].slots.filter((slot) => !slot.inOptions && siblings.some((entry) => entry.media?.[slot.slot]));
		expect(fields.map((field) => [field.name, field.displayName])).toEqual(taken.map((slot) => [slot.parameter, slot.label]));
	});

	it("offers exactly the model's durations, ascending, with a valid default", () => {
		const fields = shown(spec, 'duration');
		if (!spec.durations) return expect(fields).toEqual([]);
		expect(fields).toHaveLength(1);
		expect(optionValues(fields[0])).toEqual([...spec.durations].sort((a, b) => a - b));
		expect(spec.durations).toContain(fields[0].default);
	});
});

describe('Get Task', () => {
	it.each(['video', 'image'] as const)('%s: shows no generation field', (kind) => {
		const names = visible(nodeProperties(kind), { provider: 'evolink', operation: 'getTask', mode: 'textToVideo', model: 'wan2.5' }).map(
			(property) => property.name,
		);
		for (const field of ['prompt', 'resolution', 'aspectRatio', 'duration', 'imageUrl', 'imageUrls', 'referenceUrls', 'numberOfImages']) {
			expect(names).not.toContain(field);
		}
		expect(names).toEqual(expect.arrayContaining(['taskId', 'waitForCompletion', 'options']));
	});
});

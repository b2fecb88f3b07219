import { modelLabel } from './catalogue';
import { invalidInput, type ProblemCollector } from './inputError';
import { mediaTypeOfUrl } from './mediaTypes';
import type { ModelSpec } from './modelSpec';
import { MODES } from './modes';
import type { GenerationRequest, MediaRef } from './request';
import { urlList } from './urls';
import { isEmpty, textValue } from './values';

/** The raw parameter values media inputs are read from: top-level fields by name, and Options. */
export interface MediaParameters {
	options: Record<string, unknown>;
	[parameter: string]: unknown;
}

/** The mode's media inputs, each checked against how many entries the model takes. */
export function mediaInputs(spec: ModelSpec, input: MediaParameters, problems: ProblemCollector): GenerationRequest['media'] {
	const media: GenerationRequest['media'] = {};
	for (const slot of MODES[spec.mode].slots) {
		const range = spec.media?.[slot.slot];
		const value = slot.inOptions ? input.options[slot.parameter] : input[slot.parameter];
		if (!range) {
			// An entry of Options is refused with the model's options; a field is refused here, never dropped.
			if (!slot.inOptions && !isEmpty(value)) {
				problems.add(invalidInput(slot.label, value, `${modelLabel(spec)} takes none in ${MODES[spec.mode].label}.`));
			}
			continue;
		}
		const [onlyType] = slot.accepts.length === 1 ? slot.accepts : [];
		const entries = problems.check(() => {
			// A one-entry field takes text only; a list also takes an array from an expression.
			if (!slot.list) textValue(slot.label, value);
			return urlList(slot.label, value, range).map((url): MediaRef => ({ url, type: mediaTypeOfUrl(url) ?? onlyType }));
		});
		if (entries?.length) media[slot.slot] = entries;
	}
	return media;
}

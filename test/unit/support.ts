/** Helpers the per-provider unit files share. */
import { PROVIDERS } from '../../nodes/shared/providers';
import type { GenerationRequest } from '../../nodes/shared/request';
import type { ProviderId } from '../../nodes/shared/types';
import { buildGenerationRequest, type GenerationInput } from '../../nodes/shared/validation';

/** What a test gives: the provider and empty Options are added. */
export type TestInput = Partial<GenerationInput> & Pick<GenerationInput, 'kind' | 'mode' | 'model'>;

/** Builds requests for one provider through the real validation path, as the node does. */
export function requestsFor(provider: ProviderId, defaults: Partial<GenerationInput> = {}): (input: TestInput) => GenerationRequest {
	return (input) => buildGenerationRequest({ provider, options: {}, ...defaults, ...input }, PROVIDERS[provider].displayName);
}

/** What `run` throws (undefined when it does not). */
export function thrownBy(run: () => unknown): unknown {
	try {
		run();
	} catch (error) {
		return error;
	}
	return undefined;
}

import type { GenerationRequest, ProviderId, ProviderRequest } from '../types';
import type { ProviderAdapter } from './adapter';
import { alibaba } from './alibaba';
import { apixo } from './apixo';
import { deepMerge } from './body';
import { evolink } from './evolink';
import { gateway } from './gateway';

export const PROVIDERS: Partial<Record<ProviderId, ProviderAdapter>> = { alibaba, apixo, evolink, gateway };

export function providerAdapter(id: ProviderId): ProviderAdapter {
	const adapter = PROVIDERS[id];
	if (!adapter) throw new Error(`Unknown provider "${id}"`);
	return adapter;
}

/** The submit request with the user's `extraParameters` merged into the provider body. */
export function submitRequest(adapter: ProviderAdapter, request: GenerationRequest): ProviderRequest {
	const built = adapter.buildSubmit(request);
	if (!request.extraParameters) return built;
	return { ...built, body: deepMerge(built.body ?? {}, request.extraParameters) };
}

import type { GenerationRequest } from '../request';
import type { ProviderId, ProviderRequest } from '../types';
import type { ProviderAdapter } from './adapter';
import { alibaba } from './alibaba/adapter';
import { apixo } from './apixo/adapter';
import { deepMerge } from './body';
import { evolink } from './evolink/adapter';
import { fal } from './fal/adapter';
import { gateway } from './gateway/adapter';
import { kie } from './kie/adapter';
import { wavespeed } from './wavespeed/adapter';

/** Every provider, by id: adding a `ProviderId` without its adapter here does not compile. */
export const PROVIDERS = { alibaba, apixo, evolink, fal, gateway, kie, wavespeed } satisfies Record<ProviderId, ProviderAdapter>;

export const PROVIDER_IDS = Object.keys(PROVIDERS) as ProviderId[];

export function providerAdapter(id: ProviderId): ProviderAdapter {
	const adapter: ProviderAdapter | undefined = PROVIDERS[id];
	if (!adapter) throw new Error(`Unknown provider "${id}"`);
	return adapter;
}

/** The submit request with the user's `extraParameters` merged into the provider body. */
export function submitRequest(adapter: ProviderAdapter, request: GenerationRequest): ProviderRequest {
	const built = adapter.buildSubmit(request);
	if (!request.extraParameters) return built;
	return { ...built, body: deepMerge(built.body ?? {}, request.extraParameters) };
}

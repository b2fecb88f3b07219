/**
 * Every simulated provider, by id: `satisfies Record<ProviderId, …>`, so a provider added to the adapters'
 * registry (`nodes/shared/providers`) does not compile until the simulator serves it too.
 */
import type { ProviderId } from '../../../nodes/shared/types';
import type { SimProvider } from '../types';
import { alibabaProvider } from './alibaba';
import { apixoProvider } from './apixo';
import { evolinkProvider } from './evolink';
import { falProvider } from './fal';
import { gatewayProvider } from './gateway';
import { kieProvider } from './kie';
import { wavespeedProvider } from './wavespeed';

export const SIM_PROVIDERS = {
	alibaba: alibabaProvider,
	apixo: apixoProvider,
	evolink: evolinkProvider,
	fal: falProvider,
	gateway: gatewayProvider,
	kie: kieProvider,
	wavespeed: wavespeedProvider,
} satisfies Record<ProviderId, SimProvider>;

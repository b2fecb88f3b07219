import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, singleNodeWorkflow, startWorkflow, type RunOptions } from '../harness';
import type { Simulator, SimProviderId } from '../simulator';

export const NODE_NAME = 'Wan';

/** Each provider's credential type, and the credential pointing at the simulator. */
export const CREDENTIAL_TYPES: Record<SimProviderId, string> = {
	alibaba: 'alibabaModelStudioApi',
	apixo: 'apixoApi',
	evolink: 'evoLinkApi',
	gateway: 'wanGatewayApi',
};

export function simulatorCredentials(sim: Simulator, provider: SimProviderId, apiKey = sim.apiKey) {
	return { [CREDENTIAL_TYPES[provider]]: { apiKey, baseUrl: sim.baseUrl(provider) } };
}

export interface WanRun {
	sim: Simulator;
	provider: SimProviderId;
	kind: 'video' | 'image';
	parameters: INodeParameters;
	items?: IDataObject[];
	continueOnFail?: boolean;
	apiKey?: string;
	binaryMode?: RunOptions['binaryMode'];
}

function workflowOf(run: WanRun) {
	const credentialType = CREDENTIAL_TYPES[run.provider];
	return singleNodeWorkflow({
		type: run.kind === 'video' ? 'n8n-nodes-wan.wanVideo' : 'n8n-nodes-wan.wanImage',
		name: NODE_NAME,
		parameters: { provider: run.provider, ...run.parameters },
		credentials: { [credentialType]: { id: '1', name: `${run.provider} (simulator)` } },
		items: run.items,
		continueOnFail: run.continueOnFail,
	});
}

function optionsOf(run: WanRun): RunOptions {
	return {
		credentials: simulatorCredentials(run.sim, run.provider, run.apiKey),
		binaryMode: run.binaryMode,
	};
}

/** Runs the Wan node once through n8n-core's engine against the simulator. */
export async function runWan(run: WanRun) {
	return await runWorkflow(workflowOf(run), optionsOf(run));
}

/** Starts the run and hands back its cancel(), as the editor's Stop button. */
export function startWan(run: WanRun) {
	return startWorkflow(workflowOf(run), optionsOf(run));
}

/** Waits until `predicate` holds, checking every 10 ms, failing after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
	const started = Date.now();
	while (!predicate()) {
		if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

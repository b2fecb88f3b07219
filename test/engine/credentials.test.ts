/**
 * Every provider credential's Test button against the simulator, run as n8n 2.41 runs it: the Test
 * request through n8n-core's RoutingNode (its base URL and Bearer header resolved by n8n's expression
 * engine, with no `authenticate` block to add the header), judged as n8n's credential tester judges it
 * (test/harness/credentialTest.ts). A right key passes; a wrong key, a wrong address and an unreachable
 * host fail, with the same words on every provider. The real n8n does the same in `npm run test:e2e`.
 */
import { wrongAddressMessage, wrongKeyMessage } from '../../credentials/apiKeyCredential';
import { PROVIDER_IDS } from '../../nodes/shared/providers';
import { CONTRACTS } from '../fixtures/contract';
import { runCredentialTest } from '../harness/credentialTest';
import type { Simulator } from '../simulator';
import { useSimulator } from './support';

let sim!: Simulator;
useSimulator((started) => {
	sim = started;
});

describe.each(PROVIDER_IDS)('%s credential Test', (id) => {
	const credential = new CONTRACTS[id].credential();
	const { provider, scope } = CONTRACTS[id].credentialTest;
	/** The credential as a user fills it in, pointing at the simulator (Alibaba: region and the override). */
	const data = (apiKey: string, baseUrl = sim.baseUrl(id)) => ({ apiKey, baseUrl, region: 'intl' });

	it('passes with the right key, sent as a Bearer header', async () => {
		expect(await runCredentialTest(credential, data(sim.apiKey))).toStrictEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0]).toMatchObject({ provider: id, method: 'GET', authorization: 'ok' });
		expect(sim.tasks).toHaveLength(0);
	});

	it('fails with a wrong key, in the words every provider uses', async () => {
		expect(await runCredentialTest(credential, data(`${sim.apiKey}-wrong`))).toStrictEqual({
			status: 'Error',
			message: wrongKeyMessage(provider, scope),
		});
		expect(sim.requests[0]).toMatchObject({ provider: id, authorization: 'bad' });
	});

	it('fails clearly with a base URL where the provider is not', async () => {
		const elsewhere = `${new URL(sim.baseUrl(id)).origin}/nowhere`;
		expect(await runCredentialTest(credential, data(sim.apiKey, elsewhere))).toStrictEqual({
			status: 'Error',
			message: wrongAddressMessage(provider, scope),
		});
	});

	it('fails with the network error when nothing listens at the base URL', async () => {
		expect(await runCredentialTest(credential, data(sim.apiKey, 'http://127.0.0.1:9'))).toStrictEqual({
			status: 'Error',
			message: 'ECONNREFUSED',
		});
	});
});

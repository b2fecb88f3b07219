/**
 * The contract every provider adapter keeps, run over the registry: each provider's documented submit,
 * status and error bodies (`test/fixtures/<id>/*.json`) read exactly as its contract entry
 * (`test/fixtures/<id>/contract.ts`) says; unreadable bodies throw `MalformedResponseError` (never a
 * TypeError) carrying the body; status words map to the shared vocabulary; status requests, cancel and
 * base URLs; the API key never reaches a request the adapter builds; and the credential's Test button
 * answers a right key, a wrong key and a wrong address the same way on every provider (judged as n8n
 * 2.41 judges it: test/harness/credentialVerdict.ts). What only one provider does is in that
 * provider's own test file.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { BEARER_HEADER, wrongAddressMessage, wrongKeyMessage } from '../../credentials/apiKeyCredential';
import { MalformedResponseError, type ProviderAdapter } from '../../nodes/shared/providers/adapter';
import { PROVIDER_IDS, PROVIDERS, providerAdapter, submitRequest } from '../../nodes/shared/providers';
import { buildGenerationRequest } from '../../nodes/shared/validation';
import type { ProviderId } from '../../nodes/shared/types';
import { CONTRACTS, type Named, type ProviderContract } from '../fixtures/contract';
import { documented, documentedErrors } from '../fixtures/documented';
import { credentialTestVerdict, outcomeOfAnswer } from '../harness/credentialVerdict';
import { BUILTIN_PROVIDERS } from '../simulator';
import { SIM_PROVIDERS } from '../simulator/providers';

/** What `parse` throws on `body`, checked to be a MalformedResponseError that carries the body. */
function expectMalformed(parse: (body: unknown) => unknown, body: unknown): void {
	let thrown: unknown;
	try {
		parse(body);
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(MalformedResponseError);
	expect(thrown).not.toBeInstanceOf(TypeError);
	expect((thrown as MalformedResponseError).body).toBe(body);
}

/** Answers no provider can read, whatever it documents. */
const NOT_JSON_OBJECTS: Named<unknown> = [
	['null', null],
	['undefined', undefined],
	['a number', 42],
	['plain text', 'upstream connect error or disconnect/reset before headers'],
	['an HTML error page', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
	['an HTML challenge page', '<!DOCTYPE html><html><head><title>Cloudflare</title></head></html>'],
	['an empty object', {}],
];

/** Every documented error body, answered with HTTP 200: no task in it. */
const errorsWith200 = (id: ProviderId): Named<unknown> =>
	documentedErrors(id).map((entry) => [`the documented ${entry.name} error body with 200`, entry.body]);

/** Status words of every wrong type, in the place the provider keeps its status word. */
const wrongWords = (contract: ProviderContract): Named<unknown> =>
	[3, null, true, { value: 'completed' }, ['completed']].map((word) => [`a status word ${JSON.stringify(word)}`, contract.status.withWord(word)]);

const CASES = PROVIDER_IDS.map((id) => [id, PROVIDERS[id], CONTRACTS[id]] as [ProviderId, ProviderAdapter, ProviderContract]);

describe('the registry', () => {
	it('has a contract entry, and documented bodies, for every provider and no other', () => {
		expect(Object.keys(CONTRACTS).sort()).toEqual([...PROVIDER_IDS].sort());
		for (const id of PROVIDER_IDS) expect(documentedErrors(id).length).toBeGreaterThan(0);
	});

	it('is what the simulator serves: every provider, and no other', () => {
		for (const id of PROVIDER_IDS) expect(SIM_PROVIDERS[id].id).toBe(id);
		expect(BUILTIN_PROVIDERS.map((provider) => provider.id).sort()).toEqual([...PROVIDER_IDS].sort());
	});

	it('refuses an unknown provider id', () => {
		expect(() => providerAdapter('apixo-nope' as never)).toThrow('Unknown provider');
	});
});

describe.each(CASES)('%s adapter contract', (id, adapter, contract) => {
	describe('registration', () => {
		it('is the registry entry for its id', () => {
			expect(providerAdapter(id)).toBe(adapter);
			expect(adapter.id).toBe(id);
		});

		it('names its credential, and the package ships that credential', () => {
			const credential = new contract.credential();
			expect(adapter.credentialType).toBe(contract.credentialType);
			expect(credential.name).toBe(contract.credentialType);
			const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
				n8n: { credentials: string[] };
			};
			expect(pkg.n8n.credentials).toContain(`dist/credentials/${contract.credential.name}.credentials.js`);
		});
	});

	describe('parseSubmit', () => {
		it.each(Object.entries(contract.submit.documented))('reads the documented %s', (fixture, expected) => {
			expect(adapter.parseSubmit(documented(id, fixture))).toStrictEqual(expected);
		});

		it('keeps the task id of a terse answer without a readable status (the task exists and is paid for)', () => {
			const [body, taskId] = contract.submit.terse;
			expect(adapter.parseSubmit(body)).toStrictEqual({ taskId });
		});

		it.each([
			...NOT_JSON_OBJECTS,
			['an array holding a documented answer', [documented(id, Object.keys(contract.submit.documented)[0])]],
			...errorsWith200(id),
			...contract.submit.malformed,
		])('throws MalformedResponseError (not TypeError) on %s', (_name, body) => {
			expectMalformed((answer) => adapter.parseSubmit(answer), body);
		});
	});

	describe('parseStatus', () => {
		it.each(Object.entries(contract.status.documented))('reads the documented %s', (fixture, expected) => {
			expect(adapter.parseStatus(documented(id, fixture))).toStrictEqual(expected);
		});

		it.each(Object.entries({ teleporting: 'unknown', ...contract.status.words }))('maps the status word %s to %s and keeps the word', (word, status) => {
			expect(adapter.parseStatus(contract.status.withWord(word))).toStrictEqual({ ...contract.status.idle, status, rawStatus: word });
		});

		it.each([
			...NOT_JSON_OBJECTS,
			['an array holding a documented answer', [documented(id, Object.keys(contract.status.documented)[0])]],
			...wrongWords(contract),
			...errorsWith200(id),
			...contract.status.malformed,
		])('throws MalformedResponseError (not TypeError) on %s', (_name, body) => {
			expectMalformed((answer) => adapter.parseStatus(answer), body);
		});
	});

	describe('parseError', () => {
		it('has an expectation for every documented error body', () => {
			expect(Object.keys(contract.errors.documented).sort()).toEqual(documentedErrors(id).map((entry) => entry.name).sort());
		});

		it.each(documentedErrors(id).map((entry) => [entry.name, entry.body] as const))('reads the documented %s error body', (name, body) => {
			expect(adapter.parseError(body)).toStrictEqual(contract.errors.documented[name as keyof typeof contract.errors.documented]);
		});

		const readable: ProviderContract['errors']['readable'] = contract.errors.readable;
		if (readable.length > 0) {
			it.each(readable)('reads %s', (_name, body, expected) => {
				expect(adapter.parseError(body)).toStrictEqual(expected);
			});
		}

		it.each([
			...NOT_JSON_OBJECTS,
			['an array holding a documented error body', [documentedErrors(id)[0].body]],
			...contract.errors.unreadable,
		])('returns undefined for %s', (_name, body) => {
			expect(adapter.parseError(body)).toBeUndefined();
		});
	});

	describe('requests', () => {
		it.each(contract.statusRequests)('polls the task of %j with %j', (handle, expected) => {
			expect(adapter.buildStatus(handle)).toStrictEqual(expected);
		});

		it(contract.cancels ? 'can cancel a task' : 'has no cancel (the provider documents none)', () => {
			expect(typeof adapter.buildCancel).toBe(contract.cancels ? 'function' : 'undefined');
		});

		it('returns the adapter body unchanged without Extra Parameters', () => {
			const request = buildGenerationRequest(contract.sample, adapter.displayName);
			expect(submitRequest(adapter, request)).toStrictEqual(adapter.buildSubmit(request));
		});

		it('never puts the API key in a request it builds (the transport adds the auth header)', () => {
			const apiKey = 'sk-canary-7f3a9b2e51d84c06';
			const request = buildGenerationRequest(contract.sample, adapter.displayName);
			const built = JSON.stringify([
				adapter.buildSubmit(request),
				adapter.buildStatus({ provider: id, model: request.modelId, taskId: 't1' }),
				adapter.buildCancel?.({ provider: id, model: request.modelId, taskId: 't1' }, undefined),
			]);
			expect(built).not.toMatch(/authorization/i);
			expect(built).not.toContain(apiKey);
			const baseUrl = contract.baseUrls.find(([, expected]) => typeof expected === 'string')![0];
			expect(adapter.baseUrl({ ...baseUrl, apiKey })).not.toContain(apiKey);
		});
	});

	describe('credential Test button', () => {
		const credential = new contract.credential();
		const test = credential.test!;
		const { provider, scope, accepted } = contract.credentialTest;
		const header = contract.credentialTest.header ?? BEARER_HEADER;
		const judge = (answer: { status: number; statusText?: string; body: unknown }) =>
			credentialTestVerdict(test, outcomeOfAnswer(test, answer));

		it('has a Test request that sends the auth header itself (Bearer unless the provider takes another), and no authenticate block (no Custom API Call)', () => {
			expect(test.request.headers).toStrictEqual(header);
			expect(credential.authenticate).toBeUndefined();
			expect(credential.extends).toBeUndefined();
		});

		it('passes the answer a right key gets', () => {
			expect(judge(accepted)).toStrictEqual({ status: 'OK', message: 'Connection successful!' });
		});

		it('answers a wrong key (the simulated provider\'s 401) with the shared wrong-key message', () => {
			const refused = SIM_PROVIDERS[id].authError('bad');
			expect(refused.status).toBe(401);
			const verdict = judge({ status: refused.status, statusText: 'Unauthorized', body: refused.body });
			expect(verdict).toStrictEqual({ status: 'Error', message: wrongKeyMessage(provider, scope) });
			expect(verdict.message).toMatch(/^\S.* rejected the API key: check it was copied whole, and that it belongs to this (region|base URL)$/);
		});

		it('answers every documented 401 body with the wrong-key message', () => {
			const bodies = documentedErrors(id).filter((entry) => entry.status === 401);
			for (const { body } of bodies) {
				expect(judge({ status: 401, statusText: 'Unauthorized', body })).toStrictEqual({ status: 'Error', message: wrongKeyMessage(provider, scope) });
			}
		});

		it.each([
			['a 404 page', { status: 404, statusText: 'Not Found', body: 'Not Found' }],
			['a 404 JSON from another service', { status: 404, statusText: 'Not Found', body: { error: 'No route /v1/x' } }],
		])('fails clearly where the provider is not (%s)', (_name, answer) => {
			expect(judge(answer)).toStrictEqual({ status: 'Error', message: wrongAddressMessage(provider, scope) });
		});

		it('never passes a 401, whatever its body (a proxy\'s page, an empty answer)', () => {
			for (const body of ['<html>401 Authorization Required</html>', '', {}]) {
				expect(judge({ status: 401, statusText: 'Unauthorized', body }).status).toBe('Error');
			}
		});
	});

	describe('base URL', () => {
		it.each(contract.baseUrls)('from %j: %s', (credentials, expected) => {
			if (expected instanceof RegExp) expect(() => adapter.baseUrl(credentials)).toThrow(expected);
			else expect(adapter.baseUrl(credentials)).toBe(expected);
		});

		it('takes an override and strips its trailing slash', () => {
			expect(adapter.baseUrl({ baseUrl: 'https://proxy.example.com/x/' })).toBe('https://proxy.example.com/x');
		});
	});
});

/** Wait Method → Pause Until the Provider Calls Back: the node-side pieces, without an engine. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { documented } from '../fixtures/documented';
import { CALLBACK_PROVIDERS } from '../../nodes/shared/callback/options';
import { parkedTask, recordParkedTask, reserveParkedTask, type ParkedTask } from '../../nodes/shared/callback/parked';
import { callbackToken, callbackUrl, isOwnToken, unreachableReason } from '../../nodes/shared/callback/resumeUrl';
import { PROVIDERS } from '../../nodes/shared/providers';
import { nodeProperties } from '../../nodes/shared/description';
import { chosenWaitMethod } from '../../nodes/shared/callback/waitMethod';
import type { Job } from '../../nodes/shared/scheduler';
import { refusal } from './support';

const NODE = { id: '5f1c2a9e-0d3b-4c1e-9a7b-2d4e6f8a0b1c', name: 'Wan Video' };
const CREDENTIALS = { apiKey: 'sk-test', baseUrl: 'https://api.evolink.ai' };

/** The custom data store n8n gives a node: at most 10 keys per execution, new keys past that dropped. */
function customDataStore(existing: Record<string, string> = {}) {
	const data: Record<string, string> = { ...existing };
	return {
		data,
		customData: {
			set(key: string, value: string) {
				if (!(key in data) && Object.keys(data).length >= 10) return;
				data[key] = value;
			},
			setAll: () => undefined,
			get: (key: string) => data[key],
			getAll: () => ({ ...data }),
		},
	};
}

function context(executionId = '42', extra: Partial<Record<string, unknown>> = {}) {
	return {
		getExecutionId: () => executionId,
		getNode: () => NODE,
		...extra,
	} as unknown as IExecuteFunctions;
}

describe('which providers offer the pause', () => {
	it('is every provider that posts task callbacks, and only those', () => {
		expect([...CALLBACK_PROVIDERS].sort()).toEqual(['apixo', 'evolink', 'fal', 'kie', 'wavespeed']);
	});

	it('shows Wait Method only for those providers, when waiting for a new task, with the one-task hint', () => {
		const options = nodeProperties('video').find((property) => property.name === 'options') as INodeProperties;
		const waitMethod = (options.options as INodeProperties[]).find((option) => option.name === 'waitMethod')!;
		expect(waitMethod.default).toBe('poll');
		expect(waitMethod.displayOptions?.show).toEqual({
			'/operation': ['generate'],
			'/waitForCompletion': [true],
			'/provider': CALLBACK_PROVIDERS,
		});
		expect(waitMethod.hint).toMatch(/one task per execution.*more than one input item.*polls/);
		expect((waitMethod.options as Array<{ value: string; name: string }>).map((option) => option.name)).toContain(
			'Pause Until the Provider Calls Back',
		);
	});
});

describe("a callback's task id, as each provider posts it", () => {
	it.each([
		['evolink', documented('evolink', 'status-succeeded'), documented('evolink', 'status-succeeded').id],
		['apixo', documented('apixo', 'status-failed-webhook'), 'task_abc123xyz'],
		['kie', documented('kie', 'status-succeeded'), (documented('kie', 'status-succeeded').data as IDataObject).taskId],
		['wavespeed', documented('wavespeed', 'status-completed').data, (documented('wavespeed', 'status-completed').data as IDataObject).id],
		// https://docs.fal.ai/model-endpoints/webhooks, the success payload's example.
		['fal', { request_id: '123e4567-e89b-12d3-a456-426614174000', gateway_request_id: '123e4567-e89b-12d3-a456-426614174000', status: 'OK', payload: {} }, '123e4567-e89b-12d3-a456-426614174000'],
	] as const)('%s', (provider, body, taskId) => {
		expect(typeof taskId).toBe('string');
		expect(PROVIDERS[provider].callbackTaskId!(body)).toBe(taskId);
	});

	it('is undefined for a body that names no task (the node then checks its own task)', () => {
		for (const provider of CALLBACK_PROVIDERS) expect(PROVIDERS[provider].callbackTaskId!({ hello: 1 })).toBeUndefined();
	});
});

describe('the resume URL given to the provider', () => {
	const signed = `https://n8n.example.com/webhook-waiting/42/${NODE.id}`;

	it("carries the node's token and, where n8n has one, the execution's resume token as its signature", () => {
		const fn = context('42', {
			getSignedResumeUrl: (parameters: Record<string, string>) =>
				`${signed}?${new URLSearchParams({ ...parameters, signature: 'hmac-of-url' }).toString()}`,
			getWorkflowDataProxy: () => ({ $execution: { resumeUrl: 'https://n8n.example.com/webhook-waiting/42?signature=resume-token' } }),
		});
		const url = new URL(callbackUrl(fn, CREDENTIALS));
		expect(url.origin + url.pathname).toBe(signed);
		expect(url.searchParams.get('signature')).toBe('resume-token');
		expect(url.searchParams.get('wanToken')).toBe(callbackToken(fn, CREDENTIALS));
	});

	it("keeps n8n's own signature where the execution has no resume token (older n8n)", () => {
		const fn = context('42', {
			getSignedResumeUrl: (parameters: Record<string, string>) =>
				`${signed}?${new URLSearchParams({ ...parameters, signature: 'hmac-of-url' }).toString()}`,
			getWorkflowDataProxy: () => ({ $execution: { resumeUrl: 'https://n8n.example.com/webhook-waiting/42' } }),
		});
		expect(new URL(callbackUrl(fn, CREDENTIALS)).searchParams.get('signature')).toBe('hmac-of-url');
	});

	it("accepts only this execution's token made with this key", () => {
		const token = callbackToken(context('42'), CREDENTIALS);
		expect(token).toMatch(/^[0-9a-f]{64}$/);
		expect(isOwnToken(context('42'), CREDENTIALS, token)).toBe(true);
		expect(isOwnToken(context('43'), CREDENTIALS, token)).toBe(false);
		expect(isOwnToken(context('42'), { ...CREDENTIALS, apiKey: 'sk-other' }, token)).toBe(false);
		expect(isOwnToken(context('42'), CREDENTIALS, token.slice(1))).toBe(false);
		expect(isOwnToken(context('42'), CREDENTIALS, undefined)).toBe(false);
	});

	it.each([
		['https://n8n.example.com/webhook-waiting/1', 'https://api.evolink.ai', undefined],
		['http://localhost:5678/webhook-waiting/1', 'https://api.evolink.ai', /localhost/],
		['https://192.168.1.20/webhook-waiting/1', 'https://api.evolink.ai', /192\.168\.1\.20/],
		['http://n8n.example.com/webhook-waiting/1', 'https://api.evolink.ai', /not HTTPS/],
		// A provider on this machine (the simulator) reaches a local n8n.
		['http://localhost:5678/webhook-waiting/1', 'http://127.0.0.1:5690/evolink', undefined],
	])('%s called from %s', (resumeUrl, baseUrl, reason) => {
		const found = unreachableReason(resumeUrl, baseUrl);
		if (reason) expect(found).toMatch(reason);
		else expect(found).toBeUndefined();
	});
});

describe('the task a paused node records with its execution', () => {
	const task: ParkedTask = {
		handle: { provider: 'evolink', model: 'wan2.6-text-to-video', taskId: 'task-unified-1757169743-7cvnl5zw' },
		itemIndex: 0,
		submittedAt: 1_757_169_743_000,
		returnAs: 'binary',
		binaryPropertyName: 'video',
		continueOnFail: true,
		includeInputFields: false,
	};

	it('reads back as recorded, under a custom data key n8n accepts', () => {
		const store = customDataStore();
		const fn = context('42', { customData: store.customData });
		expect(reserveParkedTask(fn)).toBe(true);
		recordParkedTask(fn, task);
		expect(parkedTask(fn)).toEqual(task);
		const [key] = Object.keys(store.data);
		expect(key).toMatch(/^[A-Za-z0-9_]{1,50}$/);
		expect(store.data[key].length).toBeLessThanOrEqual(512);
	});

	it("keeps the submit's usage, and leaves it out rather than lose the task where it would not fit", () => {
		const store = customDataStore();
		const fn = context('42', { customData: store.customData });
		recordParkedTask(fn, { ...task, usage: { credits_reserved: 5 } });
		expect(parkedTask(fn)?.usage).toEqual({ credits_reserved: 5 });
		recordParkedTask(fn, { ...task, usage: { note: 'x'.repeat(600) } });
		expect(parkedTask(fn)).toEqual(task);
	});

	it('is refused before anything is sent when the execution already holds 10 custom data entries', () => {
		const full = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`key${i}`, 'x']));
		const fn = context('42', { customData: customDataStore(full).customData });
		expect(reserveParkedTask(fn)).toBe(false);
	});

	it('is absent for a node that did not pause', () => {
		expect(parkedTask(context('42', { customData: customDataStore().customData }))).toBeUndefined();
	});
});

describe('whether a run pauses or polls', () => {
	const job = (numberOfImages?: number) =>
		({ itemIndex: 0, settings: { waitForCompletion: true, pollIntervalMs: 1000, timeoutMs: 60_000, onTimeout: 'error' }, request: { numberOfImages } }) as unknown as Job;
	const fn = (options: IDataObject, items = 1, resumeUrl = 'https://n8n.example.com/webhook-waiting/42/node') =>
		({
			getNodeParameter: () => options,
			getInputData: () => Array.from({ length: items }, () => ({ json: {} })),
			getSignedResumeUrl: () => resumeUrl,
		}) as unknown as IExecuteFunctions;
	const evolink = PROVIDERS.evolink;
	const PUBLIC = 'https://api.evolink.ai';

	it('pauses one task of a provider with callbacks, n8n reachable', () => {
		expect(chosenWaitMethod(fn({ waitMethod: 'callback' }), evolink, [job()], PUBLIC)).toBe('callback');
	});

	it.each([
		['Wait Method is Poll', fn({ waitMethod: 'poll' }), evolink, [job()]],
		['the provider has no callbacks', fn({ waitMethod: 'callback' }), PROVIDERS.alibaba, [job()]],
		['more than one item', fn({ waitMethod: 'callback' }, 2), evolink, [job(), job()]],
		['several images', fn({ waitMethod: 'callback' }), evolink, [job(4)]],
		['n8n unreachable and polling allowed', fn({ waitMethod: 'callback', pollIfUnreachable: true }, 1, 'http://localhost:5678/webhook-waiting/1/n'), evolink, [job()]],
	] as const)('polls when %s', (_title, context, adapter, jobs) => {
		expect(chosenWaitMethod(context, adapter, jobs, PUBLIC)).toBe('poll');
	});

	it('refuses, naming the resume URL and the ways out, when n8n is unreachable and polling is not allowed', () => {
		const refused = refusal(() => chosenWaitMethod(fn({ waitMethod: 'callback' }, 1, 'http://localhost:5678/webhook-waiting/1/n?signature=s'), evolink, [job()], PUBLIC));
		expect(refused.message).toMatch(/Wait Method/);
		expect(refused.problems[0].allowed).toMatch(/http:\/\/localhost:5678\/webhook-waiting\/1\/n\).*localhost.*WEBHOOK_URL.*Poll If the Provider Cannot Call Back/);
		expect(refused.problems[0].allowed).not.toMatch(/signature/);
	});
});

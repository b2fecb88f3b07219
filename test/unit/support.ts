/** Helpers the per-provider unit files share. */
import { InvalidInputError } from '../../nodes/shared/inputError';
import { PROVIDERS, submitRequest } from '../../nodes/shared/providers';
import type { ProviderAdapter, UploadRequests } from '../../nodes/shared/providers/adapter';
import type { GenerationRequest } from '../../nodes/shared/request';
import type { ProviderId, ProviderRequest } from '../../nodes/shared/types';
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

/** The refusal `run` throws; the test fails unless it throws one. */
export function refusal(run: () => unknown): InvalidInputError {
	const thrown = thrownBy(run);
	expect(thrown).toBeInstanceOf(InvalidInputError);
	return thrown as InvalidInputError;
}

/** A submit case: what it shows, what the user entered, and exactly the request the node sends for it. */
export type SendCase<I> = [title: string, input: I, expected: ProviderRequest];

/**
 * One test per case: the input goes through the real validation path, and both the adapter's request
 * (`buildSubmit`) and what the node sends (`submitRequest`: Extra Parameters merged into the body) must
 * be exactly `expected`, method, path, headers and body. With Extra Parameters the adapter's own body
 * is the one without them, so only its method, path and headers are held to `expected`.
 */
export function itSends<I>(adapter: ProviderAdapter, request: (input: I) => GenerationRequest, cases: Array<SendCase<I>>): void {
	it.each(cases)('builds and sends %s', (_title, input, expected) => {
		const generation = request(input);
		const built = adapter.buildSubmit(generation);
		expect(built).toStrictEqual(generation.extraParameters ? { ...expected, body: built.body } : expected);
		expect(submitRequest(adapter, generation)).toStrictEqual(expected);
	});
}

/** A refusal: what it shows, what the user entered, and words the refusal must hold. */
export type RefusalCase<I> = [title: string, input: I, message: RegExp];

/** One test per case: validation refuses the input with an InvalidInputError whose message matches. */
export function itRefuses<I>(request: (input: I) => GenerationRequest, cases: Array<RefusalCase<I>>): void {
	it.each(cases)('refuses %s', (_title, input, message) => {
		const error = thrownBy(() => request(input));
		expect(error).toBeInstanceOf(InvalidInputError);
		expect((error as Error).message).toMatch(message);
	});
}

/**
 * DashScope's video sizes (W*H) for each resolution and aspect ratio, as its docs list them; the gateway
 * forwards them and APIXO's wan-2-6-video sends them as its size preset.
 */
export const DASHSCOPE_VIDEO_SIZES: Array<[resolution: string, aspectRatio: string, size: string]> = [
	['480p', '16:9', '832*480'],
	['480p', '9:16', '480*832'],
	['480p', '1:1', '624*624'],
	['720p', '16:9', '1280*720'],
	['720p', '9:16', '720*1280'],
	['720p', '1:1', '960*960'],
	['720p', '4:3', '1088*832'],
	['720p', '3:4', '832*1088'],
	['1080p', '16:9', '1920*1080'],
	['1080p', '9:16', '1080*1920'],
	['1080p', '1:1', '1440*1440'],
	['1080p', '4:3', '1632*1248'],
	['1080p', '3:4', '1248*1632'],
];

/** Upload requests that answer the given bodies and record what was asked, for an adapter's upload step. */
export function fakeUploadRequests(answers: { api?: unknown; multipart?: unknown }) {
	const asked: {
		api: Array<Parameters<UploadRequests['api']>[0]>;
		multipart: Array<Parameters<UploadRequests['multipart']>[0]>;
		put: Array<Parameters<UploadRequests['put']>[0]>;
	} = { api: [], multipart: [], put: [] };
	const requests: UploadRequests = {
		api: async (request) => {
			asked.api.push(request);
			if (!('api' in answers)) throw new Error('no API request expected');
			return answers.api;
		},
		multipart: async (request) => {
			asked.multipart.push(request);
			return answers.multipart;
		},
		put: async (request) => {
			asked.put.push(request);
			return '';
		},
	};
	return { asked, requests };
}

/**
 * Bad input is refused before any paid request: every case runs the real node through the engine and
 * the simulator must record zero requests. The message names the field, the value and what is allowed.
 */
import type { INodeParameters } from 'n8n-workflow';

import { PROVIDER_IDS } from '../../nodes/shared/providers';
import type { ProviderId } from '../../nodes/shared/types';
import { startSimulator, type Simulator } from '../simulator';
import { NODE_NAME, runWan } from './support';

interface BadInput {
	kind: 'video' | 'image';
	parameters: INodeParameters;
	field: string;
	/** The value as the message must show it. */
	shown: string;
	/** Words from the "what is allowed" part. */
	allowed: RegExp;
}

const t2v = { mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat playing the piano' };
const i2v = { mode: 'imageToVideo', model: 'wan2.5', prompt: 'It dances', imageUrl: 'https://example.com/cat.png' };
const t2i = { mode: 'textToImage', model: 'wan2.5', prompt: 'A lighthouse' };

/** Bad input for every provider, by id: a provider added to the registry does not compile until it has some. */
const CASES = {
	evolink: [
		// Blank, not empty: n8n itself stops an empty required field before the node runs (test below).
		{ kind: 'video', parameters: { ...t2v, prompt: '  ' }, field: 'Prompt', shown: '"  "', allowed: /prompt is required/ },
		{ kind: 'video', parameters: { ...t2v, prompt: 'a'.repeat(2001) }, field: 'Prompt', shown: '', allowed: /… \(2001 characters\)". At most 2000 characters/ },
		{ kind: 'video', parameters: { ...t2v, resolution: '480p', aspectRatio: '4:3' }, field: 'Aspect Ratio', shown: '"4:3"', allowed: /at 480p .*16:9, 9:16, 1:1/ },
		{ kind: 'video', parameters: { ...t2v, duration: 7 }, field: 'Duration', shown: '7', allowed: /5, 10 seconds/ },
		{ kind: 'video', parameters: { ...i2v, imageUrl: '' }, field: 'Image URL', shown: 'empty', allowed: /Expected 1 URL, got 0/ },
		{ kind: 'video', parameters: { ...i2v, imageUrl: 'ftp://example.com/cat.png' }, field: 'Image URL', shown: '"ftp://example.com/cat.png"', allowed: /Only http or https URLs/ },
		{ kind: 'video', parameters: { ...i2v, imageUrl: 'http://192.168.1.20/cat.png' }, field: 'Image URL', shown: '"http://192.168.1.20/cat.png"', allowed: /public address/ },
		{ kind: 'video', parameters: { ...t2v, options: { callbackUrl: 'http://example.com/hook' } }, field: 'Callback URL', shown: '"http://example.com/hook"', allowed: /Only https URLs/ },
		{ kind: 'video', parameters: { ...t2v, options: { extraParameters: '{"seed": 1' } }, field: 'Extra Parameters', shown: '"{"seed": 1"', allowed: /JSON object/ },
		{ kind: 'video', parameters: { ...t2v, model: 'wan2.2' }, field: 'Model', shown: '"Wan 2.2"', allowed: /Wan 2.5, Wan 2.6/ },
		{ kind: 'video', parameters: { ...t2v, prompt: '={{ 12345 }}' }, field: 'Prompt', shown: '12345', allowed: /Expected text/ },
		{ kind: 'video', parameters: { operation: 'getTask', mode: 'textToVideo', model: 'wan2.5', taskId: '={{ $json.missing }}' }, field: 'Task ID', shown: 'empty', allowed: /taskId/ },
		{ kind: 'video', parameters: { ...t2v, options: { pollInterval: 0 } }, field: 'Poll Interval', shown: '0', allowed: /at least 0.1/ },
		{ kind: 'video', parameters: { ...t2v, options: { maxConcurrency: 0 } }, field: 'Max Concurrency', shown: '0', allowed: /at least 1/ },
		{ kind: 'video', parameters: { ...t2v, options: { timeout: -5 } }, field: 'Timeout', shown: '-5', allowed: /at least 1/ },
		{ kind: 'image', parameters: { ...t2i, numberOfImages: 0 }, field: 'Number of Images', shown: '0', allowed: /1–4/ },
		{ kind: 'image', parameters: { ...t2i, numberOfImages: 5 }, field: 'Number of Images', shown: '5', allowed: /1–4/ },
		{ kind: 'image', parameters: { ...t2i, options: { size: '100x100' } }, field: 'Size', shown: '"100x100"', allowed: /768×768 to 1440×1440/ },
		{ kind: 'image', parameters: { ...t2i, options: { size: '5000x300' } }, field: 'Size', shown: '"5000x300"', allowed: /aspect ratio between 1:4 and 4:1/ },
		{ kind: 'image', parameters: { ...t2i, prompt: '   ' }, field: 'Prompt', shown: '"   "', allowed: /prompt is required/ },
		// Shown in Reference to Video (Wan 2.7 takes a first frame), refused by Wan 2.6, never dropped.
		{
			kind: 'video',
			parameters: { mode: 'referenceToVideo', model: 'wan2.6', prompt: 'character1 waves', referenceUrls: 'https://example.com/1.mp4', imageUrl: 'https://example.com/first.png' },
			field: 'First Frame URL',
			shown: '"https://example.com/first.png"',
			allowed: /Wan 2.6 \(wan2.6-reference-video\) takes none in Reference to Video/,
		},
	],
	apixo: [
		{ kind: 'video', parameters: { ...t2v, options: { seed: -1 } }, field: 'Seed', shown: '-1', allowed: /0–2147483647/ },
		{ kind: 'video', parameters: { ...t2v, options: { negativePrompt: 'n'.repeat(501) } }, field: 'Negative Prompt', shown: '', allowed: /\(501 characters\)". At most 500 characters/ },
		{ kind: 'video', parameters: { ...t2v, model: 'wan2.2' }, field: 'Model', shown: '"Wan 2.2"', allowed: /Wan 2.5, Wan 2.6/ },
		{ kind: 'image', parameters: { ...t2i, model: 'wan2.6', numberOfImages: 4 }, field: 'Number of Images', shown: '4', allowed: /1–3/ },
	],
	kie: [
		{ kind: 'video', parameters: { ...t2v, duration: 7 }, field: 'Duration', shown: '7', allowed: /5, 10 seconds/ },
		{ kind: 'video', parameters: { ...t2v, resolution: '720p', aspectRatio: '4:3' }, field: 'Aspect Ratio', shown: '"4:3"', allowed: /16:9, 9:16, 1:1/ },
		{ kind: 'video', parameters: { ...t2v, prompt: 'a'.repeat(801) }, field: 'Prompt', shown: '', allowed: /\(801 characters\)". At most 800 characters/ },
		{ kind: 'video', parameters: { ...t2v, model: 'wan2.6', resolution: '480p' }, field: 'Resolution', shown: '"480p"', allowed: /720p, 1080p/ },
		{ kind: 'video', parameters: { ...t2v, model: 'wan2.6', duration: 8 }, field: 'Duration', shown: '8', allowed: /5, 10, 15 seconds/ },
	],
	alibaba: [
		{ kind: 'video', parameters: { ...t2v, model: 'wan2.2', resolution: '720p' }, field: 'Resolution', shown: '"720p"', allowed: /480p, 1080p/ },
		{ kind: 'video', parameters: { mode: 'referenceToVideo', model: 'wan2.6', prompt: 'character1 waves', referenceUrls: [1, 2, 3, 4, 5, 6].map((n) => `https://example.com/${n}.mp4`).join('\n') }, field: 'Reference URLs', shown: '', allowed: /Expected 1–5 URLs, got 6/ },
		{ kind: 'image', parameters: { ...t2i, options: { size: '100*100' } }, field: 'Size', shown: '"100*100"', allowed: /WIDTHxHEIGHT/ },
		{ kind: 'image', parameters: { mode: 'imageToImage', model: 'wan2.6', prompt: 'Make it blue', imageUrls: 'https://example.com/a.png, http://localhost/b.png' }, field: 'Image URLs', shown: '"http://localhost/b.png"', allowed: /public address/ },
	],
	fal: [
		{ kind: 'video', parameters: { ...t2v, aspectRatio: '4:3' }, field: 'Aspect Ratio', shown: '"4:3"', allowed: /16:9, 9:16, 1:1/ },
		{ kind: 'video', parameters: { ...t2v, model: 'wan2.6', duration: 7 }, field: 'Duration', shown: '7', allowed: /5, 10, 15 seconds/ },
		{ kind: 'video', parameters: { ...t2v, model: 'wan2.2', resolution: '1080p' }, field: 'Resolution', shown: '"1080p"', allowed: /480p, 720p/ },
		{ kind: 'video', parameters: { ...t2v, model: 'wan2.7', duration: 16 }, field: 'Duration', shown: '16', allowed: /2–15 seconds/ },
		{ kind: 'video', parameters: { ...i2v, prompt: 'p'.repeat(801) }, field: 'Prompt', shown: '', allowed: /At most 800 characters/ },
		{
			kind: 'video',
			parameters: { mode: 'referenceToVideo', model: 'wan2.6', prompt: '@Video1 dances', referenceUrls: 'https://example.com/a.png' },
			field: 'Reference URLs',
			shown: '',
			allowed: /image/,
		},
		{ kind: 'image', parameters: { mode: 'imageToImage', model: 'wan2.5', prompt: 'Blend', imageUrls: 'https://example.com/1.png, https://example.com/2.png, https://example.com/3.png' }, field: 'Image URLs', shown: '', allowed: /1–2/ },
	],
	gateway: [
		{ kind: 'video', parameters: { ...t2v, duration: 15 }, field: 'Duration', shown: '15', allowed: /5, 10 seconds/ },
		{ kind: 'video', parameters: { ...t2v, model: 'wan2.6', resolution: '480p' }, field: 'Resolution', shown: '"480p"', allowed: /720p, 1080p/ },
		{ kind: 'video', parameters: { ...t2v, mode: 'referenceToVideo' }, field: 'Model', shown: '"Wan 2.5"', allowed: /Reference to Video: Wan 2\.7\./ },
	],
	wavespeed: [
		{ kind: 'video', parameters: t2v, field: 'Model', shown: '"Wan 2.5"', allowed: /Wan 2\.6/ },
		{ kind: 'video', parameters: { ...t2v, model: 'wan2.6', aspectRatio: '1:1' }, field: 'Aspect Ratio', shown: '"1:1"', allowed: /16:9, 9:16/ },
		{ kind: 'video', parameters: { ...t2v, model: 'wan2.6', duration: 7 }, field: 'Duration', shown: '7', allowed: /5, 10, 15 seconds/ },
		{ kind: 'video', parameters: { ...i2v, model: 'wan2.6', prompt: ' ' }, field: 'Prompt', shown: '" "', allowed: /prompt is required/ },
		{
			kind: 'video',
			parameters: { mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Image 1 waves', referenceUrls: 'https://example.com/face.png', duration: 5 },
			field: 'Reference URLs',
			shown: '"https://example.com/face.png"',
			allowed: /at least 1 video/,
		},
		{ kind: 'image', parameters: { ...t2i, model: 'wan2.6', numberOfImages: 5 }, field: 'Number of Images', shown: '5', allowed: /1–4/ },
	],
} satisfies Record<ProviderId, BadInput[]>;

describe('bad input makes no request', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => {
		await sim.close();
	});

	it('names every problem of an item in one error', async () => {
		sim.reset();
		const parameters = { ...t2v, prompt: ' ', resolution: '480p', aspectRatio: '4:3' };
		const result = await runWan({ sim, provider: 'evolink', kind: 'video', parameters });
		expect(result.status).toBe('error');
		const { message } = result.nodeError(NODE_NAME)!;
		expect(message).toMatch(/^This item has 2 problems\. Invalid Prompt: " "\. .* Invalid Aspect Ratio: "4:3"\. Allowed at 480p/);
		expect(sim.requests).toEqual([]);
	});

	it('an empty required Prompt is stopped by n8n before the node runs', async () => {
		sim.reset();
		const result = await runWan({ sim, provider: 'evolink', kind: 'video', parameters: { ...t2v, prompt: '' } });
		expect(result.status).toBe('error');
		expect(JSON.stringify(result.run.data.resultData.error)).toMatch(/Parameter \\"Prompt\\" is required/);
		expect(sim.requests).toEqual([]);
	});

	const cases = PROVIDER_IDS.flatMap((provider) => CASES[provider].map((entry): BadInput & { provider: ProviderId } => ({ ...entry, provider })));
	test.each(cases.map((entry) => [`${entry.kind} ${entry.provider}: ${entry.field} ${entry.shown.slice(0, 30)}`, entry] as const))(
		'%s',
		async (_name, entry) => {
			sim.reset();
			const result = await runWan({ sim, provider: entry.provider, kind: entry.kind, parameters: entry.parameters });
			expect(result.status).toBe('error');
			const error = result.nodeError(NODE_NAME)!;
			expect(error.message).toContain(`Invalid ${entry.field}: ${entry.shown}`);
			expect(error.message).toMatch(entry.allowed);
			expect(error.description).toMatch(/Nothing was sent/);
			expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(0);
			expect(sim.requests).toEqual([]);
		},
	);
});

/**
 * An option the chosen model does not take is not offered in the panel (see test/unit/description.test.ts),
 * and n8n drops a value saved for it under another model: it never reaches the provider.
 */
describe('an option the model does not take is not sent', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => {
		await sim.close();
	});

	test.each([
		['evolink', 'video', { ...t2v, options: { audioUrl: 'https://example.com/a.mp3' } }, 'a.mp3'],
		['apixo', 'image', { ...t2i, options: { size: '1280x1280' } }, '1280'],
		['alibaba', 'video', { ...t2v, options: { callbackUrl: 'https://example.com/hook' } }, 'example.com/hook'],
	] as const)('%s %s: %j', async (provider, kind, parameters, value) => {
		sim.reset();
		const result = await runWan({ sim, provider, kind, parameters: { ...parameters, waitForCompletion: false } });
		expect(result.status).toBe('success');
		expect(sim.tasks).toHaveLength(1);
		expect(JSON.stringify(sim.tasks[0].body)).not.toContain(value);
	});
});

/**
 * Proves the engine harness with node types defined here (independent of the real Wan nodes).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

import {
	NodeOperationError,
	sleep,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	HARNESS_ITEMS_NODE_TYPE,
	MANUAL_TRIGGER_NODE_TYPE,
	NOOP_NODE_TYPE,
	resolveCredentialExpression,
	runWorkflow,
	singleNodeWorkflow,
	startWorkflow,
	type WorkflowJson,
} from '../harness';

function description(name: string, extra: Partial<INodeTypeDescription> = {}): INodeTypeDescription {
	return {
		displayName: name,
		name,
		group: ['transform'],
		version: 1,
		description: name,
		defaults: { name },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'URL', name: 'url', type: 'string', default: '' }],
		...extra,
	};
}

/** (1) Returns one item per input item, tagged, with pairedItem. */
class EchoNode implements INodeType {
	description = description('echo');
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((item, index) => ({
				json: { ...item.json, echoed: true, index },
				pairedItem: { item: index },
			})),
		];
	}
}

/** (2) Calls a URL with the `testApi` credential. */
class AuthNode implements INodeType {
	description = description('auth', { credentials: [{ name: 'testApi', required: true }] });
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const url = this.getNodeParameter('url', 0) as string;
		const body = (await this.helpers.httpRequestWithAuthentication.call(this, 'testApi', {
			url,
			method: 'GET',
			json: true,
		})) as IDataObject;
		return [[{ json: body, pairedItem: { item: 0 } }]];
	}
}

class TestApi implements ICredentialType {
	name = 'testApi';
	displayName = 'Test API';
	properties: ICredentialType['properties'] = [
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Region', name: 'region', type: 'string', default: 'eu' },
	];
	authenticate = {
		type: 'generic' as const,
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.apiKey}}', 'X-Region': '={{ $credentials?.region }}' },
			qs: { client: 'harness' },
		},
	};
}

/** (3) Streams an HTTP response into prepareBinaryData. */
class DownloadNode implements INodeType {
	description = description('download');
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const url = this.getNodeParameter('url', 0) as string;
		const response = (await this.helpers.httpRequest({
			url,
			method: 'GET',
			encoding: 'stream',
			returnFullResponse: true,
			abortSignal: this.getExecutionCancelSignal(),
		})) as { body: Readable };
		const binary = await this.helpers.prepareBinaryData(response.body, 'x.mp4', 'video/mp4');
		return [[{ json: { ok: true }, binary: { data: binary }, pairedItem: { item: 0 } }]];
	}
}

/** (4) Waits until the execution is canceled. */
let loopIterations = 0;
class ForeverNode implements INodeType {
	description = description('forever');
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const signal = this.getExecutionCancelSignal();
		for (;;) {
			loopIterations++;
			await sleep(50, signal);
		}
	}
}

/** Ignores the cancel signal. */
class DeafNode implements INodeType {
	description = description('deaf');
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		await sleep(500);
		return [[{ json: { late: true }, pairedItem: { item: 0 } }]];
	}
}

/** (5) Throws a NodeOperationError. */
class FailNode implements INodeType {
	description = description('fail');
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		throw new NodeOperationError(this.getNode(), 'The provider rejected the request', {
			description: 'HTTP 400: prompt is required',
			itemIndex: 0,
		});
	}
}

const nodeTypes = {
	'test.echo': new EchoNode(),
	'test.auth': new AuthNode(),
	'test.download': new DownloadNode(),
	'test.forever': new ForeverNode(),
	'test.fail': new FailNode(),
	'test.deaf': new DeafNode(),
};

interface Seen {
	url: string;
	headers: http.IncomingHttpHeaders;
}

describe('engine harness', () => {
	let server: http.Server;
	let baseUrl: string;
	const seen: Seen[] = [];
	const videoBytes = Buffer.concat([Buffer.from('\x00\x00\x00\x18ftypmp42'), Buffer.alloc(300_000, 7)]);

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			seen.push({ url: req.url ?? '', headers: req.headers });
			if (req.url?.startsWith('/me')) {
				res.setHeader('content-type', 'application/json');
				res.end(JSON.stringify({ authorization: req.headers.authorization ?? null }));
				return;
			}
			if (req.url === '/video.mp4') {
				res.setHeader('content-type', 'video/mp4');
				// Send in chunks so the body really is a stream.
				Readable.from(
					Array.from({ length: Math.ceil(videoBytes.length / 65536) }, (_, i) =>
						videoBytes.subarray(i * 65536, (i + 1) * 65536),
					),
				).pipe(res);
				return;
			}
			res.statusCode = 404;
			res.end('not found');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	it('(1) runs a node and returns its items with pairedItem', async () => {
		const wf = singleNodeWorkflow({
			type: 'test.echo',
			parameters: {},
			items: [{ a: 1 }, { a: 2 }],
			name: 'Echo',
		});
		const result = await runWorkflow(wf, { nodeTypes });
		expect(result.status).toBe('success');
		expect(result.error).toBeUndefined();
		const out = result.output('Echo');
		expect(out.map((i) => i.json)).toEqual([
			{ a: 1, echoed: true, index: 0 },
			{ a: 2, echoed: true, index: 1 },
		]);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.output('Start').map((i) => i.json)).toEqual([{ a: 1 }, { a: 2 }]);
		expect(result.output('Nope')).toEqual([]);
		expect(result.executedNodes()).toEqual(['Start', 'Echo']);
	});

	it('runs exported-style workflows with the manualTrigger and noOp stand-ins', async () => {
		const wf: WorkflowJson = {
			name: 'exported',
			nodes: [
				{
					id: '1',
					name: 'When clicking ‘Execute workflow’',
					type: MANUAL_TRIGGER_NODE_TYPE,
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{ id: '2', name: 'Echo', type: 'test.echo', typeVersion: 1, position: [200, 0], parameters: {} },
				{ id: '3', name: 'NoOp', type: NOOP_NODE_TYPE, typeVersion: 1, position: [400, 0], parameters: {} },
			],
			connections: {
				'When clicking ‘Execute workflow’': { main: [[{ node: 'Echo', type: 'main', index: 0 }]] },
				Echo: { main: [[{ node: 'NoOp', type: 'main', index: 0 }]] },
			},
			settings: { executionOrder: 'v1' },
		};
		const result = await runWorkflow(wf, { nodeTypes });
		expect(result.status).toBe('success');
		expect(result.output('NoOp').map((i) => i.json)).toEqual([{ echoed: true, index: 0 }]);
		expect(singleNodeWorkflow({ type: 'x', parameters: {} }).nodes[0].type).toBe(HARNESS_ITEMS_NODE_TYPE);
	});

	it('(2) applies the generic authenticate block of the credential type', async () => {
		seen.length = 0;
		const wf = singleNodeWorkflow({
			type: 'test.auth',
			parameters: { url: `${baseUrl}/me` },
			credentials: { testApi: { id: '1', name: 'Test' } },
		});
		const result = await runWorkflow(wf, {
			nodeTypes,
			credentialTypes: { testApi: new TestApi() },
			credentials: { testApi: { apiKey: 'sk-test-123' } },
		});
		expect(result.nodeError('Wan')).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.output('Wan')[0].json).toEqual({ authorization: 'Bearer sk-test-123' });
		expect(seen).toHaveLength(1);
		expect(seen[0].headers.authorization).toBe('Bearer sk-test-123');
		expect(seen[0].headers['x-region']).toBe('eu'); // default of the credential property
		expect(seen[0].url).toBe('/me?client=harness');
	});

	it('supports function-style authenticate', async () => {
		seen.length = 0;
		const signed: ICredentialType = {
			name: 'testApi',
			displayName: 'Signed',
			properties: [{ displayName: 'Secret', name: 'secret', type: 'string', default: '' }],
			authenticate: async (credentials, requestOptions) => ({
				...requestOptions,
				headers: { ...(requestOptions.headers ?? {}), 'X-Signature': `sig:${credentials.secret as string}` },
			}),
		};
		const wf = singleNodeWorkflow({
			type: 'test.auth',
			parameters: { url: `${baseUrl}/me` },
			credentials: { testApi: { id: '1', name: 'Test' } },
		});
		const result = await runWorkflow(wf, {
			nodeTypes,
			credentialTypes: { testApi: signed },
			credentials: { testApi: { secret: 's3' } },
		});
		expect(result.status).toBe('success');
		expect(seen[0].headers['x-signature']).toBe('sig:s3');
	});

	it('reports missing credentials as a node error', async () => {
		const wf = singleNodeWorkflow({
			type: 'test.auth',
			parameters: { url: `${baseUrl}/me` },
			credentials: { testApi: { id: '1', name: 'Test' } },
		});
		const result = await runWorkflow(wf, { nodeTypes, credentialTypes: { testApi: new TestApi() } });
		expect(result.status).toBe('error');
		expect(result.nodeError('Wan')?.message).toMatch(/no credentials of type "testApi"/);
	});

	it('resolves credential expressions without a workflow', () => {
		const creds = { apiKey: 'k', region: 'us' };
		expect(resolveCredentialExpression('=Bearer {{$credentials.apiKey}}', creds)).toBe('Bearer k');
		expect(resolveCredentialExpression('={{ $credentials?.region }}', creds)).toBe('us');
		expect(resolveCredentialExpression('plain', creds)).toBe('plain');
	});

	it('(3) streams a download to disk in filesystem mode and reads it back', async () => {
		const wf = singleNodeWorkflow({ type: 'test.download', parameters: { url: `${baseUrl}/video.mp4` } });
		const result = await runWorkflow(wf, { nodeTypes });
		expect(result.nodeError('Wan')).toBeUndefined();
		expect(result.status).toBe('success');
		const binary = result.output('Wan')[0].binary!.data;
		expect(binary.id).toMatch(/^filesystem-v2:/);
		expect(binary.data).toBe('filesystem-v2');
		expect(binary).toMatchObject({ mimeType: 'video/mp4', fileName: 'x.mp4', fileExtension: 'mp4' });
		expect(binary.bytes).toBe(videoBytes.length);
		const bytes = await result.binaryBuffer(binary);
		expect(bytes.equals(videoBytes)).toBe(true);
	});

	it('keeps binary inline as base64 in memory mode', async () => {
		const wf = singleNodeWorkflow({ type: 'test.download', parameters: { url: `${baseUrl}/video.mp4` } });
		const result = await runWorkflow(wf, { nodeTypes, binaryMode: 'memory' });
		expect(result.status).toBe('success');
		const binary = result.output('Wan')[0].binary!.data;
		expect(binary.id).toBeUndefined();
		expect(Buffer.from(binary.data, 'base64').equals(videoBytes)).toBe(true);
		expect((await result.binaryBuffer(binary)).equals(videoBytes)).toBe(true);
	});

	it('(4) cancel() aborts the execution signal and resolves with status canceled', async () => {
		loopIterations = 0;
		const started = startWorkflow(singleNodeWorkflow({ type: 'test.forever', parameters: {} }), { nodeTypes });
		await sleep(200);
		expect(loopIterations).toBeGreaterThan(0);
		const canceledAt = Date.now();
		started.cancel();
		const result = await started.result;
		expect(Date.now() - canceledAt).toBeLessThan(1000);
		expect(result.status).toBe('canceled');
		expect(result.engineFinished).toBe(true);
		const iterationsAtEnd = loopIterations;
		await sleep(200);
		expect(loopIterations).toBe(iterationsAtEnd); // the node really stopped
	});

	it('cancel() resolves after cancelGraceMs with the state n8n recorded when a node ignores the signal', async () => {
		const started = startWorkflow(singleNodeWorkflow({ type: 'test.deaf', parameters: {} }), {
			nodeTypes,
			cancelGraceMs: 100,
		});
		await sleep(100);
		started.cancel();
		const result = await started.result;
		expect(result.status).toBe('canceled');
		expect(result.engineFinished).toBe(false);
		expect(result.engineStatus).toBeUndefined();
		await sleep(600); // let the node finish before the suite ends
	});

	it('(5) reports a NodeOperationError as status error with the node error', async () => {
		const result = await runWorkflow(singleNodeWorkflow({ type: 'test.fail', parameters: {}, name: 'Failing' }), {
			nodeTypes,
		});
		expect(result.status).toBe('error');
		const error = result.nodeError('Failing');
		expect(error?.message).toBe('The provider rejected the request');
		expect(error?.description).toBe('HTTP 400: prompt is required');
		expect((error as NodeOperationError | undefined)?.node.name).toBe('Failing');
		expect(result.error?.message).toBe('The provider rejected the request');
		expect(result.output('Failing')).toEqual([]);
	});

	it('continueOnFail passes the input through and records the error', async () => {
		const wf = singleNodeWorkflow({ type: 'test.fail', parameters: {}, continueOnFail: true, items: [{ x: 1 }] });
		wf.nodes.push({ id: 'n', name: 'After', type: NOOP_NODE_TYPE, typeVersion: 1, position: [480, 0], parameters: {} });
		wf.connections.Wan = { main: [[{ node: 'After', type: 'main', index: 0 }]] };
		const result = await runWorkflow(wf, { nodeTypes });
		expect(result.status).toBe('success');
		expect(result.nodeError('Wan')?.message).toBe('The provider rejected the request');
		expect(result.output('After').map((i) => i.json)).toEqual([{ x: 1 }]);

		// n8n-core 2.41.1 quirk: when the node that threw (continueOnFail) is the LAST node to run, the
		// engine's executionError is never reset and the whole execution ends with status 'error'.
		const last = await runWorkflow(
			singleNodeWorkflow({ type: 'test.fail', parameters: {}, continueOnFail: true, items: [{ x: 1 }] }),
			{ nodeTypes },
		);
		expect(last.status).toBe('error');
		expect(last.output('Wan').map((i) => i.json)).toEqual([{ x: 1 }]);
	});

	it('rejects unknown node types with a clear message', async () => {
		await expect(runWorkflow(singleNodeWorkflow({ type: 'test.unknown', parameters: {} }))).rejects.toThrow(
			/unknown node type "test.unknown"/,
		);
	});
});

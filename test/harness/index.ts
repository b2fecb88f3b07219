/**
 * Test harness: runs workflow JSON through n8n-core's real `WorkflowExecute` (the engine n8n itself uses),
 * with a small node-type registry, a credentials helper that applies credential `authenticate` blocks,
 * and filesystem binary data (n8n's default mode).
 *
 * Environment (user folder, telemetry off, ...) is prepared by `setup-env.js` (jest `setupFiles`).
 */
import 'reflect-metadata';

import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import * as path from 'node:path';

import { Container } from '@n8n/di';
import { BinaryDataService, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	createRunExecutionData,
	type ExecutionError,
	type ExecutionStatus,
	type IAuthenticateGeneric,
	type IBinaryData,
	type IBinaryKeyData,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentials,
	type ICredentialsHelper,
	type IDataObject,
	type IExecuteData,
	type IExecuteFunctions,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentials,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IConnections,
	type IPinData,
	type IRequestOptionsSimplified,
	type IRun,
	type IRunData,
	type ITriggerFunctions,
	type ITriggerResponse,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

// ---------------------------------------------------------------------------------------------------
// Public types and constants
// ---------------------------------------------------------------------------------------------------

/** A workflow as n8n exports it (the parts the engine needs). */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

export interface RunOptions {
	/** Decrypted credential data keyed by credential TYPE name, e.g. `{ evoLinkApi: { apiKey, baseUrl } }`. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/**
	 * `filesystem` (default): n8n's default mode; `prepareBinaryData` streams to disk under
	 * `$N8N_USER_FOLDER/.n8n/storage` and items carry only an `id`.
	 * `memory`: binary stays inline as base64 in `binary.data` (the fallback n8n-core uses when no
	 * binary data manager is initialised), handy for fixture equality.
	 */
	binaryMode?: 'filesystem' | 'memory';
	/** Extra node types (or overrides), keyed by the full type name used in the workflow JSON. */
	nodeTypes?: Record<string, INodeType | IVersionedNodeType>;
	/** Extra credential types (or overrides), keyed by credential type name. */
	credentialTypes?: Record<string, ICredentialType>;
	/** Name of the node the execution starts from. Default: `workflow.getStartNode()` (the trigger). */
	startNode?: string;
	/** Overrides merged into the engine's `additionalData` (base URLs, executionTimeoutTimestamp, ...). */
	additionalData?: Partial<IWorkflowExecuteAdditionalData>;
	/** Execution id; default a fresh one per run. */
	executionId?: string;
	/**
	 * After `cancel()`, how long to wait for the engine to finish before resolving with the state n8n
	 * recorded at cancel time (see `RunResult.engineFinished`). Default 5000 ms.
	 */
	cancelGraceMs?: number;
}

export interface RunResult {
	/** What n8n records for the execution: 'success' | 'error' | 'canceled' | 'waiting' ... */
	status: ExecutionStatus;
	/** Run-level error if any (with .message, .description, .node ...). */
	error?: ExecutionError;
	runData: IRunData;
	/** The complete `IRun` (from the engine, or from the `workflowExecuteAfter` hook after a cancel). */
	run: IRun;
	executionId: string;
	workflowId: string;
	/**
	 * The status the engine's own promise resolved with. Equals `status` except after a cancel: n8n
	 * records 'canceled' from the cancel handler, while the engine's promise may resolve later with
	 * 'error' if the running node rethrew the AbortError. `undefined` if the engine did not finish
	 * within `cancelGraceMs` after `cancel()`.
	 */
	engineStatus?: ExecutionStatus;
	/** false only when `cancel()` was called and the engine had not finished within `cancelGraceMs`. */
	engineFinished: boolean;
	/** Main output 0 of the node's last run ([] if none). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The error recorded on the node's last run, if any. */
	nodeError(nodeName: string): ExecutionError | undefined;
	/** Names of the nodes that ran, in execution order (by start time). */
	executedNodes(): string[];
	/** Binary bytes, whether stored on disk (`id`) or inline base64 (`data`). */
	binaryBuffer(binary: IBinaryData): Promise<Buffer>;
}

export interface StartedWorkflow {
	result: Promise<RunResult>;
	/** As a user pressing Stop: the PCancelable `.cancel()` of `processRunExecutionData`. */
	cancel(): void;
	executionId: string;
}

export const PACKAGE_NAME = 'n8n-nodes-wan';
export const MANUAL_TRIGGER_NODE_TYPE = 'n8n-nodes-base.manualTrigger';
export const NOOP_NODE_TYPE = 'n8n-nodes-base.noOp';
/** Harness start node: a trigger emitting the JSON items given in its `items` parameter. */
export const HARNESS_ITEMS_NODE_TYPE = 'harness.items';
export const WAN_VIDEO_NODE_TYPE = `${PACKAGE_NAME}.wanVideo`;
export const WAN_IMAGE_NODE_TYPE = `${PACKAGE_NAME}.wanImage`;

// ---------------------------------------------------------------------------------------------------
// Built-in stand-in node types
// ---------------------------------------------------------------------------------------------------

class ManualTriggerStandIn implements INodeType {
	description: INodeType['description'] = {
		displayName: 'When clicking ‘Execute workflow’',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

function parseItemsParameter(value: unknown): IDataObject[] {
	let items: unknown = value;
	if (typeof items === 'string') items = items.trim() === '' ? [] : JSON.parse(items);
	if (items === undefined || items === null) return [{}];
	if (!Array.isArray(items)) items = [items];
	return (items as unknown[]).map((item) =>
		item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as IDataObject) : { value: item as IDataObject[string] },
	);
}

/**
 * A file an item of the harness trigger carries: `{ "$binary": { "<field>": HarnessFile } }`, its bytes given
 * as base64 or as a file on disk (streamed into the binary store, for files too large to hold).
 */
export type HarnessFile = { mimeType: string; fileName: string } & ({ base64: string } | { path: string });

/** The item, with its `$binary` files stored in n8n's binary store as the item's binary fields. */
async function withBinary(trigger: ITriggerFunctions, item: IDataObject): Promise<INodeExecutionData> {
	const { $binary, ...json } = item;
	if (!$binary) return { json };
	const binary: IBinaryKeyData = {};
	for (const [field, file] of Object.entries($binary as Record<string, HarnessFile>)) {
		const bytes = 'path' in file ? createReadStream(file.path) : Buffer.from(file.base64, 'base64');
		binary[field] = await trigger.helpers.prepareBinaryData(bytes, file.fileName, file.mimeType);
	}
	return { json, binary };
}

class HarnessItemsTrigger implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Harness Items',
		name: 'items',
		group: ['trigger'],
		version: 1,
		description: 'Emits the JSON items given in the `items` parameter',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const raw = this.getNode().parameters.items;
		const items = parseItemsParameter(raw);
		const manualTriggerFunction = async () => {
			this.emit([await Promise.all(items.map(async (item) => await withBinary(this, item)))]);
		};
		return { manualTriggerFunction };
	}
}

class NoOpStandIn implements INodeType {
	description: INodeType['description'] = {
		displayName: 'No Operation, do nothing',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

const BUILTIN_NODE_TYPES: Record<string, () => INodeType | IVersionedNodeType> = {
	[MANUAL_TRIGGER_NODE_TYPE]: () => new ManualTriggerStandIn(),
	[HARNESS_ITEMS_NODE_TYPE]: () => new HarnessItemsTrigger(),
	[NOOP_NODE_TYPE]: () => new NoOpStandIn(),
};

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function upperFirst(name: string): string {
	return name.charAt(0).toUpperCase() + name.slice(1);
}

function isModuleNotFoundFor(error: unknown, modulePath: string): boolean {
	const e = error as { code?: string; message?: string };
	return (
		e?.code === 'MODULE_NOT_FOUND' &&
		typeof e.message === 'string' &&
		(e.message.includes(`'${modulePath}'`) || e.message.includes(modulePath))
	);
}

/**
 * Loads a class exported by a source file of the package, lazily (ts-jest compiles it on require).
 * Returns undefined when the file does not exist; other load errors (syntax, runtime) propagate.
 */
function loadPackageExport<T>(modulePath: string, exportName: string): T | undefined {
	let mod: Record<string, unknown>;
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		mod = require(modulePath) as Record<string, unknown>;
	} catch (error) {
		if (isModuleNotFoundFor(error, modulePath)) return undefined;
		throw error;
	}
	const Exported = mod[exportName];
	if (typeof Exported !== 'function') {
		throw new Error(`Harness: ${modulePath} does not export a class named "${exportName}"`);
	}
	return new (Exported as new () => T)();
}

/** `n8n-nodes-wan.wanVideo` → `nodes/WanVideo/WanVideo.node.ts`, class `WanVideo`. */
function loadPackageNodeType(type: string): INodeType | IVersionedNodeType | undefined {
	if (!type.startsWith(`${PACKAGE_NAME}.`)) return undefined;
	const className = upperFirst(type.slice(PACKAGE_NAME.length + 1));
	const modulePath = path.join(REPO_ROOT, 'nodes', className, `${className}.node.ts`);
	return loadPackageExport<INodeType | IVersionedNodeType>(modulePath, className);
}

/** `evoLinkApi` → `credentials/EvoLinkApi.credentials.ts`, class `EvoLinkApi`. */
function loadPackageCredentialType(type: string): ICredentialType | undefined {
	const className = upperFirst(type);
	const modulePath = path.join(REPO_ROOT, 'credentials', `${className}.credentials.ts`);
	return loadPackageExport<ICredentialType>(modulePath, className);
}

// ---------------------------------------------------------------------------------------------------
// Node type registry
// ---------------------------------------------------------------------------------------------------

export class HarnessNodeTypes implements INodeTypes {
	private readonly cache = new Map<string, INodeType | IVersionedNodeType>();

	constructor(private readonly extra: Record<string, INodeType | IVersionedNodeType> = {}) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const cached = this.cache.get(nodeType);
		if (cached) return cached;
		let loaded: INodeType | IVersionedNodeType | undefined = this.extra[nodeType];
		if (!loaded && BUILTIN_NODE_TYPES[nodeType]) loaded = BUILTIN_NODE_TYPES[nodeType]();
		if (!loaded) loaded = loadPackageNodeType(nodeType);
		if (!loaded) {
			const known = [...new Set([...Object.keys(this.extra), ...Object.keys(BUILTIN_NODE_TYPES)])];
			throw new Error(
				`Harness: unknown node type "${nodeType}". Known: ${known.join(', ')}, and ${PACKAGE_NAME}.<name> ` +
					'for nodes/<Name>/<Name>.node.ts. Pass others via options.nodeTypes.',
			);
		}
		this.cache.set(nodeType, loaded);
		return loaded;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

// ---------------------------------------------------------------------------------------------------
// Credentials helper
// ---------------------------------------------------------------------------------------------------

const CREDENTIAL_REF = /\$credentials\??\.([A-Za-z_$][\w$]*)|\$credentials\[\s*(['"])(.+?)\2\s*\]/g;

/**
 * Resolves `={{$credentials.x}}`-style values without the expression engine (used when no workflow is
 * available). Supports `$credentials.x`, `$credentials?.x`, `$credentials["x"]` inside `{{ }}`, with
 * string concatenation around them (`'=Bearer {{$credentials.apiKey}}'`).
 */
export function resolveCredentialExpression(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	const template = value.slice(1);
	const single = /^\{\{\s*(.+?)\s*\}\}$/.exec(template);
	const lookup = (expr: string): unknown => {
		const trimmed = expr.trim();
		CREDENTIAL_REF.lastIndex = 0;
		const m = CREDENTIAL_REF.exec(trimmed);
		if (!m || m.index !== 0 || m[0].length !== trimmed.length) {
			throw new Error(`Harness: cannot resolve credential expression "{{ ${trimmed} }}" without a workflow`);
		}
		return credentials[m[1] ?? m[3]];
	};
	if (single) return lookup(single[1]);
	return template.replace(/\{\{\s*(.+?)\s*\}\}/g, (_all, expr: string) => {
		const v = lookup(expr);
		return v === undefined || v === null ? '' : String(v);
	});
}

export class HarnessCredentialsHelper implements ICredentialsHelper {
	private readonly typeCache = new Map<string, ICredentialType | null>();

	constructor(
		private readonly credentials: Record<string, ICredentialDataDecryptedObject> = {},
		private readonly credentialTypes: Record<string, ICredentialType> = {},
	) {}

	/** The credential type class, or undefined when neither passed in nor found in `credentials/`. */
	findCredentialType(typeName: string): ICredentialType | undefined {
		if (this.credentialTypes[typeName]) return this.credentialTypes[typeName];
		if (!this.typeCache.has(typeName)) {
			this.typeCache.set(typeName, loadPackageCredentialType(typeName) ?? null);
		}
		return this.typeCache.get(typeName) ?? undefined;
	}

	getCredentialType(typeName: string): ICredentialType {
		const type = this.findCredentialType(typeName);
		if (!type) {
			throw new Error(
				`Harness: credential type "${typeName}" not found: pass it via options.credentialTypes ` +
					`or create credentials/${upperFirst(typeName)}.credentials.ts exporting class ${upperFirst(typeName)}`,
			);
		}
		return type;
	}

	getParentTypes(name: string): string[] {
		const type = this.findCredentialType(name);
		const parents = type?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.findCredentialType(credentialType) as
			| (ICredentialType & { restrictToSupportedNodes?: boolean })
			| undefined;
		if (!type?.restrictToSupportedNodes) return true;
		return (type.supportedNodes ?? []).some((n) => n === nodeType || nodeType.endsWith(`.${n}`));
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions & Record<string, unknown>;
		const credentialType = this.getCredentialType(typeName);
		const { authenticate } = credentialType;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (requestOptions.headers === undefined) requestOptions.headers = {};
		if ((authenticate as IAuthenticateGeneric).type === 'generic') {
			// Same as n8n's CredentialsHelper.authenticate (packages/cli/src/credentials-helper.ts).
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
					const keyResolved = this.resolveValue(key, credentials, workflow, node);
					const valueResolved = this.resolveValue(value, credentials, workflow, node);
					const target = (requestOptions[outerKey] ??= {}) as Record<string, unknown>;
					target[String(keyResolved)] = valueResolved;
				}
			}
		}
		return requestOptions;
	}

	/** As n8n's `CredentialsHelper.resolveValue`: `=`-prefixed strings are expressions with `$credentials`. */
	private resolveValue(
		value: unknown,
		credentials: ICredentialDataDecryptedObject,
		workflow?: Workflow,
		node?: INode,
	): unknown {
		if (typeof value !== 'string' || value.charAt(0) !== '=') return value;
		let resolved: unknown;
		if (workflow && node) {
			resolved = workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
		} else {
			resolved = resolveCredentialExpression(value, credentials);
		}
		if (!resolved) return '';
		return (resolved as { toString(): string }).toString();
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.findCredentialType(typeName);
		if (!credentialType?.preAuthentication) return undefined;
		const expirable = credentialType.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!expirable) return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) {
			return undefined;
		}
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const updated = { ...credentials, ...output } as ICredentialDataDecryptedObject;
		this.credentials[typeName] = { ...(this.credentials[typeName] ?? {}), ...output } as ICredentialDataDecryptedObject;
		return updated;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.findCredentialType(typeName);
		if (!credentialType?.preAuthentication) return undefined;
		return (await credentialType.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(_nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		throw new Error(`Harness: getCredentials("${type}") (encrypted credentials) is not supported`);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.credentials[type];
		if (data === undefined) {
			const given = Object.keys(this.credentials);
			throw new Error(
				`Harness: no credentials of type "${type}" were given to runWorkflow (options.credentials` +
					`${given.length ? ` has: ${given.join(', ')}` : ' is empty'})`,
			);
		}
		// As n8n: fill in the credential type's defaults for properties the data does not set.
		const credentialType = this.findCredentialType(type);
		if (!credentialType) return { ...data };
		const properties = this.getCredentialsProperties(type);
		const withDefaults = NodeHelpers.getNodeParameters(properties, data as INodeParameters, true, false, null, null);
		return { ...(withDefaults ?? {}), ...data } as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.credentials[type] = data;
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.credentials[type] = { ...(this.credentials[type] ?? {}), ...data };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.getCredentialType(type);
		const inherited = (credentialType.extends ?? []).flatMap((parent) => this.getCredentialsProperties(parent));
		const own = credentialType.properties;
		const ownNames = new Set(own.map((p) => p.name));
		return [...inherited.filter((p) => !ownNames.has(p.name)), ...own];
	}
}

// ---------------------------------------------------------------------------------------------------
// Binary data: filesystem (initialised once per test file) or memory per execution
// ---------------------------------------------------------------------------------------------------

type StoreArgs = Parameters<BinaryDataService['store']>;
type CopyArgs = Parameters<BinaryDataService['copyBinaryFile']>;

interface BinarySetup {
	service: BinaryDataService;
	memoryExecutions: Set<string>;
}

let binarySetup: Promise<BinarySetup> | undefined;

/**
 * Initialises n8n-core's BinaryDataService (filesystem mode, streams to disk) once, and routes `store`
 * calls of executions run with `binaryMode: 'memory'` to an uninitialised service (inline base64).
 */
async function ensureBinaryData(): Promise<BinarySetup> {
	binarySetup ??= (async () => {
		const service = Container.get(BinaryDataService);
		await service.init();
		const internals = service as unknown as Record<'config' | 'errorReporter' | 'logger', unknown>;
		const memory = new (BinaryDataService as unknown as new (...args: unknown[]) => BinaryDataService)(
			internals.config,
			internals.errorReporter,
			internals.logger,
		);
		const memoryExecutions = new Set<string>();
		const isMemory = (location: StoreArgs[0]) =>
			location.type === 'execution' && memoryExecutions.has(location.executionId);
		const originalStore = service.store.bind(service);
		const originalCopy = service.copyBinaryFile.bind(service);
		service.store = async (...args: StoreArgs) =>
			isMemory(args[0]) ? await memory.store(...args) : await originalStore(...args);
		service.copyBinaryFile = async (...args: CopyArgs) =>
			isMemory(args[0]) ? await memory.copyBinaryFile(...args) : await originalCopy(...args);
		return { service, memoryExecutions };
	})();
	return await binarySetup;
}

/** Reads binary bytes whether stored by the BinaryDataService (`id`) or inline base64 (`data`). */
export async function readBinary(binary: IBinaryData): Promise<Buffer> {
	if (binary.id) {
		const { service } = await ensureBinaryData();
		return await service.getAsBuffer(binary);
	}
	return Buffer.from(binary.data, 'base64');
}

// ---------------------------------------------------------------------------------------------------
// Running workflows
// ---------------------------------------------------------------------------------------------------

let runCounter = 0;

function buildResult(
	run: IRun,
	executionId: string,
	workflowId: string,
	extra: { status?: ExecutionStatus; engineStatus?: ExecutionStatus; engineFinished: boolean },
): RunResult {
	const runData: IRunData = run.data.resultData.runData ?? {};
	const lastTask = (nodeName: string) => {
		const tasks = runData[nodeName];
		return tasks?.length ? tasks[tasks.length - 1] : undefined;
	};
	return {
		status: extra.status ?? run.status,
		error: run.data.resultData.error,
		runData,
		run,
		executionId,
		workflowId,
		engineStatus: extra.engineStatus,
		engineFinished: extra.engineFinished,
		output: (nodeName, outputIndex = 0) => lastTask(nodeName)?.data?.main?.[outputIndex] ?? [],
		nodeError: (nodeName) => {
			const fromTask = lastTask(nodeName)?.error;
			if (fromTask) return fromTask;
			const runError = run.data.resultData.error;
			return (runError as { node?: INode } | undefined)?.node?.name === nodeName ? runError : undefined;
		},
		executedNodes: () =>
			Object.entries(runData)
				.flatMap(([name, tasks]) => tasks.map((t) => ({ name, startTime: t.startTime, order: t.executionIndex })))
				.sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.startTime - b.startTime)
				.map((t) => t.name),
		binaryBuffer: readBinary,
	};
}

function errorRun(error: unknown, runExecutionData: ReturnType<typeof createRunExecutionData>): IRun {
	const e = error as Error;
	runExecutionData.resultData.error = { ...e, message: e.message, stack: e.stack } as ExecutionError;
	return {
		data: runExecutionData,
		mode: 'manual',
		startedAt: new Date(),
		stoppedAt: new Date(),
		status: 'error',
	} as IRun;
}

/**
 * Starts a workflow through n8n-core's `WorkflowExecute.processRunExecutionData` ('manual' mode, as a
 * user pressing "Execute workflow"). `result` always resolves with a RunResult (also after `cancel()`
 * and on engine-level errors); it rejects only on harness misuse (unknown node type...).
 */
export function startWorkflow(workflowJson: WorkflowJson, options: RunOptions = {}): StartedWorkflow {
	const executionId = options.executionId ?? `harness-${process.pid}-${++runCounter}-${randomUUID().slice(0, 8)}`;
	const workflowId = workflowJson.id ?? `harness-wf-${randomUUID().slice(0, 8)}`;
	const mode: WorkflowExecuteMode = 'manual';
	const binaryMode = options.binaryMode ?? 'filesystem';

	let cancelRequested = false;
	let cancelEngine: (() => void) | undefined;
	let onCancelRequested: (() => void) | undefined;

	const result = (async (): Promise<RunResult> => {
		const binary = await ensureBinaryData();
		if (binaryMode === 'memory') binary.memoryExecutions.add(executionId);
		try {
			const nodeTypes = new HarnessNodeTypes(options.nodeTypes);
			const settings: IWorkflowSettings = { executionOrder: 'v1', ...(workflowJson.settings ?? {}) };
			const workflow = new Workflow({
				id: workflowId,
				name: workflowJson.name ?? 'Harness workflow',
				nodes: workflowJson.nodes,
				connections: workflowJson.connections,
				active: false,
				nodeTypes,
				settings,
				pinData: workflowJson.pinData,
				staticData: {},
			});

			const startNode = options.startNode ? workflow.getNode(options.startNode) : workflow.getStartNode();
			if (!startNode) {
				throw new Error(
					options.startNode
						? `Harness: start node "${options.startNode}" not found in the workflow`
						: 'Harness: no start node found (add a trigger, or pass options.startNode)',
				);
			}

			const workflowData: IWorkflowBase = {
				id: workflowId,
				name: workflow.name ?? 'Harness workflow',
				active: false,
				isArchived: false,
				activeVersionId: null,
				createdAt: new Date(),
				updatedAt: new Date(),
				nodes: workflowJson.nodes,
				connections: workflowJson.connections,
				settings,
				pinData: workflowJson.pinData,
			};

			let hookRun: IRun | undefined;
			const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
			hooks.addHandler('workflowExecuteAfter', (fullRunData) => {
				hookRun ??= fullRunData;
			});

			const credentialsHelper = new HarnessCredentialsHelper(
				{ ...(options.credentials ?? {}) },
				options.credentialTypes ?? {},
			);

			const baseUrl = 'http://localhost:5678';
			const additionalData = {
				credentialsHelper,
				hooks,
				executionId,
				workflowId,
				userId: 'harness-user',
				currentNodeExecutionIndex: 0,
				variables: {},
				restApiUrl: `${baseUrl}/rest`,
				instanceBaseUrl: `${baseUrl}/`,
				formBaseUrl: `${baseUrl}/form`,
				formWaitingBaseUrl: `${baseUrl}/form-waiting`,
				formTestBaseUrl: `${baseUrl}/form-test`,
				webhookBaseUrl: `${baseUrl}/webhook`,
				webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
				webhookTestBaseUrl: `${baseUrl}/webhook-test`,
				mcpBaseUrl: `${baseUrl}/mcp`,
				mcpTestBaseUrl: `${baseUrl}/mcp-test`,
				executeWorkflow: async () => {
					throw new Error('Harness: sub-workflow execution is not supported');
				},
				getRunExecutionData: async () => undefined,
				getRuntimeCredential: async () => undefined,
				logAiEvent: () => {},
				startRunnerTask: async () => {
					throw new Error('Harness: task runners are not supported (N8N_RUNNERS_ENABLED=false)');
				},
				...(options.additionalData ?? {}),
			} as unknown as IWorkflowExecuteAdditionalData;

			const runExecutionData = createRunExecutionData({
				startData: {},
				resultData: { runData: {}, pinData: workflowJson.pinData },
				executionData: {
					nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null } as IExecuteData],
				},
			});

			const workflowExecute = new WorkflowExecute(additionalData, mode, runExecutionData);
			let execution: ReturnType<WorkflowExecute['processRunExecutionData']>;
			try {
				execution = workflowExecute.processRunExecutionData(workflow);
			} catch (error) {
				// Synchronous checks (e.g. WorkflowHasIssuesError for missing required parameters).
				return buildResult(errorRun(error, runExecutionData), executionId, workflowId, {
					engineStatus: 'error',
					engineFinished: true,
				});
			}
			cancelEngine = () => execution.cancel();
			if (cancelRequested) execution.cancel();

			const engineDone: Promise<{ run?: IRun; error?: unknown }> = execution.then(
				(run) => ({ run }),
				(error: unknown) => ({ error }),
			);

			let graceTimer: NodeJS.Timeout | undefined;
			const graceElapsed = new Promise<'grace'>((resolve) => {
				const arm = () => {
					graceTimer = setTimeout(() => resolve('grace'), options.cancelGraceMs ?? 5000);
					graceTimer.unref?.();
				};
				if (cancelRequested) arm();
				else onCancelRequested = arm;
			});

			const outcome = await Promise.race([engineDone, graceElapsed]);
			if (graceTimer) clearTimeout(graceTimer);

			if (outcome === 'grace') {
				const run = hookRun ?? errorRun(new Error('canceled'), runExecutionData);
				return buildResult(run, executionId, workflowId, { status: 'canceled', engineFinished: false });
			}
			const engineRun = outcome.run ?? errorRun(outcome.error, runExecutionData);
			return buildResult(engineRun, executionId, workflowId, {
				// After a cancel n8n records 'canceled': the cancel handler runs the workflowExecuteAfter hook
				// with that status at once, and the engine skips the hook when it finishes later.
				status: hookRun?.status === 'canceled' ? 'canceled' : engineRun.status,
				engineStatus: engineRun.status,
				engineFinished: true,
			});
		} finally {
			binary.memoryExecutions.delete(executionId);
		}
	})();

	return {
		result,
		executionId,
		cancel() {
			if (cancelRequested) return;
			cancelRequested = true;
			onCancelRequested?.();
			cancelEngine?.();
		},
	};
}

/** Runs a workflow to completion. */
export async function runWorkflow(workflow: WorkflowJson, options?: RunOptions): Promise<RunResult> {
	return await startWorkflow(workflow, options).result;
}

function defaultTypeVersion(type: string): number {
	try {
		let nodeType: INodeType | IVersionedNodeType | undefined;
		if (BUILTIN_NODE_TYPES[type]) nodeType = BUILTIN_NODE_TYPES[type]();
		else nodeType = loadPackageNodeType(type);
		if (!nodeType) return 1;
		const description = nodeType.description as { defaultVersion?: number; version?: number | number[] };
		if (description.defaultVersion !== undefined) return description.defaultVersion;
		const { version } = description;
		if (Array.isArray(version)) return Math.max(...version);
		return version ?? 1;
	} catch {
		return 1;
	}
}

/**
 * Start (harness items trigger emitting `items`, default `[{}]`) → the node (named `name`, default
 * 'Wan'). `typeVersion` defaults to the package node's default version (1 for unknown types).
 * `continueOnFail` sets `onError: 'continueRegularOutput'` as the n8n editor does.
 */
export function singleNodeWorkflow(args: {
	type: string;
	parameters: INodeParameters;
	credentials?: INodeCredentials;
	items?: IDataObject[];
	continueOnFail?: boolean;
	name?: string;
	typeVersion?: number;
}): WorkflowJson {
	const name = args.name ?? 'Wan';
	const startName = name === 'Start' ? 'Start items' : 'Start';
	const node: INode = {
		id: randomUUID(),
		name,
		type: args.type,
		typeVersion: args.typeVersion ?? defaultTypeVersion(args.type),
		position: [240, 0],
		parameters: args.parameters,
	};
	if (args.credentials) node.credentials = args.credentials;
	if (args.continueOnFail) node.onError = 'continueRegularOutput';
	return {
		id: `harness-wf-${randomUUID().slice(0, 8)}`,
		name: `Harness: ${args.type}`,
		nodes: [
			{
				id: randomUUID(),
				name: startName,
				type: HARNESS_ITEMS_NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: (args.items ?? [{}]) as unknown as INodeParameters[] },
			},
			node,
		],
		connections: {
			[startName]: { main: [[{ node: name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

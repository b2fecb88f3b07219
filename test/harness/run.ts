/**
 * Test harness: runs workflow JSON through n8n-core's real `WorkflowExecute` (the engine n8n itself uses),
 * with a small node-type registry, a credentials helper that applies credential `authenticate` blocks,
 * and filesystem binary data (n8n's default mode).
 *
 * Environment (user folder, telemetry off, ...) is prepared by `setup-env.js` (jest `setupFiles`).
 */
import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IExecuteData,
	type INodeType,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { ensureBinaryData } from './binaryData';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { HarnessNodeTypes } from './nodeTypes';
import { buildResult, errorRun, type RunResult } from './runResult';
import type { WorkflowJson } from './workflows';

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

export interface StartedWorkflow {
	result: Promise<RunResult>;
	/** As a user pressing Stop: the PCancelable `.cancel()` of `processRunExecutionData`. */
	cancel(): void;
	executionId: string;
}

let runCounter = 0;

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

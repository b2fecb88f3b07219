/**
 * The credential's Test button as n8n 2.41 runs it (packages/cli/src/services/credentials-tester.service.ts,
 * `runRequestTest`), for engine tests: the credential's `test.request` routed by a throw-away declarative
 * node through n8n-core's RoutingNode (base URL and header resolved by n8n's expression engine), the
 * outcome judged by `credentialTestVerdict` (credentialVerdict.ts).
 */
import 'reflect-metadata';

import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	NodeConnectionTypes,
	Workflow,
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IExecuteData,
	type INode,
	type INodeType,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { credentialTestVerdict, type CredentialTestResult, type RoutingOutcome } from './credentialVerdict';
import { HarnessCredentialsHelper, HarnessNodeTypes } from './index';

export type { CredentialTestResult } from './credentialVerdict';

interface RequestError {
	message?: string;
	cause?: { response?: { status: number; statusText?: string }; code?: string };
}

/**
 * Runs the credential's Test request as n8n does (a throw-away declarative node whose one property routes
 * `test.request`, run by n8n-core's RoutingNode with the credential's data) and judges it as n8n does.
 */
export async function runCredentialTest(
	credential: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const test = credential.test;
	if (!test) throw new Error(`${credential.name} has no test request`);
	const nodeType: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Credential Test' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credential.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credential.name]: { id: 'credential', name: 'Credential' } },
	};
	const nodeTypes = new HarnessNodeTypes({ credentialTest: nodeType });
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const credentialsHelper = new HarnessCredentialsHelper({ [credential.name]: data }, { [credential.name]: credential });
	const additionalData = {
		credentialsHelper,
		variables: {},
		executionId: 'credential-test',
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, {
		id: 'credential',
		name: 'Credential',
		type: credential.name,
		data,
	});
	let outcome: RoutingOutcome;
	try {
		const response = await routingNode.runNode();
		outcome = { kind: 'returned', body: response?.[0]?.[0]?.json };
	} catch (caught) {
		const error = caught as RequestError;
		if (error.cause?.response) {
			outcome = { kind: 'httpError', status: error.cause.response.status, statusText: error.cause.response.statusText ?? '' };
		} else if (error.cause?.code) {
			outcome = { kind: 'networkError', code: error.cause.code };
		} else {
			outcome = { kind: 'error', message: String(error.message) };
		}
	}
	return credentialTestVerdict(test, outcome);
}

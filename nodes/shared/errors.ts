import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { excerpt } from './json';
import { MalformedResponseError } from './providers/adapter';
import { ProviderCallError } from './transport';
import type { TaskHandle } from './types';
import { InvalidInputError } from './inputError';

const MAY_EXIST_WARNING = 'The provider may have created a task; check your dashboard before retrying.';

/** Where a paid task lives, so a failed or timed-out item can be picked up with Get Task. */
export function taskHint(handle: TaskHandle): string {
	return `Task ${handle.taskId} (provider ${handle.provider}, model ${handle.model}) exists at the provider: fetch it later with Operation "Get Task" and Task ID "${handle.taskId}".`;
}

/** Extra fields an error carries into a continue-on-fail item. */
export interface ErrorDetails {
	errorCode?: string;
	status?: string;
}

export type WanNodeError = (NodeApiError | NodeOperationError) & { wanDetails?: ErrorDetails };

function withDetails<T extends NodeApiError | NodeOperationError>(error: T, details: ErrorDetails): T {
	(error as WanNodeError).wanDetails = details;
	return error;
}

export function apiError(
	node: INode,
	itemIndex: number,
	args: { message: string; description?: string; httpCode?: number; errorCode?: string; status?: string },
): NodeApiError {
	const error = new NodeApiError(
		node,
		{ message: args.message, code: args.errorCode ?? null } as JsonObject,
		{
			message: args.message,
			description: args.description,
			httpCode: args.httpCode === undefined ? undefined : String(args.httpCode),
			itemIndex,
		},
	);
	return withDetails(error, { errorCode: args.errorCode, status: args.status });
}

function joinSentences(...parts: (string | undefined)[]): string | undefined {
	const text = parts.filter((part) => part !== undefined && part !== '').join(' ');
	return text === '' ? undefined : text;
}

/**
 * Turns anything thrown while working on one item into the node error users see: the provider's own
 * message and code, and for an existing task its id and how to fetch it later.
 */
export function toNodeError(
	node: INode,
	itemIndex: number,
	error: unknown,
	providerName: string,
	handle?: TaskHandle,
): WanNodeError {
	const hint = handle ? taskHint(handle) : undefined;
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof InvalidInputError) {
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: `Nothing was sent to ${providerName} for this item. ${error.allowed}`,
		});
	}
	if (error instanceof ProviderCallError) {
		const provider = error.providerError;
		const codePart = provider?.code ? ` [${provider.code}]` : '';
		const status = error.httpCode ? ` (HTTP ${error.httpCode})` : '';
		const duplicateWarning = error.taskMayExist ? MAY_EXIST_WARNING : undefined;
		return apiError(node, itemIndex, {
			message: `${providerName} ${error.purpose} failed${status}: ${error.message}${codePart}`,
			description: joinSentences(provider?.description, duplicateWarning, hint),
			httpCode: error.httpCode,
			errorCode: provider?.code,
		});
	}
	if (error instanceof MalformedResponseError) {
		const duplicateWarning = error.answeredSubmit ? MAY_EXIST_WARNING : undefined;
		return apiError(node, itemIndex, {
			message: `${providerName} sent a response that could not be read${error.statusCode ? ` (HTTP ${error.statusCode})` : ''}: ${error.message}`,
			description: joinSentences(`Response: ${excerpt(error.body)}`, duplicateWarning, hint),
			httpCode: error.statusCode,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex, description: hint });
}

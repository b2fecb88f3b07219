import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { WanError, asWanError, inputRefused } from './errors';
import { InvalidInputError } from './inputError';

/** Anything thrown for one item as a WanError: refused input says nothing reached the provider. */
export function itemError(error: unknown, providerName: string): WanError {
	return error instanceof InvalidInputError ? inputRefused(providerName, error) : asWanError(error);
}

/** Whether n8n shows the error as the provider's (NodeApiError) or the node's own (NodeOperationError). */
function isProviders(error: WanError): boolean {
	if (error.kind === 'download') return error.cause instanceof WanError && isProviders(error.cause);
	if (error.kind === 'unexpected') return error.cause instanceof NodeApiError;
	return error.kind !== 'input';
}

/** The one place a WanError becomes one of n8n's errors; an error of n8n's own passes on as it is. */
export function toNodeError(node: INode, itemIndex: number, error: WanError): NodeApiError | NodeOperationError {
	const { cause } = error;
	if (cause instanceof NodeApiError || cause instanceof NodeOperationError) {
		const unchanged = error.message === cause.message && error.description === (cause.description ?? undefined);
		if (error.kind === 'unexpected' && unchanged) return cause;
	}
	if (!isProviders(error)) return new NodeOperationError(node, error.message, { itemIndex, description: error.description });
	return new NodeApiError(node, { message: error.message, code: error.providerCode ?? null } as JsonObject, {
		message: error.message,
		description: error.description,
		httpCode: error.httpStatus === undefined ? undefined : String(error.httpStatus),
		itemIndex,
	});
}

/**
 * fal's queue paths. A request is submitted to its endpoint id (`fal-ai/wan/v2.7/image-to-video`), but its
 * status, result and cancel live under the app id alone, the owner and app name without the endpoint's
 * sub-path (`fal-ai/wan/requests/{id}/status`): "The subpath … should be used when making the request, but
 * not when getting request status or results" (https://docs.fal.ai/model-endpoints/queue). Deriving them
 * from the model id keeps the task handle `{ model, taskId }` enough to resume a task (Get Task).
 */

const segments = (endpointId: string): string[] => endpointId.split('/').filter((segment) => segment !== '');

const pathOf = (parts: string[]): string => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

/** `POST {base}/{endpoint id}`: the endpoint id with its sub-path. */
export function submitPath(endpointId: string): string {
	return pathOf(segments(endpointId));
}

/** `{base}/{owner}/{app}/requests/{request id}`: where the request's results are, once it completed. */
export function requestPath(endpointId: string, requestId: string): string {
	return `${pathOf(segments(endpointId).slice(0, 2))}/requests/${encodeURIComponent(requestId)}`;
}

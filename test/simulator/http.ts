import type { IncomingHttpHeaders } from 'node:http';

import { asRecord, parseJson } from '../../nodes/shared/json';
import type { AuthCheck, SimRoute } from './types';

/** A request body as a JSON object, or `undefined` for anything else (invalid JSON, arrays, scalars). */
export function parseJsonObject(raw: Buffer): Record<string, unknown> | undefined {
	return asRecord(parseJson(raw.toString('utf8')));
}

/** The Bearer check every provider makes; `accepts` decides whether the token is the key. */
export function checkBearer(headers: IncomingHttpHeaders, accepts: (token: string) => boolean): AuthCheck {
	const value = headers.authorization?.trim();
	if (!value) return 'missing';
	const token = /^Bearer\s+(.+)$/i.exec(value)?.[1];
	return token !== undefined && accepts(token) ? 'ok' : 'bad';
}

/** How a provider tells its routes apart: method, a path test, the route. */
export type RouteTable = ReadonlyArray<[method: string, path: (path: string) => boolean, route: SimRoute]>;

/** The first route of the table the request matches (`other` when none), with its task id when the path has one. */
export function classifyBy(
	routes: RouteTable,
	method: string,
	path: string,
	taskIdOf: (path: string) => string | undefined,
): { route: SimRoute; taskId?: string } {
	const found = routes.find(([routeMethod, matches]) => routeMethod === method && matches(path));
	if (!found) return { route: 'other' };
	const taskId = taskIdOf(path);
	return taskId === undefined ? { route: found[2] } : { route: found[2], taskId };
}

/** The decoded first group of `pattern` in `path` (a task id in the path), if the path matches. */
export function pathId(pattern: RegExp, path: string): string | undefined {
	const match = pattern.exec(path);
	return match ? decodeURIComponent(match[1]) : undefined;
}

/**
 * How the market-task providers (APIXO, Kie.ai) tell routes apart: a POST submit path, and a GET status path
 * with the task id in `?taskId=`.
 */
export function classifyMarketTask(
	isSubmit: (path: string) => boolean,
	isStatus: (path: string) => boolean,
): (method: string, path: string, query: URLSearchParams) => { route: SimRoute; taskId?: string } {
	return (method, path, query) => {
		if (method === 'POST' && isSubmit(path)) return { route: 'submit' };
		if (method !== 'GET' || !isStatus(path)) return { route: 'other' };
		const taskId = query.get('taskId');
		return taskId ? { route: 'status', taskId } : { route: 'status' };
	};
}

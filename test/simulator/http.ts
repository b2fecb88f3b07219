import type { IncomingHttpHeaders } from 'node:http';

import { asRecord, parseJson } from '../../nodes/shared/json';
import type { AuthCheck } from './types';

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

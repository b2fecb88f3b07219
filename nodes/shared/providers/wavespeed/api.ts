import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { asRecord, excerpt, numberAt, pathOf, stringAt } from '../../json';
import { MalformedResponseError, trimBaseUrl } from '../adapter';

/**
 * The `data` of WaveSpeed's envelope `{code, message, data}`. A 2xx whose envelope code is not 200 did not do
 * what was asked; it is reported as unreadable with the envelope's words, not as a failed task.
 */
export function envelopeData(body: unknown, what: string): unknown {
	if (!asRecord(body)) throw new MalformedResponseError(`WaveSpeed ${what} is not a JSON object`, body);
	const code = pathOf(body, 'code');
	if (code !== undefined && numberAt(body, 'code') !== 200) {
		const message = stringAt(body, 'message') ?? 'no message';
		throw new MalformedResponseError(`WaveSpeed ${what} has code ${excerpt(code, 40)}: ${message}`, body);
	}
	const data = pathOf(body, 'data');
	if (!asRecord(data)) throw new MalformedResponseError(`WaveSpeed ${what} has no data object`, body);
	return data;
}

/** WaveSpeed's API host, or the credential's Base URL. */
export function waveSpeedBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return trimBaseUrl(String(credentials.baseUrl || 'https://api.wavespeed.ai'));
}

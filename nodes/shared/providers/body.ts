import type { IDataObject } from 'n8n-workflow';

import { asRecord } from '../json';

/** Drops `undefined` fields, so optional provider fields are sent only when set. */
export function compact(body: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(body).filter(([, value]) => value !== undefined),
	) as IDataObject;
}

/** Merges `extra` into `body`: objects merge key by key, anything else replaces. */
export function deepMerge(body: IDataObject, extra: IDataObject): IDataObject {
	const merged: IDataObject = { ...body };
	for (const [key, value] of Object.entries(extra)) {
		const target = asRecord(merged[key]);
		const source = asRecord(value);
		merged[key] =
			target && source ? deepMerge(target as IDataObject, source as IDataObject) : value;
	}
	return merged;
}

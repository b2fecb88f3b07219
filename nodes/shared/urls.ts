import { invalidInput } from './inputError';
import type { CountRange } from './modelSpec';

const PRIVATE_NAME = /^(localhost|.+\.localhost|.+\.local|.+\.internal)$/i;
const PRIVATE_IPV4 =
	/^(0\.0\.0\.0|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|169\.254\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+)$/;
const PRIVATE_IPV6 = /^(::1?|f[cd][0-9a-f]{2}:.*|fe80:.*)$/i;

/** `::ffff:7f00:1` (how URL writes an IPv4-mapped address) → `127.0.0.1`. */
function mappedIpv4(ipv6: string): string | undefined {
	const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ipv6)?.[1];
	if (dotted) return dotted;
	const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ipv6);
	if (!hex) return undefined;
	const [high, low] = [Number.parseInt(hex[1], 16), Number.parseInt(hex[2], 16)];
	return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether the host names this machine or a private network, which a provider cannot reach. */
export function isPrivateHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
	const ipv4 = mappedIpv4(host) ?? host;
	return PRIVATE_NAME.test(host) || PRIVATE_IPV4.test(ipv4) || PRIVATE_IPV6.test(host);
}

export function publicUrl(field: string, value: string, protocols: readonly string[]): string {
	if (!URL.canParse(value)) {
		throw invalidInput(field, value, `Expected a full URL starting with ${protocols.join(' or ')}.`);
	}
	const url = new URL(value);
	if (!protocols.includes(url.protocol.replace(':', ''))) {
		throw invalidInput(field, value, `Only ${protocols.join(' or ')} URLs are allowed.`);
	}
	if (isPrivateHost(url.hostname)) {
		throw invalidInput(
			field,
			value,
			'The provider fetches this URL itself, so it must be a public address, not localhost or a private network.',
		);
	}
	return value;
}

/**
 * Entries of a media list: new lines, commas that start a new URL, or commas followed by a space. A comma
 * inside a URL stays (image CDNs such as Cloudinary put them in paths: `/w_500,h_300/`).
 */
const MEDIA_LIST_SEPARATOR = /\n|,\s*(?=[a-z][a-z0-9+.-]*:\/\/)|,\s+/i;

/** Whether an entry is written as a URL (`scheme://…`), rather than the name of a binary field. */
export function looksLikeUrl(entry: string): boolean {
	return /^[a-z][a-z0-9+.-]*:\/\//i.test(entry);
}

/** The entries of a comma or newline separated list (or an array from an expression), counted against `range`. */
export function mediaList(field: string, value: unknown, range: CountRange): string[] {
	let entries: unknown[];
	if (value === undefined || value === null) entries = [];
	else if (Array.isArray(value)) entries = value;
	else if (typeof value === 'string') entries = value.split(MEDIA_LIST_SEPARATOR);
	else throw invalidInput(field, value, 'Expected URLs separated by commas or new lines.');
	const urls = entries.map((entry) => {
		if (typeof entry !== 'string') {
			throw invalidInput(field, entry, 'Each entry must be a URL.');
		}
		return entry.trim();
	});
	const nonEmpty = urls.filter((url) => url !== '');
	const expected = range;
	if (nonEmpty.length < expected.min || nonEmpty.length > expected.max) {
		const count = expected.min === expected.max ? `${expected.min}` : `${expected.min}–${expected.max}`;
		throw invalidInput(field, value, `Expected ${count} URL${expected.max === 1 ? '' : 's'}, got ${nonEmpty.length}.`);
	}
	return nonEmpty;
}


/** A file part whose bytes are read only while the request is being sent. */
export interface StreamedFilePart {
	readonly name: string;
	readonly type: string;
	/** Exact, in bytes: the request's Content-Length is computed from it. */
	readonly size: number;
	stream(): AsyncIterable<Uint8Array>;
}

type FormEntry = [string, string | StreamedFilePart];

/**
 * A `multipart/form-data` body that streams its file. It has the shape of a spec FormData (`append`,
 * `entries`, iteration, the `FormData` tag), which is what n8n's HTTP client (axios) encodes as a stream
 * with a computed Content-Length, reading each file part through `stream()`. The global FormData would
 * need the file whole in memory as a Blob, and the `form-data` package is a runtime dependency.
 */
export class StreamedForm {
	private readonly parts: FormEntry[] = [];

	get [Symbol.toStringTag](): string {
		return 'FormData';
	}

	append(name: string, value: string | StreamedFilePart): void {
		this.parts.push([name, value]);
	}

	entries(): IterableIterator<FormEntry> {
		return this.parts[Symbol.iterator]();
	}

	[Symbol.iterator](): IterableIterator<FormEntry> {
		return this.entries();
	}
}

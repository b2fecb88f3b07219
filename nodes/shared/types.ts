import type { IDataObject } from 'n8n-workflow';

export type ProviderId = 'alibaba' | 'apixo' | 'evolink' | 'fal' | 'gateway' | 'kie' | 'wavespeed';
/** What a node makes. */
export type MediaKind = 'video' | 'image';
/** What a media input holds. */
export type MediaType = 'image' | 'video' | 'audio';
export type Resolution = '480p' | '720p' | '1080p';
export type AspectRatio = '16:9' | '9:16' | '1:1' | '4:3' | '3:4';
export type ShotType = 'single' | 'multi';

export interface ImageSize {
	width: number;
	height: number;
}

/** What identifies a task at its provider; serialised into every output item so `getTask` can resume. */
export interface TaskHandle {
	provider: ProviderId;
	model: string;
	taskId: string;
}

export type TaskStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled' | 'unknown';

export const TERMINAL_STATUSES: readonly TaskStatus[] = ['succeeded', 'failed', 'canceled'];

/** A provider's status body, normalised. */
export interface TaskState {
	status: TaskStatus;
	/** The provider's own status word, kept for messages about unknown states. */
	rawStatus: string;
	progress?: number;
	urls: string[];
	errorCode?: string;
	errorMessage?: string;
	/** Seconds the provider expects the task to take in total, when it says. */
	estimatedSeconds?: number;
	/** Sub-results the provider reports as failed while the task as a whole succeeded. */
	partialFailures?: string[];
	/** What the task cost, as the provider reports it and in its own words (credits, seconds, images). */
	usage?: IDataObject;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT';

/** A provider request, relative to the credential's base URL. */
export interface ProviderRequest {
	method: HttpMethod;
	path: string;
	qs?: Record<string, string>;
	headers?: Record<string, string>;
	body?: IDataObject;
}

/** The provider's own words about an HTTP error. */
export interface ProviderError {
	message: string;
	code?: string;
	description?: string;
}

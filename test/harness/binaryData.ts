/** Binary data: filesystem (initialised once per test file) or memory per execution. */
import 'reflect-metadata';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

type StoreArgs = Parameters<BinaryDataService['store']>;
type CopyArgs = Parameters<BinaryDataService['copyBinaryFile']>;

interface BinarySetup {
	service: BinaryDataService;
	memoryExecutions: Set<string>;
}

let binarySetup: Promise<BinarySetup> | undefined;

/**
 * Initialises n8n-core's BinaryDataService (filesystem mode, streams to disk) once, and routes `store`
 * calls of executions run with `binaryMode: 'memory'` to an uninitialised service (inline base64).
 */
export async function ensureBinaryData(): Promise<BinarySetup> {
	binarySetup ??= (async () => {
		const service = Container.get(BinaryDataService);
		await service.init();
		const internals = service as unknown as Record<'config' | 'errorReporter' | 'logger', unknown>;
		const memory = new (BinaryDataService as unknown as new (...args: unknown[]) => BinaryDataService)(
			internals.config,
			internals.errorReporter,
			internals.logger,
		);
		const memoryExecutions = new Set<string>();
		const isMemory = (location: StoreArgs[0]) =>
			location.type === 'execution' && memoryExecutions.has(location.executionId);
		const originalStore = service.store.bind(service);
		const originalCopy = service.copyBinaryFile.bind(service);
		service.store = async (...args: StoreArgs) =>
			isMemory(args[0]) ? await memory.store(...args) : await originalStore(...args);
		service.copyBinaryFile = async (...args: CopyArgs) =>
			isMemory(args[0]) ? await memory.copyBinaryFile(...args) : await originalCopy(...args);
		return { service, memoryExecutions };
	})();
	return await binarySetup;
}

/** Reads binary bytes whether stored by the BinaryDataService (`id`) or inline base64 (`data`). */
export async function readBinary(binary: IBinaryData): Promise<Buffer> {
	if (binary.id) {
		const { service } = await ensureBinaryData();
		return await service.getAsBuffer(binary);
	}
	return Buffer.from(binary.data, 'base64');
}

/**
 * What the queue-mode e2e reads back: the `Wan task submitted` lines in a worker's log, and a batch's
 * outputs as n8n stored them (run data and binary files in PostgreSQL), checked item by item.
 */
import { mp4Bytes } from '../../../test/simulator/media';
import { executionData } from '../callback/n8nApi';
import type { N8nInstall } from '../install';
import { delay, fetchIdempotent, type RunningN8n } from '../server';
import type { SimTaskSummary } from '../simulator';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface SubmitLine {
	provider: string;
	model: string;
	taskId: string;
	item: number;
	node: string;
	execution: string;
	workflow: string;
}

/** nodes/shared/scheduler/submitLog.ts's line, as n8n's default text log format prints it: the message alone. */
const SUBMIT_LINE = /^Wan task submitted: provider (\S+), model (\S+), task (\S+) \(item (\d+), node "([^"]*)", execution (\S+), workflow (\S+)\)$/;
// eslint-disable-next-line no-control-regex
const COLOUR = /\u001b\[[0-9;]*m/g;

export function submitLines(log: string): SubmitLine[] {
	return log.split('\n').flatMap((raw) => {
		const match = SUBMIT_LINE.exec(raw.replace(COLOUR, '').trim());
		if (!match) return [];
		const [, provider, model, taskId, item, node, execution, workflow] = match;
		return [{ provider, model, taskId, item: Number(item), node, execution, workflow }];
	});
}

/** The prompts of a batch: `<label> clip <i>`, so a task tells which item it was made for. */
export const promptsOf = (label: string, count: number) => Array.from({ length: count }, (_, i) => ({ prompt: `${label} clip ${i}` }));

/** The file n8n stored, through its REST API (from the database in queue mode). */
async function download(n8n: RunningN8n, id: string): Promise<Buffer> {
	const url = `${n8n.url}/rest/binary-data?id=${encodeURIComponent(id)}&action=download`;
	const response = await fetchIdempotent(url, { headers: { cookie: `${n8n.cookie.name}=${n8n.cookie.value}` } });
	if (!response.ok) throw new Error(`GET binary ${id}: HTTP ${response.status}`);
	return Buffer.from(await response.arrayBuffer());
}

/** The execution once a worker has saved its end: Respond to Webhook answers the caller before that. */
async function finished(n8n: RunningN8n, install: N8nInstall, executionId: string): Promise<{ status: string; data: Json }> {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const execution = await executionData(n8n, install, executionId);
		if (!['new', 'running'].includes(execution.status) || Date.now() > deadline) return execution;
		await delay(250);
	}
}

/**
 * The problems with an execution's Wan Video output, against the task ids each item should carry in
 * order: one output per item, paired with its input item, taskId and status succeeded, the MP4 stored
 * in the database (`database:` id) with the simulator's exact bytes. Empty when all is right.
 */
export async function outputProblems(n8n: RunningN8n, install: N8nInstall, executionId: string, expectedTaskIds: string[]): Promise<string[]> {
	const { status, data } = await finished(n8n, install, executionId);
	const items = ((data as Json).resultData?.runData?.['Wan Video']?.[0]?.data?.main?.[0] ?? []) as Json[];
	const problems: string[] = [];
	if (status !== 'success') problems.push(`execution ${executionId} is ${status}`);
	if (items.length !== expectedTaskIds.length) problems.push(`${items.length} outputs, expected ${expectedTaskIds.length}`);
	const expectedBytes = mp4Bytes();
	for (const [index, item] of items.entries()) {
		const file = item.binary?.data as Json | undefined;
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
		const where = `item ${index}`;
		if (paired?.item !== index) problems.push(`${where}: paired with ${JSON.stringify(item.pairedItem)}`);
		if (item.json.taskId !== expectedTaskIds[index]) problems.push(`${where}: task ${item.json.taskId}, expected ${expectedTaskIds[index]}`);
		if (item.json.status !== 'succeeded') problems.push(`${where}: status ${item.json.status}`);
		if (!file || !String(file.id ?? '').startsWith('database:')) {
			problems.push(`${where}: binary not in the database store (${file?.id})`);
			continue;
		}
		const bytes = await download(n8n, String(file.id));
		if (!bytes.equals(expectedBytes) || file.mimeType !== 'video/mp4') {
			problems.push(`${where}: file ${bytes.length} bytes ${file.mimeType}, expected the ${expectedBytes.length}-byte MP4`);
		}
	}
	return problems;
}

/** The simulator's task ids for a batch's items, in item order (undefined where none was made). */
export function taskIdsByItem(tasks: SimTaskSummary[], label: string, count: number): Array<string | undefined> {
	return promptsOf(label, count).map(({ prompt }) => tasks.find((task) => task.prompt === prompt)?.id);
}

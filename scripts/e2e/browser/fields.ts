/**
 * Check 2: the fields of the Wan node's panel, per provider × mode (and Get Task), read from the
 * editor and compared with the package's catalogue.
 *
 * Checked, from the package's catalogue: the Credential shows the provider's, Mode lists exactly the
 * provider's modes (`modesFor`), Model exactly `modelsFor(provider, mode)`, and the mode's own media
 * fields are shown; and for every model of the mode (each picked in the panel as a user would), from
 * its catalogue entry (`resolutions`, `aspectRatios`, `durations`):
 *   - Resolution offers exactly the model's resolutions, in the order 480p, 720p, 1080p (none: hidden);
 *   - Aspect Ratio exactly the model's ratios, in the order 16:9, 9:16, 1:1, 4:3, 3:4 (none: hidden);
 *   - Duration only the model's durations (none: hidden);
 *   - the values shown after picking the model are among those offered (no stale value);
 *   - Get Task shows only GET_TASK_LABELS, and Options offers only what Get Task uses (GET_TASK_OPTIONS).
 * Everything seen is written to browser-output/fields.json.
 */
import type { Locator, Page } from 'playwright-core';

import { modelName as panelName, modelsFor, modesFor } from '../../../nodes/shared/catalogue';
import type { ModelSpec } from '../../../nodes/shared/modelSpec';
import { durationName } from '../../../nodes/shared/modelFields';
import { MODES, mediaSlotsOf } from '../../../nodes/shared/modes';
import type { Report } from './report';
import type { Shots } from './shots';
import { WAN_NODE_NAME, type FieldCase } from './workflows';
import { offered, openNode, pick, shownValue, visibleLabels, collectionEntries, type Offered } from './editor';

export const RESOLUTION_ORDER = ['480p', '720p', '1080p'];
export const ASPECT_RATIO_ORDER = ['16:9', '9:16', '1:1', '4:3', '3:4'];
/** What Get Task shows: Mode and Model tell it the task's model id (or Options → Model ID does). */
export const GET_TASK_LABELS = ['Credential', 'Operation', 'Mode', 'Model', 'Task ID', 'Wait for Completion', 'Return As', 'Options'];
/** The Options entries relevant to Get Task: waiting for and downloading a task started earlier. */
export const GET_TASK_OPTIONS = ['Include Input Fields', 'Max Concurrency', 'Model ID', 'On Timeout', 'Poll Interval (Seconds)', 'Put Output in Field', 'Timeout (Seconds)'];

const GROUP = 'fields';
const modelName = (spec: ModelSpec) => panelName(spec.model);
const list = (values: readonly unknown[] | undefined) => (values && values.length ? values.join(', ') : 'nothing');
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
const sameList = (a: string[], b: string[]) => a.join('\n') === b.join('\n');

/** "16:9 (Landscape)" → "16:9". */
const firstToken = (name: string) => name.split(/\s+/)[0];
/** A Duration option's seconds, from its name as the node gives it ("5 s", "Same as Source Video" → 0). */
const durationSeconds = (spec: ModelSpec, name: string) =>
	(spec.durations ?? []).find((seconds) => durationName(seconds) === name) ?? NaN;

interface ModelSeen {
	model: string;
	resolution?: Offered;
	aspectRatio?: Offered;
	duration?: Offered;
}

interface PanelSeen {
	workflowId: string;
	provider: string;
	node: string;
	mode: string;
	labels: string[];
	credential?: string;
	operation?: Offered;
	modeOptions?: Offered;
	modelOptions?: Offered;
	options?: string[];
	models: ModelSeen[];
}

function findLabel(labels: string[], prefix: string): boolean {
	return labels.some((label) => label === prefix || label.startsWith(`${prefix} (`));
}

/** One model's Resolution, Aspect Ratio and Duration, as the panel offers them once the model is picked. */
async function modelChecks(report: Report, where: string, spec: ModelSpec, seen: ModelSeen): Promise<void> {
	const at = `${where} ${modelName(spec)}`;
	await report.check(
		GROUP,
		`${at}: Resolution offers ${list(spec.resolutions)}`,
		async () => {
			const expected = RESOLUTION_ORDER.filter((r) => spec.resolutions?.includes(r as never));
			if (!spec.resolutions?.length) return { passed: !seen.resolution, detail: seen.resolution ? `shown, offering ${list(seen.resolution.names)}` : 'hidden' };
			if (!seen.resolution) return { passed: false, detail: 'not shown' };
			return { passed: seen.resolution.kind === 'options' && sameList(seen.resolution.names, expected), detail: `offers ${list(seen.resolution.names)}` };
		},
	);
	await report.check(
		GROUP,
		`${at}: Aspect Ratio offers ${list(spec.aspectRatios)}`,
		async () => {
			const expected = ASPECT_RATIO_ORDER.filter((r) => spec.aspectRatios?.includes(r as never));
			if (!spec.aspectRatios?.length) return { passed: !seen.aspectRatio, detail: seen.aspectRatio ? `shown, offering ${list(seen.aspectRatio.names)}` : 'hidden' };
			if (!seen.aspectRatio) return { passed: false, detail: 'not shown' };
			const ratios = seen.aspectRatio.names.map(firstToken);
			return { passed: sameList(ratios, expected), detail: `offers ${list(ratios)}` };
		},
	);
	await report.check(
		GROUP,
		`${at}: Duration offers only ${list(spec.durations)}`,
		async () => {
			const durations = [...(spec.durations ?? [])].sort((a, b) => a - b);
			const shown = seen.duration;
			if (!durations.length) return { passed: !shown, detail: shown ? 'shown' : 'hidden' };
			if (!shown) return { passed: false, detail: 'not shown' };
			if (shown.kind === 'options') {
				const values = shown.names.map((name) => durationSeconds(spec, name));
				return { passed: sameList(values.map(String), durations.map(String)), detail: `dropdown of ${list(shown.names)}` };
			}
			const contiguous = durations.every((d, i) => i === 0 || d === durations[i - 1] + 1);
			const bounds = shown.min === durations[0] && shown.max === durations[durations.length - 1];
			return {
				passed: contiguous && bounds,
				detail: `number field ${shown.min ?? '?'}–${shown.max ?? '?'}${contiguous ? '' : ' (the model makes only some lengths in between: needs a dropdown)'}`,
			};
		},
	);
	await report.check(
		GROUP,
		`${at}: the values shown are among those offered`,
		async () => {
			const stale: string[] = [];
			for (const [label, field] of [
				['Resolution', seen.resolution],
				['Aspect Ratio', seen.aspectRatio],
			] as const) {
				if (field?.kind === 'options' && !field.names.includes(field.value)) stale.push(`${label} "${field.value}"`);
			}
			const duration = seen.duration;
			if (duration) {
				const value = durationSeconds(spec, duration.value);
				const allowed = spec.durations ?? [];
				if (allowed.length && !allowed.includes(value)) stale.push(`Duration ${duration.value} (the model makes ${list(allowed)})`);
			}
			return { passed: stale.length === 0, detail: stale.length ? `stale: ${stale.join('; ')}` : 'all valid' };
		},
	);
}

async function readModel(page: Page, panel: Locator, model: string): Promise<ModelSeen> {
	return {
		model,
		resolution: await offered(page, panel, 'resolution'),
		aspectRatio: await offered(page, panel, 'aspectRatio'),
		duration: await offered(page, panel, 'duration'),
	};
}

async function generatePanel(page: Page, panel: Locator, report: Report, fieldCase: FieldCase, seen: PanelSeen): Promise<void> {
	const { provider, kind } = fieldCase;
	const mode = fieldCase.mode as Exclude<FieldCase['mode'], 'getTask'>;
	const where = `${provider.id} ${WAN_NODE_NAME[kind]} ${MODES[mode].label}`;
	const expectedModes = modesFor(provider.id, kind).map((m) => MODES[m].label);
	const specs = modelsFor(provider.id, mode);
	seen.modeOptions = await offered(page, panel, 'mode');
	seen.modelOptions = await offered(page, panel, 'model');

	await report.check(GROUP, `${where}: Credential is "${provider.credentialRef.name}"`, async () => ({
		passed: seen.credential === provider.credentialRef.name,
		detail: `shows "${seen.credential ?? ''}"`,
	}));
	await report.check(GROUP, `${where}: Mode lists ${list(expectedModes)}`, async () => ({
		passed: !!seen.modeOptions && sameSet(seen.modeOptions.names, expectedModes) && seen.modeOptions.value === MODES[mode].label,
		detail: `lists ${list(seen.modeOptions?.names)}; shows "${seen.modeOptions?.value ?? ''}"`,
	}));
	await report.check(GROUP, `${where}: Model lists ${list(specs.map(modelName))}`, async () => ({
		passed: !!seen.modelOptions && sameSet(seen.modelOptions.names, specs.map(modelName)),
		detail: `lists ${list(seen.modelOptions?.names.map((name, i) => `${name} (${seen.modelOptions?.descriptions[i]})`))}`,
	}));
	// Media fields follow the mode: those any of the provider's models takes in it (a model without one refuses a value).
	const ownSlots = MODES[mode].slots.filter((slot) => !slot.inOptions && specs.some((spec) => spec.media?.[slot.slot]));
	const ownFields = ['Prompt', ...ownSlots.map((slot) => slot.label)];
	const otherFields = [...new Set(mediaSlotsOf(kind).filter((slot) => !slot.inOptions).map((slot) => slot.label))].filter(
		(label) => !ownFields.includes(label),
	);
	await report.check(GROUP, `${where}: shows ${ownFields.join(', ')}${otherFields.length ? ` and not ${otherFields.join(', ')}` : ''}`, async () => {
		const missing = ownFields.filter((label) => !seen.labels.includes(label));
		const extra = otherFields.filter((label) => seen.labels.includes(label));
		return { passed: !missing.length && !extra.length, detail: `labels: ${seen.labels.join(', ')}` };
	});

	// Every model of the mode, the imported (default) one first, each picked as a user would.
	const current = seen.modelOptions?.value;
	const ordered = [...specs].sort((a, b) => (modelName(a) === current ? -1 : modelName(b) === current ? 1 : 0));
	for (const spec of ordered) {
		let modelSeen: ModelSeen;
		try {
			if ((await shownValue(panel, 'model')) !== modelName(spec)) await pick(page, panel, 'model', modelName(spec));
			modelSeen = await readModel(page, panel, spec.model);
		} catch (error) {
			report.record(GROUP, `${where} ${modelName(spec)}: pick the model`, false, error instanceof Error ? error.message.split('\n')[0] : String(error));
			continue;
		}
		seen.models.push(modelSeen);
		await modelChecks(report, where, spec, modelSeen);
	}
}

async function getTaskPanel(page: Page, panel: Locator, report: Report, fieldCase: FieldCase, seen: PanelSeen): Promise<void> {
	const where = `${fieldCase.provider.id} ${WAN_NODE_NAME[fieldCase.kind]} Get Task`;
	seen.operation = await offered(page, panel, 'operation');
	seen.options = await collectionEntries(page, panel, 'options');
	await report.check(GROUP, `${where}: Operation shows Get Task and Task ID is shown`, async () => ({
		passed: seen.operation?.value === 'Get Task' && seen.labels.includes('Task ID'),
		detail: `Operation "${seen.operation?.value ?? ''}"; labels: ${seen.labels.join(', ')}`,
	}));
	await report.check(
		GROUP,
		`${where}: shows only ${GET_TASK_LABELS.join(', ')}`,
		async () => {
			const extra = seen.labels.filter((label) => !GET_TASK_LABELS.includes(label));
			const missing = GET_TASK_LABELS.filter((label) => !findLabel(seen.labels, label));
			return {
				passed: !extra.length && !missing.length,
				detail: [extra.length ? `also shows ${extra.join(', ')}` : '', missing.length ? `lacks ${missing.join(', ')}` : ''].filter(Boolean).join('; ') || 'as expected',
			};
		},
	);
	await report.check(
		GROUP,
		`${where}: Options offers only ${GET_TASK_OPTIONS.join(', ')}`,
		async () => {
			if (!seen.options) return { passed: false, detail: 'no Add Option dropdown' };
			const extra = seen.options.filter((entry) => !GET_TASK_OPTIONS.includes(entry));
			return { passed: extra.length === 0, detail: extra.length ? `also offers ${extra.join(', ')}` : `offers ${list(seen.options)}` };
		},
	);
}

/** The credential the panel shows; until the editor has loaded the credentials it shows the id, so wait for a name. */
async function credentialShown(page: Page, panel: Locator, id: string): Promise<string | undefined> {
	const input = panel.getByTestId('node-credentials-select').locator('input').first();
	let value: string | undefined;
	for (let i = 0; i < 25; i++) {
		value = await input.inputValue().catch(() => undefined);
		if (value && value !== id) break;
		await page.waitForTimeout(200);
	}
	return value;
}

export async function fieldChecks(
	page: Page,
	report: Report,
	shots: Shots,
	cases: FieldCase[],
	open: (fieldCase: FieldCase) => Promise<void>,
): Promise<void> {
	const allSeen: PanelSeen[] = [];
	for (const fieldCase of cases) {
		const { provider, kind, mode } = fieldCase;
		const seen: PanelSeen = { workflowId: fieldCase.workflowId, provider: provider.id, node: WAN_NODE_NAME[kind], mode, labels: [], models: [] };
		allSeen.push(seen);
		const label = `${provider.id} ${WAN_NODE_NAME[kind]} ${mode === 'getTask' ? 'Get Task' : MODES[mode].label}`;
		let panel: Locator;
		try {
			await open(fieldCase);
			panel = await openNode(page, WAN_NODE_NAME[kind]);
			seen.labels = await visibleLabels(panel);
			seen.credential = await credentialShown(page, panel, provider.credentialRef.id);
			await shots.take(page, `fields-${provider.id}-${kind}-${mode}`);
		} catch (error) {
			report.record(GROUP, `${label}: open the panel`, false, error instanceof Error ? error.message.split('\n')[0] : String(error));
			continue;
		}
		if (mode === 'getTask') await getTaskPanel(page, panel, report, fieldCase, seen);
		else await generatePanel(page, panel, report, fieldCase, seen);
	}
	shots.writeJson('fields', allSeen);
}

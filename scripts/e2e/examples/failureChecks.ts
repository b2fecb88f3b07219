/** Checks on the JSON `n8n execute` printed for a workflow whose provider task fails. */
import { kindOfType } from '../providers';
import { SCRIPTED_FAILURE, type SimTaskSummary } from '../simulator';
import type { Case } from './cases';
import type { Checker, Json } from './outcome';

/** Checks the run of a case whose task fails: n8n's exit `code` and execution `result`; returns the table's summary. */
export function checkFailure(testCase: Case, result: Json | undefined, code: number | null, tasks: SimTaskSummary[], check: Checker): string {
	check.expect(code === 1, `exit code ${code}, expected 1 (workflow error)`);
	if (!check.expect(result, 'n8n printed no execution JSON')) return '';
	const resultData = (result!.data as Json | undefined)?.resultData as Json | undefined;
	const error = resultData?.error as Json | undefined;
	check.expect(result!.status === 'error', `execution status "${String(result!.status)}", expected "error"`);
	const message = String(error?.message ?? '');
	check.expect(message.includes(SCRIPTED_FAILURE.message), `error message "${message}" lacks the provider's "${SCRIPTED_FAILURE.message}"`);
	const failed = tasks.filter((task) => task.provider === testCase.provider.id && task.outcome === 'failure');
	check.expect(
		failed.some((task) => message.includes(task.id)),
		`error message "${message}" names none of the failed ${testCase.provider.id} task ids (${failed.map((t) => t.id).join(', ')})`,
	);
	const wanNode = testCase.workflow.nodes.find((node) => kindOfType(node.type));
	check.expect((error?.node as Json | undefined)?.name === wanNode?.name, `error from node ${String((error?.node as Json | undefined)?.name)}, expected ${wanNode?.name}`);
	return `error: ${message.length > 160 ? `${message.slice(0, 157)}…` : message}`;
}

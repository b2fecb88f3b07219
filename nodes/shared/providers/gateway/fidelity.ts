import { InvalidInputError, type InputProblem } from '../../inputError';
import type { GenerationRequest } from '../../request';

const GATEWAY = 'the OpenAI-Compatible Gateway (New API)';

/**
 * Values New API's Ali channel loses on the way to DashScope, so DashScope would do the opposite of what
 * was asked. QuantumNous/new-api's Go adaptor (relay/channel/task/ali/adaptor.go) declared
 * `PromptExtend bool` and `Seed int` with `omitempty` from its first version (Oct 2025) until the
 * mid-2026 rewrite (still so in the April 2026 HappyHorse review); the plugin that replaced it
 * (plugins/tasks/alibaba/plugin.js) deletes a falsy `prompt_extend` and `seed` before sending. Only the
 * Go builds in between (pointer fields, e.g. commit 10d43aa) send them.
 */
function lostValues(request: GenerationRequest): InputProblem[] {
	const problems: InputProblem[] = [];
	if (request.promptExtend === false) {
		problems.push({
			field: 'Prompt Extend',
			value: false,
			allowed:
				`New API's Ali channel drops prompt_extend: false on most builds (a plain bool with omitempty in its Go adaptor until mid-2026; its current plugin deletes false values), so DashScope would rewrite the prompt anyway. ` +
				`Allowed on ${GATEWAY}: true, or leave it unset (DashScope's default: on).`,
		});
	}
	if (request.seed === 0) {
		problems.push({
			field: 'Seed',
			value: 0,
			allowed:
				`New API's Ali channel drops seed: 0 on most builds (a plain int with omitempty in its Go adaptor until mid-2026; its current plugin deletes 0), so DashScope would pick a random seed. ` +
				`Allowed on ${GATEWAY}: 1–2147483647, or leave it unset for a random seed.`,
		});
	}
	return problems;
}

/** Refuses, before any request, what the gateway would silently lose (every such field at once). */
export function refuseLostValues(request: GenerationRequest): void {
	const problems = lostValues(request);
	if (problems.length > 0) throw new InvalidInputError(problems);
}

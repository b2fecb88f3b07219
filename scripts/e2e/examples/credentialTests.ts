/**
 * The editor's credential "Test" button, through a running n8n's REST API: for every provider the right
 * key (must say OK), a wrong one and a wrong base URL (must say Error, in the words every provider
 * shares: credentials/apiKeyCredential.ts); and, on the same n8n, the editor checks (editorChecks.ts).
 */
import { performance } from 'node:perf_hooks';

import { wrongAddressMessage, wrongKeyMessage } from '../../../credentials/apiKeyCredential';
import { CONTRACTS } from '../../../test/fixtures/contract';
import type { N8nInstall } from '../install';
import { credentialData, type ProviderInfo } from '../providers';
import { fetchIdempotent, startN8n, type RunningN8n } from '../server';
import type { SimulatorInfo } from '../simulator';
import { EDITOR_ROW, editorOutcome, loadEditorTypes, type Session } from './editorChecks';
import { elapsed, say } from './log';
import { Checker, type Outcome } from './outcome';

const CREDENTIAL_ROW = 'credential test (right / wrong key / wrong URL)';

interface TestAnswer {
	http: number;
	status?: string;
	message: string;
}

async function testCredential(session: Session, sim: SimulatorInfo, provider: ProviderInfo, apiKey: string, baseUrl = sim.baseUrls[provider.id]): Promise<TestAnswer> {
	const response = await fetchIdempotent(`${session.url}/rest/credentials/test`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie: session.cookie },
		body: JSON.stringify({
			credentials: {
				...provider.credentialRef,
				type: provider.credentialType,
				data: credentialData(provider, apiKey, baseUrl, sim.credentialFields[provider.id]),
			},
		}),
	});
	const body = (await response.json().catch(() => ({}))) as { data?: { status?: string; message?: string } };
	return { http: response.status, status: body.data?.status, message: body.data?.message ?? JSON.stringify(body) };
}

function expectAnswer(check: Checker, what: string, got: TestAnswer, status: string, message?: string): boolean {
	return check.expect(
		got.status === status && (message === undefined || got.message === message),
		`${what}: ${got.status ?? `HTTP ${got.http}`} "${got.message}", expected ${status}${message === undefined ? '' : ` "${message}"`}`,
	);
}

/** The three Test calls for `provider` (`order` is its place in the table). */
async function credentialOutcome(session: Session, sim: SimulatorInfo, provider: ProviderInfo, order: number): Promise<Outcome> {
	const providerStarted = performance.now();
	const check = new Checker();
	const { provider: name, scope } = CONTRACTS[provider.id].credentialTest;
	const right = await testCredential(session, sim, provider, sim.apiKey);
	const wrong = await testCredential(session, sim, provider, `${sim.apiKey}-wrong`);
	const elsewhere = await testCredential(session, sim, provider, sim.apiKey, `${sim.origin}/nowhere`);
	expectAnswer(check, 'right key', right, 'OK');
	expectAnswer(check, 'wrong key', wrong, 'Error', wrongKeyMessage(name, scope));
	expectAnswer(check, 'wrong base URL', elsewhere, 'Error', wrongAddressMessage(name, scope));
	return {
		row: CREDENTIAL_ROW,
		provider,
		id: `credential test ${provider.id}`,
		order,
		passed: check.problems.length === 0,
		seconds: (performance.now() - providerStarted) / 1000,
		summary: `right: ${right.message} / wrong: ${wrong.message} / wrong URL: ${elsewhere.message}`,
		problems: check.problems,
	};
}

/**
 * `n8n start` on `port` in the user folder of `env`, the owner set up, then the credential tests and
 * editor checks of every provider; said, and returned as two rows of the table from `order` on.
 * Anything that stops them fails every provider's two rows.
 */
export async function credentialTests(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	cwd: string,
	providers: ProviderInfo[],
	sim: SimulatorInfo,
	order: number,
	port: number,
): Promise<Outcome[]> {
	const started = performance.now();
	let n8n: RunningN8n | undefined;
	const fail = (message: string) => {
		say(`FAIL credential tests: ${message.split('\n')[0].slice(0, 200)}`);
		return providers.flatMap((provider) =>
			[CREDENTIAL_ROW, EDITOR_ROW].map((row, index) => ({
				row,
				provider,
				id: `${index === 0 ? 'credential test' : 'editor'} ${provider.id}`,
				order: order + index,
				passed: false,
				seconds: (performance.now() - started) / 1000,
				summary: '',
				problems: [message],
				log: n8n?.log(),
			})),
		);
	};
	const problem = (error: unknown) => (error instanceof Error ? error.message : String(error));
	try {
		n8n = await startN8n(install, env, cwd, port);
	} catch (error) {
		return fail(problem(error));
	}
	try {
		const session = { url: n8n.url, cookie: `${n8n.cookie.name}=${n8n.cookie.value}` };
		const types = await loadEditorTypes(session);
		const outcomes: Outcome[] = [];
		for (const provider of providers) {
			outcomes.push(await credentialOutcome(session, sim, provider, order));
			outcomes.push(await editorOutcome(session, types, provider, order + 1));
		}
		for (const outcome of outcomes) say(`${outcome.passed ? 'ok  ' : 'FAIL'} ${outcome.id}: ${outcome.summary}`);
		say(`n8n start + owner setup + ${providers.length * 3} credential tests: ${elapsed(started)}`);
		return outcomes;
	} catch (error) {
		return fail(`credential tests: ${problem(error)}`);
	} finally {
		await n8n.stop();
	}
}

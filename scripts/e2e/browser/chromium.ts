/**
 * Debian's Chromium, headless, driven by playwright-core: a fresh profile folder per run, the flags
 * from the toolchain notes, and the owner's session cookie so the editor opens logged in.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.WAN_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

export interface Browser {
	context: BrowserContext;
	page: Page;
	close: () => Promise<void>;
}

export async function launchBrowser(baseUrl: string, cookie: { name: string; value: string }): Promise<Browser> {
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set WAN_CHROMIUM)`);
	}
	// n8n's editor marks its elements with data-test-id (playwright's default is data-testid).
	selectors.setTestIdAttribute('data-test-id');
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-wan-chromium-'));
	// launchPersistentContext is how playwright takes a --user-data-dir of our own.
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: FLAGS,
		viewport: { width: 1600, height: 1000 },
		deviceScaleFactor: 1,
		locale: 'en-US',
		timezoneId: 'UTC',
	});
	const { hostname } = new URL(baseUrl);
	await context.addCookies([{ name: cookie.name, value: cookie.value, domain: hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
	// Nothing but the n8n under test and its loopback neighbours: no request leaves the machine.
	await context.route(/^https?:\/\//, (route) => {
		const host = new URL(route.request().url()).hostname;
		return ['127.0.0.1', 'localhost', '[::1]'].includes(host) ? route.continue() : route.abort();
	});
	context.setDefaultTimeout(15_000);
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		close: async () => {
			await context.close().catch(() => undefined);
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

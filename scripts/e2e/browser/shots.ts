/** Screenshots of the browser test: PNGs in browser-output/ (git-ignored), emptied at the start of a run. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Page } from 'playwright-core';

import { REPO_ROOT } from '../providers';

export class Shots {
	readonly dir: string;
	readonly taken: string[] = [];

	constructor(dir = path.join(REPO_ROOT, 'browser-output')) {
		this.dir = dir;
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
	}

	/** Saves the page as `<name>.png`; a failing screenshot never fails a check. */
	async take(page: Page, name: string): Promise<string | undefined> {
		const file = path.join(this.dir, `${name}.png`);
		try {
			await page.screenshot({ path: file });
			this.taken.push(file);
			return file;
		} catch {
			return undefined;
		}
	}

	/** Writes a JSON file beside the screenshots (what the fields check saw, for a later diff). */
	writeJson(name: string, data: unknown): void {
		fs.writeFileSync(path.join(this.dir, `${name}.json`), JSON.stringify(data, null, 2) + '\n');
	}
}

/** Command-line arguments of the e2e scripts: `--name value` (repeatable), `--name=value`, `--flag`. */

export function argumentsOf(name: string): string[] {
	const values: string[] = [];
	process.argv.forEach((arg, index) => {
		if (arg === `--${name}` && process.argv[index + 1] !== undefined) values.push(process.argv[index + 1]);
		else if (arg.startsWith(`--${name}=`)) values.push(arg.slice(name.length + 3));
	});
	return values;
}

export const flag = (name: string) => process.argv.includes(`--${name}`);

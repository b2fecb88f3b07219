import {
	NodeHelpers,
	type IAuthenticateGeneric,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentials,
	type ICredentialsHelper,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeParameters,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
	type Workflow,
} from 'n8n-workflow';

import { loadPackageCredentialType, upperFirst } from './packageClasses';

const CREDENTIAL_REF = /\$credentials\??\.([A-Za-z_$][\w$]*)|\$credentials\[\s*(['"])(.+?)\2\s*\]/g;

/**
 * Resolves `={{$credentials.x}}`-style values without the expression engine (used when no workflow is
 * available). Supports `$credentials.x`, `$credentials?.x`, `$credentials["x"]` inside `{{ }}`, with
 * string concatenation around them (`'=Bearer {{$credentials.apiKey}}'`).
 */
export function resolveCredentialExpression(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	const template = value.slice(1);
	const single = /^\{\{\s*(.+?)\s*\}\}$/.exec(template);
	const lookup = (expr: string): unknown => {
		const trimmed = expr.trim();
		CREDENTIAL_REF.lastIndex = 0;
		const m = CREDENTIAL_REF.exec(trimmed);
		if (!m || m.index !== 0 || m[0].length !== trimmed.length) {
			throw new Error(`Harness: cannot resolve credential expression "{{ ${trimmed} }}" without a workflow`);
		}
		return credentials[m[1] ?? m[3]];
	};
	if (single) return lookup(single[1]);
	return template.replace(/\{\{\s*(.+?)\s*\}\}/g, (_all, expr: string) => {
		const v = lookup(expr);
		return v === undefined || v === null ? '' : String(v);
	});
}

export class HarnessCredentialsHelper implements ICredentialsHelper {
	private readonly typeCache = new Map<string, ICredentialType | null>();

	constructor(
		private readonly credentials: Record<string, ICredentialDataDecryptedObject> = {},
		private readonly credentialTypes: Record<string, ICredentialType> = {},
	) {}

	/** The credential type class, or undefined when neither passed in nor found in `credentials/`. */
	findCredentialType(typeName: string): ICredentialType | undefined {
		if (this.credentialTypes[typeName]) return this.credentialTypes[typeName];
		if (!this.typeCache.has(typeName)) {
			this.typeCache.set(typeName, loadPackageCredentialType(typeName) ?? null);
		}
		return this.typeCache.get(typeName) ?? undefined;
	}

	getCredentialType(typeName: string): ICredentialType {
		const type = this.findCredentialType(typeName);
		if (!type) {
			throw new Error(
				`Harness: credential type "${typeName}" not found: pass it via options.credentialTypes ` +
					`or create credentials/${upperFirst(typeName)}.credentials.ts exporting class ${upperFirst(typeName)}`,
			);
		}
		return type;
	}

	getParentTypes(name: string): string[] {
		const type = this.findCredentialType(name);
		const parents = type?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.findCredentialType(credentialType) as
			| (ICredentialType & { restrictToSupportedNodes?: boolean })
			| undefined;
		if (!type?.restrictToSupportedNodes) return true;
		return (type.supportedNodes ?? []).some((n) => n === nodeType || nodeType.endsWith(`.${n}`));
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions & Record<string, unknown>;
		const credentialType = this.getCredentialType(typeName);
		const { authenticate } = credentialType;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (requestOptions.headers === undefined) requestOptions.headers = {};
		if ((authenticate as IAuthenticateGeneric).type === 'generic') {
			// Same as n8n's CredentialsHelper.authenticate (packages/cli/src/credentials-helper.ts).
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
					const keyResolved = this.resolveValue(key, credentials, workflow, node);
					const valueResolved = this.resolveValue(value, credentials, workflow, node);
					const target = (requestOptions[outerKey] ??= {}) as Record<string, unknown>;
					target[String(keyResolved)] = valueResolved;
				}
			}
		}
		return requestOptions;
	}

	/** As n8n's `CredentialsHelper.resolveValue`: `=`-prefixed strings are expressions with `$credentials`. */
	private resolveValue(
		value: unknown,
		credentials: ICredentialDataDecryptedObject,
		workflow?: Workflow,
		node?: INode,
	): unknown {
		if (typeof value !== 'string' || value.charAt(0) !== '=') return value;
		let resolved: unknown;
		if (workflow && node) {
			resolved = workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
		} else {
			resolved = resolveCredentialExpression(value, credentials);
		}
		if (!resolved) return '';
		return (resolved as { toString(): string }).toString();
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.findCredentialType(typeName);
		if (!credentialType?.preAuthentication) return undefined;
		const expirable = credentialType.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!expirable) return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) {
			return undefined;
		}
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const updated = { ...credentials, ...output } as ICredentialDataDecryptedObject;
		this.credentials[typeName] = { ...(this.credentials[typeName] ?? {}), ...output } as ICredentialDataDecryptedObject;
		return updated;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.findCredentialType(typeName);
		if (!credentialType?.preAuthentication) return undefined;
		return (await credentialType.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(_nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		throw new Error(`Harness: getCredentials("${type}") (encrypted credentials) is not supported`);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.credentials[type];
		if (data === undefined) {
			const given = Object.keys(this.credentials);
			throw new Error(
				`Harness: no credentials of type "${type}" were given to runWorkflow (options.credentials` +
					`${given.length ? ` has: ${given.join(', ')}` : ' is empty'})`,
			);
		}
		// As n8n: fill in the credential type's defaults for properties the data does not set.
		const credentialType = this.findCredentialType(type);
		if (!credentialType) return { ...data };
		const properties = this.getCredentialsProperties(type);
		const withDefaults = NodeHelpers.getNodeParameters(properties, data as INodeParameters, true, false, null, null);
		return { ...(withDefaults ?? {}), ...data } as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.credentials[type] = data;
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.credentials[type] = { ...(this.credentials[type] ?? {}), ...data };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.getCredentialType(type);
		const inherited = (credentialType.extends ?? []).flatMap((parent) => this.getCredentialsProperties(parent));
		const own = credentialType.properties;
		const ownNames = new Set(own.map((p) => p.name));
		return [...inherited.filter((p) => !ownNames.has(p.name)), ...own];
	}
}

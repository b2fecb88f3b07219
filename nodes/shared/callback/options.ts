import type { INodeProperties, IWebhookDescription } from 'n8n-workflow';

import { PROVIDERS } from '../providers';
import type { ProviderAdapter } from '../providers/adapter';

export type WaitMethod = 'poll' | 'callback';

/** The providers that post task callbacks (their adapters read a callback's task id). */
export const CALLBACK_PROVIDERS = (Object.values(PROVIDERS) as ProviderAdapter[])
	.filter((adapter) => adapter.callbackTaskId !== undefined)
	.map((adapter) => adapter.id);

const shownForCallbacks = {
	show: { '/operation': ['generate'], '/waitForCompletion': [true], '/provider': CALLBACK_PROVIDERS },
};

/** Wait Method and its fallback, offered only for providers with task callbacks. */
export function waitMethodOptions(): INodeProperties[] {
	return [
		{
			displayName: 'Wait Method',
			name: 'waitMethod',
			type: 'options',
			options: [
				{
					name: 'Pause Until the Provider Calls Back',
					value: 'callback',
					description:
						"Submit with this execution's resume URL as the callback, then park the execution (no worker held, no polls) until the provider calls back or the timeout",
				},
				{ name: 'Poll', value: 'poll', description: 'Ask the provider every poll interval until the task ends' },
			],
			default: 'poll',
			hint: 'Pausing serves one task per execution: with more than one input item (or several images) the node polls. For a batch, run one sub-workflow per item.',
			description: 'How the node waits for the task',
			displayOptions: shownForCallbacks,
		},
		{
			displayName: 'Poll If the Provider Cannot Call Back',
			name: 'pollIfUnreachable',
			type: 'boolean',
			default: false,
			description:
				"Whether to poll instead of refusing when this n8n instance's resume URL is not public HTTPS (localhost or a private address), so the provider could not call back",
			displayOptions: shownForCallbacks,
		},
	];
}

/**
 * The webhook a paused node resumes on: n8n's waiting-webhook route for this execution and node (the
 * resume URL), POSTed by the provider's task callback.
 */
export const CALLBACK_WEBHOOKS: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	},
];

export const WAITING_TOOLTIP = "Paused until the provider calls back with the task's end (or the timeout)";

/* npm run bench:sign — signatures per second of the signing function vs a bare MD5 of the same bytes. */
import { createHash } from 'node:crypto';

import { DEFAULT_SIGNING_RULE, signedHeaders, signingString } from '../nodes/shared/signing';
import { report } from './report';

const credentials = { accessKey: 'demo-access-key', accessSecret: 'demo-access-secret-change-me', userId: '2100007341207', rule: DEFAULT_SIGNING_RULE };
const request = { method: 'POST', path: '/alibaba/cart/create/order', body: '{"cartIds":[100001]}', nonce: 'abcdefghijklmnopqrstuvwxyz012345', timestamp: '1795977671231' };

function perSecond(run: () => void, ms = 1500): number {
	for (let i = 0; i < 20_000; i++) run();
	let n = 0;
	const start = process.hrtime.bigint();
	const end = start + BigInt(ms) * 1_000_000n;
	while (process.hrtime.bigint() < end) {
		for (let i = 0; i < 1000; i++) run();
		n += 1000;
	}
	return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

const text = signingString(DEFAULT_SIGNING_RULE.template, {
	accessKey: credentials.accessKey,
	nonce: request.nonce,
	timestamp: request.timestamp,
	userId: credentials.userId,
	method: request.method,
	path: request.path,
	body: request.body,
	secret: credentials.accessSecret,
});
const md5 = perSecond(() => createHash('md5').update(text, 'utf8').digest('hex'));
const fixed = perSecond(() => signedHeaders(credentials, request));
const fresh = perSecond(() => signedHeaders(credentials, { ...request, nonce: undefined, timestamp: undefined }));
report(
	'Signing (default rule), single thread',
	[
		['bare MD5 of the signing string', `${Math.round(md5).toLocaleString('en')} /s`],
		['signedHeaders, given nonce', `${Math.round(fixed).toLocaleString('en')} /s`],
		['signedHeaders, fresh nonce+time', `${Math.round(fresh).toLocaleString('en')} /s`],
		['ratio (fresh ÷ bare MD5)', (fresh / md5).toFixed(2)],
	],
	{ signs_per_s: Math.round(fresh), signs_per_s_given_nonce: Math.round(fixed), md5_per_s: Math.round(md5), ratio_vs_md5: Number((fresh / md5).toFixed(3)) },
);

import { findLeaks, secretForms } from '../secrets/scan';

describe('secrets scan', () => {
	it('finds a secret in every form a log could hold it', () => {
		for (const form of secretForms('probe-secret/with+signs')) {
			expect(findLeaks(`… ${form} …`, ['probe-secret/with+signs'])).toHaveLength(1);
		}
		expect(findLeaks('authorization: Basic cHJvYmUtc2VjcmV0L3dpdGgrc2lnbnM', ['probe-secret/with+signs'])).toEqual([
			'probe-secret/with+signs as cHJvYmUtc2VjcmV0L3dpdGgrc2lnbnM',
		]);
	});

	it('does not flag the access key, the signature or other secrets', () => {
		expect(findLeaks('access-key: demo-access-key, signature: B7F83FE2ADC8D8F044F2E01F0FFE8C80', ['probe-secret/with+signs'])).toEqual([]);
	});
});

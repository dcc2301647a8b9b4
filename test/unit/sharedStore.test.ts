/**
 * The idempotency claim against a store that behaves like n8n's de-duplication store: it reads a
 * scope's entry list and writes it back (no lock, no transaction). Two "processes" are two isolated
 * copies of the module, as two queue-mode workers are.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

type KeyStore = typeof import('../../nodes/shared/safety/keyStore');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** n8n 2.41's DeduplicationHelper in miniature: find the row, await, insert or update the whole list. */
class ReadModifyWriteStore {
	entries: string[] | undefined;
	async checkProcessedAndRecord(items: string[]) {
		const read = this.entries ? [...this.entries] : undefined;
		await sleep(2 + Math.random() * 8);
		if (!read) {
			if (this.entries) throw new Error('duplicate key value violates unique constraint "PK_processed_data"');
			this.entries = [...items];
			return { new: items, processed: [] };
		}
		const result = { new: [] as string[], processed: [] as string[] };
		for (const item of items) {
			if (read.includes(item)) result.processed.push(item);
			else {
				result.new.push(item);
				read.push(item);
			}
		}
		this.entries = read;
		return result;
	}
	async removeProcessed(items: string[]) {
		const read = [...(this.entries ?? [])];
		await sleep(2 + Math.random() * 8);
		this.entries = read.filter((e) => !items.includes(e));
	}
}

function process_(): KeyStore {
	let mod: KeyStore | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		mod = require('../../nodes/shared/safety/keyStore') as KeyStore;
	});
	return mod as KeyStore;
}

function executeContext(store: ReadModifyWriteStore, executionId: string): IExecuteFunctions {
	const staticData: IDataObject = {};
	return {
		getNode: () => ({ id: 'n1', name: 'Create Order', type: 't', typeVersion: 1, position: [0, 0], parameters: {} }),
		getWorkflow: () => ({ id: 'w1', active: false }),
		getExecutionId: () => executionId,
		getWorkflowStaticData: () => staticData,
		helpers: {
			checkProcessedAndRecord: async (items: string[]) => await store.checkProcessedAndRecord(items),
			removeProcessed: async (items: string[]) => await store.removeProcessed(items),
			getProcessedDataCount: async () => store.entries?.length ?? 0,
		},
	} as unknown as IExecuteFunctions;
}

describe('idempotency claims shared by several n8n processes', () => {
	jest.setTimeout(60_000);

	it('two processes claiming the same key at the same moment: exactly one wins', async () => {
		const store = new ReadModifyWriteStore();
		const [a, b] = [process_(), process_()];
		const winners: number[] = [];
		for (let n = 0; n < 8; n++) {
			const key = `K-${n}`;
			const [ra, rb] = await Promise.all([a.claimKeys(executeContext(store, 'a'), [key]), b.claimKeys(executeContext(store, 'b'), [key])]);
			winners.push([ra, rb].filter((r) => r.claimed.has(key)).length);
		}
		expect(winners).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
	});

	it('many keys claimed at once by two processes: none is lost, so a later run sees every one', async () => {
		const store = new ReadModifyWriteStore();
		const [a, b] = [process_(), process_()];
		const keys = Array.from({ length: 24 }, (_, n) => `ROW-${n}`);
		const claims = keys.map((k, n) => (n % 2 === 0 ? a : b).claimKeys(executeContext(store, n % 2 === 0 ? 'a' : 'b'), [k]));
		expect((await Promise.all(claims)).flatMap((r) => [...r.duplicates])).toEqual([]);
		const later = process_();
		const again = await later.claimKeys(executeContext(store, 'c'), keys);
		expect([...again.duplicates].sort()).toEqual([...keys].sort());
		expect(again.claimed.size).toBe(0);
	});

	it('one run claims all its keys in one round and leaves no claim token behind', async () => {
		const store = new ReadModifyWriteStore();
		const calls: string[][] = [];
		const original = store.checkProcessedAndRecord.bind(store);
		store.checkProcessedAndRecord = async (items: string[]) => {
			calls.push(items);
			return await original(items);
		};
		const keys = Array.from({ length: 200 }, (_, n) => `ROW-${n}`);
		const claim = await process_().claimKeys(executeContext(store, 'a'), keys);
		expect(claim.claimed.size).toBe(200);
		expect(calls).toHaveLength(2);
		expect(store.entries).toHaveLength(200);
		expect([...(store.entries ?? [])].sort()).toEqual([...keys].sort());
	});

	it('refuses new keys near the bound instead of letting n8n forget the oldest ones', async () => {
		const ks = process_();
		const store = new ReadModifyWriteStore();
		store.entries = Array.from({ length: ks.KEY_STORE_BOUND - ks.KEY_STORE_HEADROOM - 5 }, (_, n) => `OLD-${n}`);
		const before = store.entries.length;
		await expect(ks.claimKeys(executeContext(store, 'a'), ['A', 'B', 'C', 'D', 'E'])).rejects.toThrow(/too close to n8n's bound of 100000/);
		expect(store.entries).toHaveLength(before);
		expect(store.entries[0]).toBe('OLD-0');
		const fits = await ks.claimKeys(executeContext(store, 'a'), ['A', 'B', 'C', 'D']);
		expect(fits.claimed.size).toBe(4);
	});
});

/**
 * The idempotency claim against a store that behaves like n8n's de-duplication store: it reads a
 * scope's entry list and writes it back (no lock, no transaction). Two "processes" are two isolated
 * copies of the module, as two queue-mode workers are.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

type SafeWrite = typeof import('../../nodes/shared/safeWrite');

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

function process_(): SafeWrite {
	let mod: SafeWrite | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		mod = require('../../nodes/shared/safeWrite') as SafeWrite;
	});
	return mod as SafeWrite;
}

function executeContext(store: ReadModifyWriteStore, executionId: string): IExecuteFunctions {
	const staticData: IDataObject = {};
	return {
		getNode: () => ({ id: 'n1', name: 'Create Order', type: 't', typeVersion: 1, position: [0, 0], parameters: {} }),
		getExecutionId: () => executionId,
		getWorkflowStaticData: () => staticData,
		helpers: {
			checkProcessedAndRecord: async (items: string[]) => await store.checkProcessedAndRecord(items),
			removeProcessed: async (items: string[]) => await store.removeProcessed(items),
		},
	} as unknown as IExecuteFunctions;
}

const safety = (key: string) => ({ key, scoped: `Create Order\u0000${key}`, dryRun: false, maxTotalFen: 0 });

describe('idempotency claims shared by several n8n processes', () => {
	jest.setTimeout(60_000);

	it('two processes claiming the same key at the same moment: exactly one wins', async () => {
		const store = new ReadModifyWriteStore();
		const [a, b] = [process_(), process_()];
		const winners: number[] = [];
		for (let n = 0; n < 8; n++) {
			const s = safety(`K-${n}`);
			const [ra, rb] = await Promise.all([a.claimKey(executeContext(store, 'a'), s), b.claimKey(executeContext(store, 'b'), s)]);
			winners.push([ra, rb].filter((r) => r === undefined).length);
		}
		expect(winners).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
	});

	it('many keys claimed at once by two processes: none is lost, so a later run sees every one', async () => {
		const store = new ReadModifyWriteStore();
		const [a, b] = [process_(), process_()];
		const keys = Array.from({ length: 24 }, (_, n) => `ROW-${n}`);
		const claims = keys.map((k, n) => (n % 2 === 0 ? a : b).claimKey(executeContext(store, n % 2 === 0 ? 'a' : 'b'), safety(k)));
		expect((await Promise.all(claims)).filter((r) => r !== undefined)).toEqual([]);
		const later = process_();
		const again = await Promise.all(keys.map((k) => later.claimKey(executeContext(store, 'c'), safety(k))));
		expect(again.map((r) => r?.duplicate)).toEqual(keys.map(() => true));
	});
});

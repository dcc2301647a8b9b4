import { ENDPOINTS } from '../../nodes/shared/catalogue';
import type { EndpointKey } from '../../nodes/shared/catalogue';
import { PandaponAfterSales, platforms as afterSales } from '../../nodes/PandaponAfterSales/PandaponAfterSales.node';
import { PandaponCart, platforms as cart } from '../../nodes/PandaponCart/PandaponCart.node';
import { PandaponLogistics, platforms as logistics } from '../../nodes/PandaponLogistics/PandaponLogistics.node';
import { PandaponOrder, platforms as order } from '../../nodes/PandaponOrder/PandaponOrder.node';
import { PandaponProduct, platforms as product } from '../../nodes/PandaponProduct/PandaponProduct.node';
import { CONTRACT } from '../../sandbox/contract/index';
import { HANDLERS } from '../../sandbox/handlers/index';

const NODES = { Cart: cart, Order: order, Product: product, Logistics: logistics, 'After-Sales': afterSales };

describe('endpoint catalogue', () => {
	const keys = Object.keys(ENDPOINTS) as EndpointKey[];

	it('has a sandbox contract and handler for every endpoint', () => {
		expect(keys.filter((k) => !CONTRACT[k])).toEqual([]);
		expect(keys.filter((k) => !HANDLERS[k])).toEqual([]);
	});

	it('has a node operation, under the catalogue name, for every endpoint', () => {
		const missing = keys.filter((k) => {
			const e = ENDPOINTS[k];
			if (e.node === 'Trigger') return false;
			const table = NODES[e.node].find((p) => p.platform === e.platform);
			return !table?.options.some((o) => o.name === e.operation && table.operations[String(o.value)]);
		});
		expect(missing).toEqual([]);
	});

	it('sorts every operation dropdown by name and points each entry at an operation file', () => {
		for (const table of Object.values(NODES).flat()) {
			const names = table.options.map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			for (const option of table.options) expect(table.operations[String(option.value)]).toBeDefined();
			if (table.options.length > 0) expect(table.operations[table.defaultOperation]).toBeDefined();
		}
	});

	it('marks provenance and source on every row, with unique method + path', () => {
		const routes = keys.map((k) => `${ENDPOINTS[k].method} ${ENDPOINTS[k].path}`);
		expect(new Set(routes).size).toBe(routes.length);
		for (const k of keys) expect(ENDPOINTS[k].source.length).toBeGreaterThan(5);
	});

	it('shows a notice on exactly the operations whose endpoint is inferred or in development', () => {
		const described = { Cart: new PandaponCart(), Order: new PandaponOrder(), Product: new PandaponProduct(), Logistics: new PandaponLogistics(), 'After-Sales': new PandaponAfterSales() };
		for (const k of keys) {
			const e = ENDPOINTS[k];
			if (e.node === 'Trigger') continue;
			const table = NODES[e.node].find((p) => p.platform === e.platform)!;
			const value = table.options.find((o) => o.name === e.operation)!.value;
			const notices = described[e.node].description.properties.filter(
				(p) => p.name === 'endpointNotice' && p.displayOptions?.show?.resource?.[0] === e.platform && p.displayOptions?.show?.operation?.[0] === value,
			);
			const expected = e.provenance === 'inferred' ? /^Inferred endpoint/ : e.inDevelopment ? /in development/ : undefined;
			if (expected) expect([k, notices.map((n) => n.displayName)]).toEqual([k, [expect.stringMatching(expected)]]);
			else expect([k, notices]).toEqual([k, []]);
		}
	});
});

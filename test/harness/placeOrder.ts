import type { Sandbox } from '../../sandbox/server';

/** A 1688 order of one earring line placed straight in the sandbox's state, as a seller would see it made. */
export function placeOrder(sandbox: Sandbox, quantity = 2) {
	const lines = sandbox.state.cargoLines([{ offerId: 624981234567n, specId: '7f3a1c2e9b8d4f60a1b2c3d4e5f60718', quantity }]).map((c) => c.line);
	return sandbox.state.createOrder('b2b-2206783546291c8f1', lines, {
		address: { fullName: '王小明', mobile: '13800138000', provinceText: '浙江省', cityText: '杭州市', address: '文一西路969号' },
		flow: 'general',
	});
}

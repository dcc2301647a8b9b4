/**
 * Every Pandapon endpoint the package calls. `documented` rows follow a published page; `inferred`
 * rows take their path from the naming of documented neighbours because the page body was not
 * available. The README's operation table is generated from this list.
 */
export type Platform = '1688' | 'taobao';

export interface Endpoint {
	/** The node and operation (display names) that call it; the README's table is built from these. */
	node: 'Cart' | 'Order' | 'Product' | 'Logistics' | 'After-Sales' | 'Trigger';
	operation: string;
	platform: Platform;
	method: 'GET' | 'POST';
	/** `{name}` marks a path parameter (CallOptions.path fills it in). */
	path: string;
	/** Writes are never retried blindly: a repeated create or pay could buy twice. */
	kind: 'read' | 'write';
	provenance: 'documented' | 'inferred';
	/** Pandapon marks the page 开发中 (in development): usable, but it may still change. */
	inDevelopment: boolean;
	/** The documentation page the row comes from; `doc-en/api-263477662` is https://doc-en.pandapon.com/api-263477662. */
	source: string;
	summary: string;
}

/** One row per endpoint, in the order the README lists them. */
const ROWS = {
	cart1688Add: ['Cart', 'Add Item', '1688', 'POST', '/alibaba/cart/add', 'write', 'inferred', 'doc-cnv2/api-288855705 (menu: add)', 'Add an offer spec to the 1688 cart'],
	cart1688List: ['Cart', 'Get Many', '1688', 'GET', '/alibaba/cart/list', 'read', 'inferred', 'doc-cnv2/api-288837580 (v2 /v2/alibaba/cart/list)', 'List the 1688 cart, grouped by seller'],
	cart1688EditQuantity: ['Cart', 'Update Quantity', '1688', 'POST', '/alibaba/cart/edit-quantity', 'write', 'documented', 'doc/api-250313129', 'Change the quantity of a 1688 cart item'],
	cart1688Delete: ['Cart', 'Remove Items', '1688', 'POST', '/alibaba/cart/delete', 'write', 'inferred', 'doc-cnv2/api-288855705 (menu: delete)', 'Remove items from the 1688 cart'],
	cart1688Preview: ['Cart', 'Preview Order', '1688', 'POST', '/alibaba/cart/preview/order', 'read', 'documented', 'doc/api-250313128; doc-vnm/api-250496591', 'Preview the orders that cart items would become'],
	cart1688CreateOrder: ['Cart', 'Create Order', '1688', 'POST', '/alibaba/cart/create/order', 'write', 'documented', 'doc-en/api-263477662', 'Create 1688 orders from cart items'],
	taobaoCartAdd: ['Cart', 'Add Item', 'taobao', 'POST', '/open/cart/add', 'write', 'documented', 'doc/api-250313100', 'Add a Taobao item SKU to the cart'],
	taobaoCartList: ['Cart', 'Get Many', 'taobao', 'GET', '/open/cart/list', 'read', 'inferred', 'doc-env2/api-289120999 (menu: cart list)', 'List the Taobao cart'],
	taobaoCartEditQuantity: ['Cart', 'Update Quantity', 'taobao', 'POST', '/open/cart/edit-quantity', 'write', 'inferred', 'doc-env2/api-289120999 (menu: edit quantity)', 'Change the quantity of a Taobao cart item'],
	taobaoCartDelete: ['Cart', 'Remove Items', 'taobao', 'POST', '/open/cart/delete', 'write', 'inferred', 'doc-env2/api-289120999 (menu: delete)', 'Remove items from the Taobao cart'],
	taobaoCartPreview: ['Cart', 'Preview Order', 'taobao', 'POST', '/open/cart/create/preview', 'read', 'inferred', 'doc-env2/api-289120999 (menu: order preview)', 'Preview the order that Taobao cart items would become'],
	taobaoCartCreateOrder: ['Cart', 'Create Order', 'taobao', 'POST', '/open/cart/create/order', 'write', 'documented', 'doc/api-250313096', 'Create a Taobao order from cart items'],
	order1688Preview: ['Order', 'Preview', '1688', 'POST', '/alibaba/order/create/preview', 'read', 'documented', 'doc/api-250313112', 'Preview a single-seller 1688 order'],
	order1688Create: ['Order', 'Create', '1688', 'POST', '/alibaba/order/create', 'write', 'documented', 'doc-vnm/api-250496568', 'Create a single-seller 1688 order'],
	order1688PreviewBatch: ['Order', 'Preview Batch', '1688', 'POST', '/alibaba/order/create/previewbatch', 'read', 'documented', 'doc-en/api-263477644', 'Preview orders across several sellers'],
	order1688CreateBatch: ['Order', 'Create Batch', '1688', 'POST', '/alibaba/order/batch/create', 'write', 'documented', 'doc-en/api-263477645', 'Create orders across several sellers'],
	order1688Detail: ['Order', 'Get', '1688', 'POST', '/alibaba/order/detail', 'read', 'documented', 'doc-vnm/api-250496569', 'Get a 1688 order'],
	order1688Page: ['Order', 'Get Many', '1688', 'POST', '/alibaba/order/page', 'read', 'inferred', 'doc-th/api-289190488 (v2 /v2/alibaba/order/page)', 'List 1688 orders, paged'],
	order1688Cancel: ['Order', 'Cancel', '1688', 'POST', '/alibaba/order/cancel', 'write', 'documented', 'doc-en/api-263477650', 'Cancel a 1688 order before payment'],
	order1688PayUrl: ['Order', 'Get Payment Link', '1688', 'GET', '/alibaba/order/pay/url', 'read', 'documented', 'doc-en/api-263477651', 'Get the payment link of a 1688 order'],
	order1688BulkPay: ['Order', 'Pay in Bulk', '1688', 'POST', '/alibaba/order/batch/submit/to/pay', 'write', 'documented', 'doc-en/api-263477643', 'Submit and pay 1688 orders in bulk'],
	order1688ConfirmReceipt: ['Order', 'Confirm Receipt', '1688', 'POST', '/alibaba/order/receivegoods', 'write', 'documented', 'doc-en/api-263477652', 'Confirm receipt of a 1688 order'],
	address1688Save: ['Order', 'Save Address', '1688', 'POST', '/open/address/addOrUpdate', 'write', 'documented', 'doc-en/api-263477669', 'Add or update a saved shipping address'],
	address1688List: ['Order', 'Get Addresses', '1688', 'GET', '/open/address/list', 'read', 'inferred', 'doc-en-ka.xportcn.com/doc-7259273 (Xportcn menu: get user address)', 'List saved shipping addresses'],
	taobaoOrderPreview: ['Order', 'Preview', 'taobao', 'POST', '/open/order/render', 'read', 'inferred', 'doc-vnm/api-250496562 (menu: render before creating order)', 'Preview a Taobao order'],
	taobaoOrderCreate: ['Order', 'Create', 'taobao', 'POST', '/open/order', 'write', 'documented', 'doc-en/api-263477610', 'Create a Taobao order'],
	taobaoOrderDetail: ['Order', 'Get', 'taobao', 'GET', '/open/order/detail', 'read', 'inferred', 'doc-en/api-263477617 (menu: order details by id)', 'Get a Taobao order'],
	taobaoOrderPage: ['Order', 'Get Many', 'taobao', 'GET', '/open/order/page', 'read', 'inferred', 'doc-en/api-263477611 (menu: paging query)', 'List Taobao orders, paged'],
	taobaoOrderCancel: ['Order', 'Cancel', 'taobao', 'POST', '/open/order/cancel', 'write', 'inferred', 'doc-en/api-263477617 (menu: cancel)', 'Cancel a Taobao order'],
	taobaoOrderPay: ['Order', 'Pay', 'taobao', 'POST', '/open/order/pay', 'write', 'inferred', 'doc-en/api-263477617 (menu: pay)', 'Pay a Taobao order'],
	taobaoOrderVoucher: ['Order', 'Upload Payment Voucher', 'taobao', 'POST', '/open/order/voucher/upload', 'write', 'inferred', 'doc-en/api-263477617 (menu: upload payment voucher)', 'Upload a payment voucher for a Taobao order'],
	taobaoOrderWarehouse: ['Order', 'Update Pre-Warehouse Info', 'taobao', 'POST', '/open/order/warehouse/modify', 'write', 'inferred', 'doc-en/api-263477617 (menu: modify pre-warehouse info)', 'Change the pre-warehouse (forwarder) info of a Taobao order'],
	taobaoOrderImLink: ['Order', 'Get IM Link', 'taobao', 'POST', '/open/order/page/link/get', 'read', 'documented', 'doc-en/api-263477616', 'Get a chat link to the Taobao seller'],
	product1688Get: ['Product', 'Get', '1688', 'POST', '/alibaba/product/detail/get', 'read', 'documented', 'doc-vnm/project-4008853/api-147289688', 'Get a 1688 offer'],
	product1688Search: ['Product', 'Search', '1688', 'POST', '/alibaba/product/keywords/query', 'read', 'documented', 'doc-en/api-263477640', 'Search 1688 offers by keyword'],
	product1688ImageSearch: ['Product', 'Search by Image', '1688', 'POST', '/alibaba/product/image/query', 'read', 'documented', 'doc/api-250313105', 'Search 1688 offers by image'],
	product1688StoreSearch: ['Product', 'Search Store', '1688', 'POST', '/alibaba/product/query/selleroffer', 'read', 'documented', 'doc-en/api-263477642', 'Search the offers of one 1688 seller'],
	product1688Recommend: ['Product', 'Get Recommendations', '1688', 'POST', '/alibaba/product/recommend/query', 'read', 'inferred', 'doc-en/api-263477642 (menu: product recommendation)', 'Recommended 1688 offers'],
	product1688Related: ['Product', 'Get Related', '1688', 'POST', '/alibaba/product/productRelatedRecommendQuery', 'read', 'inferred', 'doc-env2/api-289121023 (v2 /v2/alibaba/product/productRelatedRecommendQuery)', 'Offers related to a 1688 offer'],
	product1688Category: ['Product', 'Get Category', '1688', 'POST', '/alibaba/product/category/get', 'read', 'inferred', 'doc-en/api-263477642 (menu: multilingual categories)', 'A 1688 category and its children, translated'],
	product1688Wangwang: ['Product', 'Get Wangwang URL', '1688', 'POST', '/alibaba/product/wangwang/url', 'read', 'inferred', 'doc-en/api-263477642 (menu: convert and decrypt to Wangwang)', 'The Wangwang chat link of a 1688 seller'],
	taobaoProductGet: ['Product', 'Get', 'taobao', 'GET', '/open/product/get', 'read', 'documented', 'doc-vnm/api-250496531', 'Get a Taobao item'],
	taobaoProductBatchCheck: ['Product', 'Batch Check', 'taobao', 'POST', '/open/product/batch/check', 'read', 'documented', 'doc-en/api-263477607', 'Check many Taobao items at once'],
	taobaoProductSource: ['Product', 'Get Source', 'taobao', 'POST', '/open/product/source/get', 'read', 'documented', 'doc-vnm/api-250496526', 'Look up the source of a Taobao item'],
	taobaoProductSearch: ['Product', 'Search', 'taobao', 'POST', '/open/product/item/search', 'read', 'inferred', 'doc-env2/api-289120988 (v2 /v2/taobao/product/item/search)', 'Search Taobao items by keyword'],
	taobaoProductImageSearch: ['Product', 'Search by Image', 'taobao', 'POST', '/open/product/image/search', 'read', 'inferred', 'doc-en/api-263477607 (menu: picture search)', 'Search Taobao items by image'],
	taobaoShopSearch: ['Product', 'Search Shop', 'taobao', 'POST', '/open/product/shop/search', 'read', 'inferred', 'doc-vnm/api-250496562 (menu: shop keyword search)', 'Search one Taobao shop by keyword'],
	logistics1688Trace: ['Logistics', 'Get Tracking', '1688', 'GET', '/alibaba/order/logistics/trace', 'read', 'inferred', 'doc-en/api-263477646 (menu: logistics tracking)', 'Parcels and tracking events of a 1688 order'],
	logistics1688Companies: ['Logistics', 'Get Companies', '1688', 'GET', '/alibaba/logistics/company/list', 'read', 'inferred', 'doc-en/api-263477656 (menu: logistics companies)', 'Logistics companies (for return shipments)'],
	taobaoLogistics: ['Logistics', 'Get Tracking', 'taobao', 'GET', '/open/order/logistics/detail/get', 'read', 'documented', 'doc/api-250313082', 'Parcels and tracking events of a Taobao purchase sub-order'],
	warehouseFreightEstimate: ['Logistics', 'Estimate Freight', '1688', 'POST', '/alibaba/warehouse/freight/estimate', 'read', 'inferred', 'doc-en-ka.xportcn.com/doc-7259273 (Xportcn menu: estimated overseas freight)', 'Estimate overseas freight by weight and destination'],
	warehouseOrderFreight: ['Logistics', 'Preview Order Freight', '1688', 'POST', '/alibaba/warehouse/order/freight/preview', 'read', 'inferred', 'doc-en-ka.xportcn.com/doc-7259273 (Xportcn menu: order overseas freight preview)', 'Preview overseas freight for orders'],
	warehouseShipmentCreate: ['Logistics', 'Create International Shipment', '1688', 'POST', '/alibaba/warehouse/logistics/create', 'write', 'inferred', 'doc-en-ka.xportcn.com/doc-7259273 (Xportcn menu: create international logistics order)', 'Create an international logistics order'],
	warehouseDomesticUpdate: ['Logistics', 'Update Domestic Tracking', '1688', 'POST', '/alibaba/warehouse/domestic/update', 'write', 'inferred', 'doc-en-ka.xportcn.com/doc-7259273 (Xportcn menu: update domestic logistics info)', 'Tell the warehouse a domestic tracking number'],
	refund1688Reasons: ['After-Sales', 'Get Reasons', '1688', 'POST', '/alibaba/refund/reasons', 'read', 'inferred', 'doc-en/api-263477656 (menu: refund reasons)', 'Refund/return reasons allowed for order lines'],
	refund1688Create: ['After-Sales', 'Create', '1688', 'POST', '/alibaba/refund/detail/create', 'write', 'documented', 'doc-en/api-263477656', 'Apply for a refund or return'],
	refund1688Get: ['After-Sales', 'Get', '1688', 'POST', '/alibaba/refund/info', 'read', 'documented', 'doc-vnm/api-250496578', 'Get a 1688 refund'],
	refund1688ReturnGoods: ['After-Sales', 'Submit Return Shipment', '1688', 'POST', '/alibaba/refund/goods/return', 'write', 'documented', 'doc-en/api-263477657', 'Tell the seller how the goods were sent back'],
	refund1688Voucher: ['After-Sales', 'Upload Voucher', '1688', 'POST', '/alibaba/refund/voucher/upload', 'write', 'inferred', 'doc-en/api-263477656 (menu: upload voucher)', 'Upload a refund/return voucher image'],
	taobaoRefundPage: ['After-Sales', 'Get Many', 'taobao', 'POST', '/open/order/refund/queryList', 'read', 'documented', 'doc-vnm/api-250496545', 'List Taobao reverse orders'],
	taobaoRefundRender: ['After-Sales', 'Get Refund Options', 'taobao', 'POST', '/open/order/refund/render', 'read', 'inferred', 'doc-cnv2/api-288803028 (v2 /v2/taobao/order/refund/render)', 'What refund a Taobao sub-order allows'],
	taobaoRefundCreate: ['After-Sales', 'Create', 'taobao', 'POST', '/open/order/refund/submit', 'write', 'inferred', 'doc-en/api-263477619 (menu: reverse order submit)', 'Create a Taobao reverse order'],
	taobaoRefundGet: ['After-Sales', 'Get', 'taobao', 'GET', '/open/order/refund/query', 'read', 'documented', 'doc-vnm/api-250496551', 'Get a Taobao reverse order'],
	taobaoRefundModify: ['After-Sales', 'Update', 'taobao', 'POST', '/open/order/refund/modify', 'write', 'inferred', 'doc-en/api-263477619 (menu: reverse order modify)', 'Change a Taobao reverse order'],
	taobaoRefundCancel: ['After-Sales', 'Cancel', 'taobao', 'GET', '/open/order/refund/cancel/{refundId}', 'write', 'documented', 'doc/api-250313087; doc-vnm/api-250496552', 'Cancel a Taobao reverse order'],
	taobaoRefundMessages: ['After-Sales', 'Get Messages', 'taobao', 'POST', '/open/order/refund/message/list', 'read', 'inferred', 'doc-en/api-263477619 (menu: reverse order message list)', 'Messages of a Taobao reverse order'],
	taobaoRefundMessage: ['After-Sales', 'Send Message', 'taobao', 'POST', '/open/order/refund/submit/message', 'write', 'documented', 'doc-en/api-263477624', 'Send a message on a Taobao reverse order'],
	taobaoReturnRender: ['After-Sales', 'Get Return Shipping Options', 'taobao', 'GET', '/open/order/refund/logistics/render', 'read', 'inferred', 'doc-en/api-263477619 (menu: return-logistics render)', 'How a Taobao return can be shipped'],
	taobaoReturnSubmit: ['After-Sales', 'Submit Return Shipment', 'taobao', 'POST', '/open/order/refund/logistics/submit', 'write', 'inferred', 'doc-en/api-263477619 (menu: return-logistics submit)', 'Tell the seller how a Taobao return was sent'],
} as const satisfies Record<
	string,
	readonly [
		Endpoint['node'],
		string,
		Platform,
		Endpoint['method'],
		string,
		Endpoint['kind'],
		Endpoint['provenance'],
		string,
		string,
	]
>;

export type EndpointKey = keyof typeof ROWS;

const IN_DEVELOPMENT: ReadonlySet<string> = new Set<EndpointKey>(['taobaoRefundPage', 'taobaoRefundGet', 'taobaoRefundCancel', 'taobaoRefundMessage']);

export const ENDPOINTS = Object.fromEntries(
	Object.entries(ROWS).map(([key, [node, operation, platform, method, path, kind, provenance, source, summary]]) => [
		key,
		{ node, operation, platform, method, path, kind, provenance, inDevelopment: IN_DEVELOPMENT.has(key), source, summary },
	]),
) as Record<EndpointKey, Endpoint>;

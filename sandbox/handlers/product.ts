import type { AreaHandlers } from './common';

export const PRODUCT: AreaHandlers = {};
